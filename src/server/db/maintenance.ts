/**
 * Housekeeping the embedded database does not do by itself. PGlite runs PostgreSQL as one
 * standalone backend: no autovacuum worker ever starts (the setting reads 'on', yet nothing runs),
 * so without this the old versions of every edited row stay in the tables and indexes, and the
 * planner never has statistics. The server therefore runs `VACUUM (ANALYZE)` itself: when it
 * starts (before it takes requests; a commune's computer may be off every night), then every
 * night at 02:00 Vietnam time, when teams do not sync; on PGlite's single connection, requests wait while it runs (README, "Upkeep of the embedded database").
 *
 * A PostgreSQL server has its own autovacuum: nothing is done there.
 */
import type { Database } from './database.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Vietnam keeps UTC+7 all year (shared/domain/vietnam-time.ts). */
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;
/** The nightly run, Vietnam time. */
export const NIGHTLY_HOUR = 2;

/** Vacuums and analyzes every table on PGlite; returns how long it took, or null on PostgreSQL (autovacuum). */
export async function runMaintenance(database: Pick<Database, 'kind' | 'exec'>): Promise<{ ms: number } | null> {
  if (database.kind !== 'pglite') return null;
  const start = performance.now();
  await database.exec('VACUUM (ANALYZE)');
  return { ms: performance.now() - start };
}

/** Milliseconds from `now` to the next `hour`:00 in Vietnam (a full day when it is that time now). */
export function msUntilVietnamHour(now: Date, hour: number = NIGHTLY_HOUR): number {
  const local = now.getTime() + VIETNAM_OFFSET_MS;
  let next = Math.floor(local / DAY_MS) * DAY_MS + hour * HOUR_MS;
  if (next <= local) next += DAY_MS;
  return next - local;
}

export interface MaintenanceSchedule {
  stop(): void;
}

/**
 * Runs maintenance every night at 02:00 Vietnam time until stopped. A failed run is reported to
 * `warn` and tried again the next night; the timers never keep the process alive.
 */
export function scheduleMaintenance(
  database: Pick<Database, 'kind' | 'exec'>,
  warn: (message: string) => void,
  now: () => Date = () => new Date(),
): MaintenanceSchedule {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isStopped = false;
  const plan = () => {
    if (isStopped || database.kind !== 'pglite') return;
    timer = setTimeout(() => {
      runMaintenance(database)
        .catch((error: unknown) => warn(`Bảo trì cơ sở dữ liệu (VACUUM) thất bại, sẽ thử lại đêm sau: ${error instanceof Error ? error.message : String(error)}`))
        .finally(plan);
    }, msUntilVietnamHour(now()));
    timer.unref?.();
  };
  plan();
  return {
    stop() {
      isStopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
