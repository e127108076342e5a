/**
 * `SERVER_PROCESSES=2 npm start` on PostgreSQL, as an operator runs it: one port served by two
 * worker processes under a primary (src/server/server-processes.ts). A session made through one
 * is good on the other; a worker that dies is replaced while the port keeps answering; SIGTERM
 * stops every process and exits 0. On PGlite, or when a worker cannot listen, it refuses to run.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { serverProcessesOf } from '#src/server/server-processes.ts';
import { apiPaths } from '#src/shared/sync/protocol.ts';
import { freePort, startServer, stubStaticDir, type RunningServer } from '../support/server-process.ts';

const cleanups: Array<() => Promise<unknown> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The pids of a process's worker children, those running server.ts (tsx's esbuild is another). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const isChild = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
        return isChild && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('src/server/server.ts');
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** One request on a connection of its own (so that the primary hands each to the next worker). */
function onNewConnection(url: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${url}${path}`, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

async function newPostgresDatabase(adminUrl: string): Promise<string> {
  const name = `antt_processes_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function staticFolder(): string {
  const folder = stubStaticDir();
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

async function start(env: Record<string, string>): Promise<RunningServer> {
  const server = await startServer({ STATIC_DIR: staticFolder(), ...env });
  cleanups.push(() => server.stop('SIGKILL'));
  return server;
}

describe('SERVER_PROCESSES, its value', () => {
  it('is one process unless set, one per core with auto, and refuses anything but 1–64', () => {
    expect(serverProcessesOf(undefined)).toBe(1);
    expect(serverProcessesOf('')).toBe(1);
    expect(serverProcessesOf('4')).toBe(4);
    expect(serverProcessesOf('auto')).toBeGreaterThanOrEqual(1);
    for (const bad of ['0', '65', '1.5', 'two', '-1']) expect(() => serverProcessesOf(bad)).toThrow(/SERVER_PROCESSES/);
  });
});

const adminUrl = inject('postgresAdminUrl');
const describeOnPostgres = adminUrl ? describe : describe.skip;

describeOnPostgres('several server processes on PostgreSQL', () => {
  it('serves one port from two workers, shares sessions, replaces a dead worker and stops them all on SIGTERM', async () => {
    const server = await start({ DATABASE_URL: await newPostgresDatabase(adminUrl!), SERVER_PROCESSES: '2' });
    await server.waitForOutput('đang chạy tại');
    expect(server.output()).toContain('2 tiến trình máy chủ');
    expect(server.output().split('Đã nạp dữ liệu mẫu').length - 1).toBe(1);
    const primary = server.process.pid!;
    expect(childrenOf(primary)).toHaveLength(2);

    const login = await onNewConnection(server.url, apiPaths.login, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tovien', password: 'antt2026' }),
    });
    expect(login.status).toBe(200);
    const session = { authorization: `Bearer ${JSON.parse(login.body).token}` };
    for (let index = 0; index < 4; index += 1) {
      const me = await onNewConnection(server.url, apiPaths.me, { headers: session });
      expect(me.status).toBe(200);
      expect(JSON.parse(me.body).user.username).toBe('tovien');
    }

    const [killed] = childrenOf(primary);
    process.kill(killed!, 'SIGKILL');
    await server.waitForOutput(`Tiến trình máy chủ ${killed} dừng bất thường`);
    for (let index = 0; index < 4; index += 1) expect((await onNewConnection(server.url, apiPaths.health)).status).toBe(200);
    await server.waitForOutput('đã sẵn sàng thay cho tiến trình đã dừng', 60_000);
    const replaced = childrenOf(primary);
    expect(replaced).toHaveLength(2);
    expect(replaced).not.toContain(killed);

    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output().split('Đã dừng máy chủ.').length - 1).toBe(2);
    for (const pid of replaced) expect(() => process.kill(pid, 0)).toThrow();
  });

  it('stops at once, and cleanly, a worker still starting when SIGTERM comes', async () => {
    const server = await start({ DATABASE_URL: await newPostgresDatabase(adminUrl!), SERVER_PROCESSES: '2', DEMO_DATA: 'false' });
    await server.waitForOutput('đang chạy tại');
    const primary = server.process.pid!;
    const [killed, kept] = childrenOf(primary);
    process.kill(killed!, 'SIGKILL');
    await server.waitForOutput(`Tiến trình máy chủ ${killed} dừng bất thường`);
    const starting = childrenOf(primary).find((pid) => pid !== kept);
    expect(starting).toBeDefined();
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).not.toContain('đã sẵn sàng thay cho');
    expect(server.output().split('Đã dừng máy chủ.').length - 1).toBe(1);
    for (const pid of [kept!, starting!]) expect(() => process.kill(pid, 0)).toThrow();
  });

  it('stops with a message when a worker cannot listen (the port taken)', async () => {
    const port = await freePort();
    // Taken by a listener that drops every connection (so the health probe fails fast).
    const taken: Server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const failing = start({ DATABASE_URL: await newPostgresDatabase(adminUrl!), SERVER_PROCESSES: '2', PORT: String(port) });
    await expect(failing).rejects.toThrow(/exited with 1[\s\S]*không khởi động được/);
  });
});

describe('several server processes on PGlite', () => {
  it('refuses to start: the embedded database belongs to one process', async () => {
    await expect(start({ DATABASE_URL: '', DATA_DIR: 'memory', SERVER_PROCESSES: '2' })).rejects.toThrow(/exited with 1[\s\S]*SERVER_PROCESSES lớn hơn 1 cần DATABASE_URL/);
  });
});
