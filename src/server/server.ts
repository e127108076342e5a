/**
 * `npm start`: reads the configuration, builds the PWA if it was never built, migrates, loads the
 * demo data into an empty database, listens, and shuts down gracefully.
 *
 * Configuration (environment): PORT (3000; 0 picks a free port), HOST (127.0.0.1), DATA_DIR
 * (./data, the PGlite folder; 'memory' for a throwaway database), DATABASE_URL (PostgreSQL
 * instead of PGlite), STATIC_DIR (dist/client), TRUST_PROXY ('true' behind a reverse proxy),
 * LOG_LEVEL (warn), DEMO_DATA ('false' keeps an empty database empty: no demo accounts with a
 * published password on a real deployment), PG_POOL_SIZE (connections to PostgreSQL per server
 * process, 10), SERVER_PROCESSES (1; 'auto' or a number: that many server processes on one
 * port, PostgreSQL only: server-processes.ts).
 *
 * On PGlite the server vacuums and analyzes the database itself (db/maintenance.ts): at start and
 * every night at 02:00 Vietnam time.
 *
 * Shutdown on SIGTERM/SIGINT: stop accepting connections, let running requests finish (a push in
 * flight commits or rolls back whole), close the database, exit 0. A second signal, or 10 s
 * without finishing, forces exit 1.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.ts';
import { openDatabase, type Database } from './db/database.ts';
import { DEMO_ACCOUNTS, loadDemoData } from './db/demo-data.ts';
import { migrate } from './db/migrate.ts';
import { runMaintenance, scheduleMaintenance } from './db/maintenance.ts';
import { alignFeedAfterRestore } from './db/pull-repository.ts';
import { followPrimary, isWorkerProcess, runPrimary, serverProcessesOf } from './server-processes.ts';

const SHUTDOWN_TIMEOUT_MS = 10_000;
const DEFAULT_POOL_SIZE = 10;
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const defaultStaticDir = join(repoRoot, 'dist', 'client');

const env = process.env;
const config = {
  port: Number(env.PORT ?? 3000),
  host: env.HOST || '127.0.0.1',
  dataDir: env.DATA_DIR || './data',
  databaseUrl: env.DATABASE_URL || undefined,
  staticDir: resolve(env.STATIC_DIR || defaultStaticDir),
  trustProxy: env.TRUST_PROXY === 'true',
  logLevel: env.LOG_LEVEL || 'warn',
  isDemoDataWanted: env.DEMO_DATA !== 'false',
  poolSize: poolSizeOf(env.PG_POOL_SIZE),
  processes: serverProcessesOf(env.SERVER_PROCESSES),
};

/**
 * Connections per server process. Push transactions hold one for a few milliseconds and no
 * longer wait for each other; more connections than PostgreSQL has cores to run them mostly
 * queue inside PostgreSQL instead of here (README, "Measured"). Several servers on one database
 * need pool size × servers below its max_connections.
 */
function poolSizeOf(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_POOL_SIZE;
  const size = Number(text);
  if (!Number.isInteger(size) || size < 1 || size > 1000) throw new Error(`PG_POOL_SIZE must be a whole number from 1 to 1000, not ${text}`);
  return size;
}

const roleLabels = { member: 'Tổ viên', leader: 'Tổ trưởng', 'commune-police': 'Công an xã', 'province-admin': 'Cán bộ tỉnh' };

async function ensureClientBuilt(staticDir: string): Promise<void> {
  if (existsSync(join(staticDir, 'index.html'))) return;
  if (staticDir !== defaultStaticDir) throw new Error(`STATIC_DIR ${staticDir} has no index.html`);
  console.info('Chưa có bản build của ứng dụng (dist/client): đang build bằng Vite (chỉ lần đầu)…');
  const { build } = await import('vite');
  await build({ root: repoRoot, configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'info' });
  console.info('Build xong.');
}

