/**
 * Reading field logs (nhật ký công tác) on the device. Writes go through putRecord
 * (record-repository.ts), which stores the log and its outbox entry atomically.
 *
 * A phone may hold a whole team's logs for years (tens of thousands of rows), so every read
 * here walks an index with a limit or a key range and never loads the table:
 * `[memberId+date]` for a member's list, `[kind+date]` for a phase's progress, `[teamId+date]`
 * for a team's entries, its review queue and its latest activity.
 */
import Dexie from 'dexie';
import type { FieldLog, FieldLogKind } from '#src/shared/domain/field-log.ts';
import type { ReviewStatus } from '#src/shared/domain/review.ts';
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

function teamNewestFirst(db: AnttDatabase, teamId: string) {
  return db.fieldLog.where('[teamId+date]').between([teamId, Dexie.minKey], [teamId, Dexie.maxKey]).reverse();
}

/** A team's newest entries, whoever wrote them: date descending, newest created first. */
export async function listTeamLogs(db: AnttDatabase, teamId: string, limit: number): Promise<LogPage> {
  const rows = await teamNewestFirst(db, teamId).limit(limit + 1).toArray();
  return { logs: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Review states that wait for the team leader (tổ trưởng duyệt). */
export const awaitingReviewStatuses: readonly ReviewStatus[] = ['pending', 'resubmitted'];

/**
 * A team's entries waiting for the leader's review (pending or resubmitted), newest day first.
 * Walks the team's `[teamId+date]` index from the newest day and stops at `limit + 1` matches,
 * so a team whose old entries are all reviewed costs a walk over its recent ones only.
 */
export async function listLogsAwaitingReview(db: AnttDatabase, teamId: string, limit: number): Promise<LogPage> {
  const rows = await teamNewestFirst(db, teamId)
    .filter((log) => awaitingReviewStatuses.includes(log.reviewStatus))
    .limit(limit + 1)
    .toArray();
  return { logs: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** What a supervisor sees of one team: its newest entry and how many entries fall in a period. */
export interface TeamActivity {
  teamId: string;
  /** The entry with the newest day (newest created among equals), or null when none is on the device. */
  latest: FieldLog | null;
  /** Entries dated within the period asked for (index count; no rows are read). */
  countInPeriod: number;
}

/** Activity of each team for the days [startDay, endDay]: one index step and one count per team. */
export async function readTeamActivity(
  db: AnttDatabase,
  teamIds: readonly string[],
  startDay: string,
  endDay: string,
): Promise<TeamActivity[]> {
  return Promise.all(teamIds.map(async (teamId) => ({
    teamId,
    latest: (await teamNewestFirst(db, teamId).first()) ?? null,
    countInPeriod: await db.fieldLog.where('[teamId+date]').between([teamId, startDay], [teamId, endDay], true, true).count(),
  })));
}

/** Live page of a team's newest entries; undefined while loading. */
export function useTeamLogs(teamId: string, limit: number): LogPage | undefined {
  return useDbQuery((db) => listTeamLogs(db, teamId, limit), [teamId, limit]);
}

/** Live page of a team's entries waiting for review; undefined while loading. */
export function useLogsAwaitingReview(teamId: string, limit: number): LogPage | undefined {
  return useDbQuery((db) => listLogsAwaitingReview(db, teamId, limit), [teamId, limit]);
}

/** Live activity of the teams for [startDay, endDay]; undefined while loading. */
export function useTeamActivity(teamIds: readonly string[], startDay: string, endDay: string): TeamActivity[] | undefined {
  return useDbQuery((db) => readTeamActivity(db, teamIds, startDay, endDay), [teamIds.join(','), startDay, endDay]);
}

/** Live page of a member's logs; undefined while loading. */
export function useMemberLogs(memberId: string, limit: number): LogPage | undefined {
  return useDbQuery((db) => listMemberLogs(db, memberId, limit), [memberId, limit]);
}

/** Live log by id: undefined while loading, null when there is none. */
export function useFieldLog(id: string): FieldLog | null | undefined {
  return useDbQuery(async (db) => (await getFieldLog(db, id)) ?? null, [id]);
}
