/**
 * `npm run retention:purge`: purges entries older than their kind's retention, as configured in
 * RETENTION_YEARS (e.g. `tip=5,reintegration-visit=10`), keeping their counts per team, kind and
 * month (db/retention-repository.ts). Uses DATABASE_URL or DATA_DIR like the server.
 */
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { parseRetentionPolicy, purgeExpiredEntries } from './db/retention-repository.ts';

async function main(): Promise<number> {
  const policy = parseRetentionPolicy(process.env.RETENTION_YEARS);
  if (Object.keys(policy).length === 0) {
    console.error('RETENTION_YEARS chưa đặt (ví dụ: RETENTION_YEARS=tip=5,reintegration-visit=10): không xóa gì.');
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: process.env.DATA_DIR || './data' });
  try {
    await migrate(database);
    for (const result of await purgeExpiredEntries(database, policy, new Date())) {
      console.info(`${result.kind}: đã xóa nội dung ${result.purged} mục trước ngày ${result.before} (giữ số lượng theo tổ, loại, tháng).`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
