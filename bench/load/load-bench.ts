// `npm run bench -- load`: 1,000 devices against the real server process over HTTP, on a
// throwaway PostgreSQL 15 cluster and on PGlite, and in the same run the reference limits (a
// bare Fastify answering the same bytes; the app with an empty handler). Writes
// bench/results/load.json and returns the lines of the summary.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '#src/server/db/database.ts';
import { migrate } from '#src/server/db/migrate.ts';
import { stubStaticDir } from '../../tests/support/server-process.ts';
import { cpuSecondsBetween, processTreeTicks } from './cpu.ts';
import { LoadClient, type LoadPlan, type TimedPhase } from './load-client.ts';
import { startCluster, type Cluster } from './postgres-cluster.ts';
import { deviceCount, seedLoad, type Device, type LoadShape } from './seed.ts';
import { startBenchServer, type BenchServer } from './server-process.ts';
import { quantile } from '../stats.ts';

export interface LoadOptions {
  shape: LoadShape;
  plan: LoadPlan;
  targets: TargetName[];
  /** PostgreSQL pool size of the server (PG_POOL_SIZE). */
  poolSize?: number;
  /** Server processes on the one port (SERVER_PROCESSES), PostgreSQL only. */
  serverProcesses?: number;
  durable?: boolean;
  /** The server reaches PostgreSQL through its unix socket (same machine) instead of TCP. */
  unixSocket?: boolean;
  /** Results go to bench/results/load-<name>.json (default: load.json). */
  resultsName?: string;
}

export type TargetName = 'postgres' | 'pglite' | 'bare' | 'empty';

const latency = (values: number[]) => ({
  count: values.length,
  p50: round(quantile(values, 0.5)),
  p95: round(quantile(values, 0.95)),
  p99: round(quantile(values, 0.99)),
  max: round(Math.max(...values)),
});
const round = (value: number) => Math.round(value * 10) / 10;

export interface TargetResult {
  target: TargetName;
  devices: number;
  mutations: number;
  wallMs: number;
  mutationsPerSecond: number;
  requestsPerSecond: number;
  push: ReturnType<typeof latency>;
  pull: ReturnType<typeof latency>;
  /** Each province's share when the load spans several: its mutations/s over the time its devices took. */
  provinces?: Array<{ province: number; mutations: number; mutationsPerSecond: number; push: ReturnType<typeof latency> }>;
  /** CPU seconds used during the timed phase. */
  cpu: { server: number; postgres: number | null; client: number };
  /**
   * Server and PostgreSQL CPU per mutation (ms), and the mutations/s that would follow if the
   * machine's cores ran nothing else (this machine's cores are shared with other work, so the
   * measured rate depends on how much of them the run got; this figure does not).
   */
  efficiency: { serverCpuMsPerMutation: number; mutationsPerCoreSecond: number; mutationsPerSecondOnAllCores: number };
  verification: { missing: number; extra: number } | null;
  /** PostgreSQL only: the statements that took the most time. */
  topStatements?: Array<{ query: string; calls: number; totalMs: number; meanMs: number }>;
}

