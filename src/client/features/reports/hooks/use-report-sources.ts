/**
 * The device's data for reports on a choice of teams, live: re-read when an entry, a team or a
 * plan changes on the device (sync included).
 */
import type { TeamInput } from '#src/shared/progress/progress-input.ts';
import { useDbQuery } from '#src/client/db/database-context.tsx';
import { readReportSources, type ReportSources } from '#src/client/db/report-repository.ts';

export function useReportSources(teams: readonly TeamInput[], endDay: string): ReportSources | undefined {
  return useDbQuery((db) => readReportSources(db, teams, endDay), [teams.map((team) => team.id).join(','), endDay]);
}
