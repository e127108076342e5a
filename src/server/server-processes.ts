/**
 * Several server processes on one machine (SERVER_PROCESSES): a primary that prepares the
 * database once, forks that many workers sharing one port (Node's cluster module hands each new
 * connection to the next worker), restarts a worker that dies, and stops them all on a signal.
 *
 * A Node process runs its JavaScript on one core; on a machine with more, one process per core
 * serves more requests. The workers are the stateless servers of "Running on PostgreSQL", in one
 * box: PostgreSQL only (the embedded PGlite is one process's database).
 *
 * Shutdown: the primary asks each listening worker to stop through the cluster's channel (a
 * worker that already got the signal itself, as from Ctrl-C or systemd, is not asked twice), stops
 * at once any still starting (they have no requests yet), and exits when all have: 0 when every
 * listening worker finished cleanly, else 1.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

const SHUTDOWN_MESSAGE = 'so-tay-antt:shutdown';
const MAX_PROCESSES = 64;
const PRIMARY_SHUTDOWN_TIMEOUT_MS = 15_000;

/** SERVER_PROCESSES: unset or empty 1, `auto` one per core, or a whole number from 1 to 64. */
export function serverProcessesOf(text: string | undefined): number {
  if (text === undefined || text === '') return 1;
  if (text === 'auto') return availableParallelism();
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > MAX_PROCESSES) {
    throw new Error(`SERVER_PROCESSES phải là "auto" hoặc một số nguyên từ 1 đến ${MAX_PROCESSES}, không phải ${text}`);
  }
  return count;
}

export interface PrimaryOptions {
  count: number;
  /** Called once, when every worker listens. */
  onListening(address: { address: string; port: number }): void;
}

/** Runs the primary: forks `count` workers and supervises them until a signal stops them all. */
export function runPrimary({ count, onListening }: PrimaryOptions): void {
  const listening = new Set<number>();
  /** Workers still starting when the shutdown came: stopped at once, they had no requests. */
  const cutShort = new Set<number>();
  let isShuttingDown = false;
  let hasAnnounced = false;
  let hasFailedWorker = false;

  const fork = () => {
    const worker = cluster.fork();
    worker.once('listening', (address) => {
      listening.add(worker.id);
      if (hasAnnounced) {
        console.info(`Tiến trình máy chủ ${worker.process.pid} đã sẵn sàng thay cho tiến trình đã dừng.`);
      } else if (listening.size === count) {
        hasAnnounced = true;
        onListening({ address: address.address ?? '127.0.0.1', port: address.port });
      }
    });
    return worker;
  };

  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    const wasListening = listening.delete(worker.id);
    if (isShuttingDown) {
      if (code !== 0 && !cutShort.has(worker.id)) hasFailedWorker = true;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(hasFailedWorker ? 1 : 0);
      return;
    }
    // A worker that never listened failed at start (the database unreachable, the port taken):
    // forking it again would fail the same way, so the whole server stops with its message.
    if (!wasListening) {
      console.error(`Tiến trình máy chủ ${worker.process.pid} không khởi động được (mã ${code ?? signal}): dừng.`);
      stopAll('lỗi khởi động', 1);
      return;
    }
    console.warn(`Tiến trình máy chủ ${worker.process.pid} dừng bất thường (mã ${code ?? signal}): khởi động lại.`);
    fork();
  });

  /** Kills every worker and exits 1 (a second signal, or workers that would not stop). */
  const forceStop = (message: string): never => {
    console.error(message);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    process.exit(1);
  };

  const stopAll = (reason: string, exitCode = 0) => {
    if (isShuttingDown) forceStop(`Nhận ${reason} lần hai: buộc dừng.`);
    isShuttingDown = true;
    if (exitCode !== 0) hasFailedWorker = true;
    setTimeout(() => forceStop(`Quá ${PRIMARY_SHUTDOWN_TIMEOUT_MS / 1000} giây các tiến trình chưa dừng: buộc dừng.`), PRIMARY_SHUTDOWN_TIMEOUT_MS).unref();
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(hasFailedWorker ? 1 : 0);
    for (const worker of workers) {
      if (!worker) continue;
      if (listening.has(worker.id) && worker.isConnected()) {
        worker.send(SHUTDOWN_MESSAGE);
      } else {
        cutShort.add(worker.id);
        worker.process.kill('SIGKILL');
      }
    }
  };

  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGINT'));
  for (let index = 0; index < count; index += 1) fork();
}

/**
 * In a worker: calls `shutdown` when the primary asks, or when the primary is gone (its channel
 * closed), so that no worker outlives it.
 */
export function followPrimary(shutdown: (reason: string) => void): void {
  process.on('message', (message) => {
    if (message === SHUTDOWN_MESSAGE) shutdown('yêu cầu dừng');
  });
  process.on('disconnect', () => shutdown('tiến trình chính đã dừng'));
}

export const isWorkerProcess = (): boolean => cluster.isWorker;