function printBanner(address: string, databaseLabel: string, hasDemoAccounts: boolean): void {
  if (!hasDemoAccounts) {
    console.info(`\nSổ tay ANTT đang chạy tại ${address}\nCơ sở dữ liệu: ${databaseLabel}\n`);
    return;
  }
  const rows = [['Tên đăng nhập', 'Mật khẩu', 'Vai trò', 'Tổ / đơn vị'], ...DEMO_ACCOUNTS.map((a) => [a.username, a.password, roleLabels[a.role], a.teamName])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => '  ' + row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
  console.info(`\nSổ tay ANTT đang chạy tại ${address}\nCơ sở dữ liệu: ${databaseLabel}\n\nTài khoản dùng thử (chỉ để thử; tắt bằng DEMO_DATA=false trên cơ sở dữ liệu thật):\n${lines.join('\n')}\n`);
}

/** Everything done once per database before serving: build, migrate, align, demo data, vacuum. */
async function prepare(): Promise<Database> {
  await ensureClientBuilt(config.staticDir);
  if (!config.databaseUrl && config.dataDir !== 'memory') mkdirSync(config.dataDir, { recursive: true });
  const database = await openConfiguredDatabase();
  await migrate(database);
  const moved = await alignFeedAfterRestore(database);
  if (moved > 0) console.warn(`Cơ sở dữ liệu được khôi phục sang cụm khác: ${moved} bản ghi được xếp lại; các thiết bị sẽ tải lại từ đầu.`);
  if (config.isDemoDataWanted && (await loadDemoData(database))) console.info('Đã nạp dữ liệu mẫu (Tỉnh Đồng Nai, Xã Tân Lập).');
  // PGlite has no autovacuum: vacuum and analyze now, before requests, then every night.
  await runMaintenance(database).catch((error: unknown) => console.warn('Bảo trì cơ sở dữ liệu (VACUUM) thất bại:', error instanceof Error ? error.message : error));
  return database;
}

function openConfiguredDatabase(): Promise<Database> {
  return openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl, maxConnections: config.poolSize } : { dataDir: config.dataDir });
}

/**
 * Serves the app on the database until a signal (or, in a worker, the primary) stops it; resolves
 * once listening, with the address.
 */
async function serve(database: Database): Promise<AddressInfo> {
  const app = await buildApp({ database, staticDir: config.staticDir, logger: { level: config.logLevel }, trustProxy: config.trustProxy });

  const maintenance = scheduleMaintenance(database, (message) => app.log.warn(message));
  let isShuttingDown = false;
  const shutdown = (reason: string, isRepeatForced = true) => {
    if (isShuttingDown) {
      if (!isRepeatForced) return;
      console.error(`Nhận ${reason} lần hai: buộc dừng.`);
      process.exit(1);
    }
    isShuttingDown = true;
    maintenance.stop();
    console.info(`Nhận ${reason}: ngừng nhận kết nối, chờ các yêu cầu đang chạy xong...`);
    setTimeout(() => {
      console.error(`Quá ${SHUTDOWN_TIMEOUT_MS / 1000} giây chưa dừng được: buộc dừng.`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    app
      .close()
      .then(() => database.close())
      .then(() => {
        console.info('Đã dừng máy chủ.');
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error('Lỗi khi dừng máy chủ:', error);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // A worker also stops when the primary asks (it may have had the signal itself already).
  if (isWorkerProcess()) followPrimary((reason) => shutdown(reason, false));

  await app.listen({ port: config.port, host: config.host });
  return app.server.address() as AddressInfo;
}

function announce({ address, port }: { address: string; port: number }, processes: number): void {
  const host = address.includes(':') ? `[${address}]` : address;
  const engine = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${config.dataDir})`;
  printBanner(`http://${host}:${port}`, processes > 1 ? `${engine}, ${processes} tiến trình máy chủ` : engine, config.isDemoDataWanted);
}

async function main(): Promise<void> {
  if (isWorkerProcess()) {
    await serve(await openConfiguredDatabase());
    return;
  }
  if (config.processes > 1 && !config.databaseUrl) {
    throw new Error('SERVER_PROCESSES lớn hơn 1 cần DATABASE_URL: PGlite là cơ sở dữ liệu của một tiến trình.');
  }
  const database = await prepare();
  if (config.processes === 1) {
    announce(await serve(database), 1);
    return;
  }
  await database.close();
  runPrimary({ count: config.processes, onListening: (address) => announce(address, config.processes) });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