const progress = (message: string) => console.info(`[load ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function runTarget(target: TargetName, server: BenchServer, devices: Device[], plan: LoadPlan, cluster: Cluster | null, statsUrl: string | null): Promise<{ result: TargetResult; phase: TimedPhase }> {
  const client = new LoadClient(server.url, devices, plan);
  try {
    progress(`${target}: ${devices.length} devices connect and catch up`);
    await client.catchUp();
    progress(`${target}: the run`);
    if (statsUrl) await withClient(statsUrl, (c) => c.query('SELECT pg_stat_statements_reset()'));
    const before = { server: processTreeTicks(server.pid), postgres: cluster ? processTreeTicks(cluster.pid()) : null, client: process.cpuUsage() };
    const phase = await client.run();
    const cpu = {
      server: round(cpuSecondsBetween(before.server, processTreeTicks(server.pid))),
      postgres: cluster && before.postgres ? round(cpuSecondsBetween(before.postgres, processTreeTicks(cluster.pid()))) : null,
      client: round((process.cpuUsage(before.client).user + process.cpuUsage(before.client).system) / 1e6),
    };
    const topStatements = statsUrl ? await readTopStatements(statsUrl) : undefined;
    const isReal = target === 'postgres' || target === 'pglite';
    const verification = isReal ? await client.verify() : null;
    const requests = phase.pushMs.length + phase.pullMs.length;
    const serverSide = cpu.server + (cpu.postgres ?? 0);
    const perCore = phase.mutations / (serverSide + cpu.client);
    const efficiency = {
      serverCpuMsPerMutation: Math.round((serverSide * 1000 * 1000) / phase.mutations) / 1000,
      mutationsPerCoreSecond: Math.round(perCore),
      mutationsPerSecondOnAllCores: Math.round(perCore * cpus().length),
    };
    const result: TargetResult = {
      target, devices: devices.length, mutations: phase.mutations, wallMs: Math.round(phase.wallMs),
      mutationsPerSecond: Math.round(phase.mutations / (phase.wallMs / 1000)),
      requestsPerSecond: Math.round(requests / (phase.wallMs / 1000)),
      push: latency(phase.pushMs), pull: latency(phase.pullMs), cpu, efficiency, verification,
      ...(phase.provinces.size > 1 ? { provinces: [...phase.provinces].map(([province, p]) => ({ province, mutations: p.mutations, mutationsPerSecond: Math.round(p.mutations / (p.doneMs / 1000)), push: latency(p.pushMs) })) } : {}),
      ...(topStatements ? { topStatements } : {}),
    };
    return { result, phase };
  } finally {
    await client.close();
  }
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function readTopStatements(url: string) {
  const { rows } = await withClient(url, (c) =>
    c.query<{ query: string; calls: string; total: number; mean: number }>(
      `SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query, calls, total_exec_time AS total, mean_exec_time AS mean
       FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 12`,
    ),
  );
  return rows.map((row) => ({ query: row.query.slice(0, 160), calls: Number(row.calls), totalMs: Math.round(row.total), meanMs: Math.round(row.mean * 1000) / 1000 }));
}

async function seeded(database: Database, shape: LoadShape): Promise<Device[]> {
  progress(`${database.kind}: migrate and seed ${deviceCount(shape)} accounts`);
  try {
    await migrate(database);
    return await seedLoad(database, shape);
  } finally {
    await database.close();
  }
}

interface RealRun {
  result: TargetResult;
  phase: TimedPhase;
}

async function runPostgres(options: LoadOptions, staticDir: string): Promise<RealRun> {
  const cluster = await startCluster({ durable: options.durable ?? false });
  try {
    await withClient(cluster.url, (c) => c.query('CREATE DATABASE antt_bench'));
    const url = cluster.url.replace(/\/postgres$/, '/antt_bench');
    await withClient(url, (c) => c.query('CREATE EXTENSION pg_stat_statements'));
    const devices = await seeded(await openDatabase({ databaseUrl: url }), options.shape);
    const pool: Record<string, string> = {
      ...(options.poolSize ? { PG_POOL_SIZE: String(options.poolSize) } : {}),
      SERVER_PROCESSES: String(options.serverProcesses ?? 1),
    };
    const serverUrl = options.unixSocket ? cluster.socketUrl('antt_bench') : url;
    const server = await startBenchServer('src/server/server.ts', [], { DATABASE_URL: serverUrl, DEMO_DATA: 'false', STATIC_DIR: staticDir, ...pool });
    try {
      return await runTarget('postgres', server, devices, options.plan, cluster, url);
    } finally {
      await server.stop();
    }
  } finally {
    cluster.stop();
  }
}

async function runPglite(options: LoadOptions, staticDir: string): Promise<RealRun> {
  const folder = mkdtempSync(join(tmpdir(), 'antt-bench-pglite-'));
  try {
    const devices = await seeded(await openDatabase({ dataDir: folder }), options.shape);
    const server = await startBenchServer('src/server/server.ts', [], { DATA_DIR: folder, DEMO_DATA: 'false', STATIC_DIR: staticDir, SERVER_PROCESSES: '1' });
    try {
      return await runTarget('pglite', server, devices, options.plan, null, null);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The median-sized real pull answer: what the reference servers send back. */
function cannedAnswers(phase: TimedPhase, folder: string): { CANNED_PUSH: string; CANNED_PULL: string } {
  const pulls = [...phase.pullAnswers].sort((a, b) => a.length - b.length);
  const files = { CANNED_PUSH: join(folder, 'push.json'), CANNED_PULL: join(folder, 'pull.json') };
  writeFileSync(files.CANNED_PUSH, phase.firstPushAnswer);
  writeFileSync(files.CANNED_PULL, pulls[Math.floor(pulls.length / 2)] ?? '{}');
  return files;
}

async function runReference(target: 'bare' | 'empty', devices: Device[], plan: LoadPlan, canned: Record<string, string>): Promise<TargetResult> {
  const server = await startBenchServer('bench/load/reference-server.ts', [target], canned);
  try {
    return (await runTarget(target, server, devices, plan, null, null)).result;
  } finally {
    await server.stop();
  }
}

export async function measureLoad(options: LoadOptions): Promise<{ results: TargetResult[]; file: string }> {
  const staticDir = stubStaticDir();
  const cannedFolder = mkdtempSync(join(tmpdir(), 'antt-bench-canned-'));
  const results: TargetResult[] = [];
  try {
    let reference: RealRun | null = null;
    for (const target of options.targets) {
      if (target === 'postgres' || target === 'pglite') {
        const run = target === 'postgres' ? await runPostgres(options, staticDir) : await runPglite(options, staticDir);
        reference ??= run;
        results.push(run.result);
        continue;
      }
      if (!reference) throw new Error('The reference servers answer what a real run answered: list postgres or pglite first');
      const devices = Array.from({ length: deviceCount(options.shape) }, (_, i) => ({ token: `reference-token-${i}-padded-to-a-real-length`, clientId: '', userId: '', teamId: '', householdIds: [], province: 0 }));
      results.push(await runReference(target, devices, options.plan, cannedAnswers(reference.phase, cannedFolder)));
    }
  } finally {
    rmSync(staticDir, { recursive: true, force: true });
    rmSync(cannedFolder, { recursive: true, force: true });
  }
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${options.resultsName ? `load-${options.resultsName}` : 'load'}.json`;
  const report = { at: new Date().toISOString(), machine: { cpus: cpus().length, loadAverageBefore: loadavg().map(round) }, shape: options.shape, plan: options.plan, poolSize: options.poolSize ?? null, serverProcesses: options.serverProcesses ?? 1, durable: options.durable ?? false, postgresVia: options.unixSocket ? 'unix socket' : 'tcp 127.0.0.1', results };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return { results, file };
}

