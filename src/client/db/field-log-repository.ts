/**
 * Reading field logs (nhật ký công tác) on the device. Writes go through putRecord
 * (record-repository.ts), which stores the log and its outbox entry atomically.
 *
 * A phone may hold a whole team's logs for years (tens of thousands of rows), so every read
 * here walks an index with a limit or a key range and never loads the table:
 * `[memberId+date]` for a member's list, `[kind+date]` for a phase's progress.
 */
import Dexie from 'dexie';
import type { FieldLog, FieldLogKind } from '#src/shared/domain/field-log.ts';
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';

export interface LogPage {
  logs: FieldLog[];
  /** True when older logs exist beyond `limit`. */
  hasMore: boolean;
}

/**
 * A member's newest logs: date descending, then newest created first (ids are UUIDv7, and the
 * index orders equal dates by primary key). Reads at most `limit + 1` rows.
 */
export async function listMemberLogs(db: AnttDatabase, memberId: string, limit: number): Promise<LogPage> {
  const rows = await db.fieldLog
    .where('[memberId+date]')
    .between([memberId, Dexie.minKey], [memberId, Dexie.maxKey])
    .reverse()
    .limit(limit + 1)
    .toArray();
  return { logs: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** One log by id, or undefined. */
export async function getFieldLog(db: AnttDatabase, id: string): Promise<FieldLog | undefined> {
  return db.fieldLog.get(id);
}

/** Logs of one kind dated within [startDay, endDay] (inclusive), whoever wrote them. */
export async function listLogsOfKindBetween(
  db: AnttDatabase,
  kind: FieldLogKind,
  startDay: string,
  endDay: string,
): Promise<FieldLog[]> {
  return db.fieldLog.where('[kind+date]').between([kind, startDay], [kind, endDay], true, true).toArray();
}

/** Live page of a member's logs; undefined while loading. */
export function useMemberLogs(memberId: string, limit: number): LogPage | undefined {
  return useDbQuery((db) => listMemberLogs(db, memberId, limit), [memberId, limit]);
}

/** Live log by id: undefined while loading, null when there is none. */
export function useFieldLog(id: string): FieldLog | null | undefined {
  return useDbQuery(async (db) => (await getFieldLog(db, id)) ?? null, [id]);
}
