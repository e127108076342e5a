/**
 * `npm start` as a new user meets it: the embedded PGlite in a data folder, demo data on first
 * start, the accounts printed, and the data still there after a restart (loaded once, not twice).
 * With DEMO_DATA=false an empty database stays empty. A stub static folder stands in for the
 * build so that this suite does not depend on `vite build`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '#src/shared/sync/protocol.ts';
import { startServer, stubStaticDir, type RunningServer } from '../support/server-process.ts';

const folders: string[] = [];
const servers: RunningServer[] = [];

function tempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

async function start(env: Record<string, string>): Promise<RunningServer> {
  const staticDir = stubStaticDir();
  folders.push(staticDir);
  const server = await startServer({ DATABASE_URL: '', STATIC_DIR: staticDir, ...env });
  servers.push(server);
  await server.waitForOutput('đang chạy tại');
  return server;
}

async function login(server: RunningServer, username: string): Promise<number> {
  const response = await fetch(`${server.url}${apiPaths.login}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'antt2026' }),
  });
  return response.status;
}

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('npm start on the embedded database', () => {
  it('loads demo data once into a new data folder, prints the accounts, and keeps data across restarts', async () => {
    const dataDir = join(tempFolder('antt-data-'), 'data');
    const first = await start({ DATA_DIR: dataDir });
    expect(first.output()).toContain('Đã nạp dữ liệu mẫu');
    for (const username of ['tovien', 'totruong', 'congan', 'tinh']) expect(first.output()).toContain(username);
    expect(await login(first, 'tovien')).toBe(200);
    expect(await first.stop()).toBe(0);

    const second = await start({ DATA_DIR: dataDir });
    expect(second.output()).not.toContain('Đã nạp dữ liệu mẫu');
    expect(await login(second, 'totruong')).toBe(200);
  });

  it('keeps an empty database empty with DEMO_DATA=false', async () => {
    const server = await start({ DATA_DIR: 'memory', DEMO_DATA: 'false' });
    expect(server.output()).not.toContain('tovien');
    expect(await login(server, 'tovien')).toBe(401);
  });
});