/**
 * The default load: 1,000 devices (10 communes × 10 teams × 10 accounts), 3 batches of 5 logs
 * each. Environment: LOAD_TARGETS (postgres,pglite,bare,empty), LOAD_PROVINCES (provinces of that
 * size), LOAD_COMMUNES (communes per province, 10), PG_POOL_SIZE, SERVER_PROCESSES (of the
 * PostgreSQL target's server, 1; pglite always runs one), LOAD_DURABLE=true (fsync and
 * synchronous commit on), LOAD_PG_SOCKET=unix (the server reaches PostgreSQL through its unix
 * socket rather than TCP 127.0.0.1), LOAD_RESULTS=name (write bench/results/load-name.json),
 * LOAD_RAMP_MS (devices start at random moments within that many ms instead of all at once),
 * LOAD_BATCHES and LOAD_PER_BATCH (each device's pushes and logs per push: 3 and 5).
 */
export function loadOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): LoadOptions {
  const provinces = Number(env.LOAD_PROVINCES ?? 1);
  const shape: LoadShape = { provinces, communesPerProvince: Number(env.LOAD_COMMUNES ?? 10), teamsPerCommune: 10, membersPerTeam: 10, householdsPerHamlet: 30 };
  const targets = (env.LOAD_TARGETS ?? 'postgres,pglite,bare,empty').split(',').map((name) => name.trim()) as TargetName[];
  return {
    shape,
    plan: { batches: Number(env.LOAD_BATCHES ?? 3), perBatch: Number(env.LOAD_PER_BATCH ?? 5), pullLimit: 1000, rampMs: Number(env.LOAD_RAMP_MS ?? 0) },
    targets,
    ...(env.PG_POOL_SIZE ? { poolSize: Number(env.PG_POOL_SIZE) } : {}),
    ...(env.SERVER_PROCESSES ? { serverProcesses: Number(env.SERVER_PROCESSES) } : {}),
    durable: env.LOAD_DURABLE === 'true',
    unixSocket: env.LOAD_PG_SOCKET === 'unix',
    ...(env.LOAD_RESULTS ? { resultsName: env.LOAD_RESULTS.replace(/[^a-z0-9-]/gi, '') } : {}),
  };
}
