// A throwaway PostgreSQL 15 cluster for the load bench, made like the test suite's
// (tests/support/postgres-global-setup.ts): initdb in a temp folder, a free port on 127.0.0.1,
// run as the `postgres` user when we are root. Unlike the tests it preloads pg_stat_statements
// (where the time goes) and allows enough connections for several servers' pools.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../tests/support/server-process.ts';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface Cluster {
  /** Superuser URL of the `postgres` database, over TCP on 127.0.0.1. */
  url: string;
  /** The same server through its unix socket: the URL of database `name`. */
  socketUrl(name: string): string;
  /** The settings the cluster runs with (for the report). */
  settings: string[];
  /** Process id of the postmaster (its children are the backends). */
  pid(): number;
  stop(): void;
}

export async function startCluster(options: { durable?: boolean } = {}): Promise<Cluster> {
  if (!existsSync(join(PG_BIN, 'initdb'))) throw new Error(`PostgreSQL binaries not found in ${PG_BIN}`);
  const folder = mkdtempSync(join(tmpdir(), 'antt-bench-pg-'));
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, id('-u'), id('-g'));
  }
  const run = (binary: string, args: string[]) => {
    const [command, fullArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, binary), ...args]] : [join(PG_BIN, binary), args];
    execFileSync(command as string, fullArgs as string[], { stdio: 'pipe', timeout: 60_000 });
  };
  const dataDir = join(folder, 'data');
  const stop = () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped or never started.
    }
    rmSync(folder, { recursive: true, force: true });
  };
  // Durable: every commit waits for its WAL flush (a real server); otherwise as in the tests.
  const durability = options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'];
  const settings = [
    ...durability,
    '-c max_connections=300',
    '-c shared_buffers=256MB',
    "-c shared_preload_libraries=pg_stat_statements",
    '-c pg_stat_statements.track=all',
  ];
  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--no-locale']);
    const port = await freePort();
    const all = [`-p ${port}`, `-k ${folder}`, '-c listen_addresses=127.0.0.1', ...settings].join(' ');
    run('pg_ctl', ['-D', dataDir, '-o', all, '-l', join(folder, 'postgres.log'), '-w', '-t', '60', 'start']);
    const pid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const socketUrl = (name: string) => `postgres://postgres@/${name}?host=${encodeURIComponent(folder)}&port=${port}`;
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, socketUrl, settings, pid, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
