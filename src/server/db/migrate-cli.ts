/**
 * `npm run db:migrate`: applies the missing migrations to DATABASE_URL (PostgreSQL) or to the
 * PGlite folder DATA_DIR (default ./data), then exits. The server also migrates when it starts;
 * this is for deployments that migrate as a separate step.
 */
import { openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

const databaseUrl = process.env.DATABASE_URL || undefined;
const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: process.env.DATA_DIR || './data' });
try {
  const applied = await migrate(database);
  console.info(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
