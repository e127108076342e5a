/**
 * A province's report by commune: the server's per-commune progress (progress-api.ts, computed
 * over every synced record by the same engine) as rows of the report's indicator table, one per
 * commune and indicator, with the plan's target, the percentage and the verdict.
 */
import type { CampaignPlan } from '../domain/campaign-plan.ts';
import type { CommuneProgressResponse } from '../domain/progress-api.ts';
import { reportLineOf, type ReportLine } from './plan-report.ts';

/** A row of the province's table: a commune's result for one indicator. */
export interface CommuneReportLine extends ReportLine {
  communeId: string;
  communeName: string;
}

/** Rows commune by commune (in the server's order), each commune's indicators in the plan's order. */
export function communeReportLines(plan: CampaignPlan, progress: CommuneProgressResponse): CommuneReportLine[] {
  return progress.communes.flatMap((commune) => progress.indicators.flatMap((figures) => {
    const indicator = plan.indicators.find((candidate) => candidate.id === figures.indicatorId);
    const result = figures.results.find((candidate) => candidate.communeId === commune.id);
    if (!indicator || !result) return [];
    return [{ ...reportLineOf(indicator, { ...result, target: indicator.target }), communeId: commune.id, communeName: commune.name }];
  }));
}
