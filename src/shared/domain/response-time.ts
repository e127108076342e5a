/**
 * Whether the force was present promptly (có mặt kịp thời): "100% of incidents" and "100% of
 * mobilisations" (seed 001 §II.4.1, §II.4.3). Derived, stored nowhere: the threshold is a
 * per-commune setting (the commune's orgUnit `settings.promptMinutes`), and may change.
 */
import type { IncidentLog } from './incident.ts';
import type { MobilisationLog } from './mobilisation.ts';

/** Used when the commune has not set its own. */
export const DEFAULT_PROMPT_MINUTES = 30;

type Attended = Pick<IncidentLog, 'kind' | 'reportedAt' | 'arrivedAt'> | Pick<MobilisationLog, 'kind' | 'calledAt' | 'arrivedAt'>;

/** Minutes from the report (incident) or the call (mobilisation) to arrival; null when nobody arrived. */
export function responseMinutes(entry: Attended): number | null {
  if (entry.arrivedAt === null) return null;
  const from = entry.kind === 'incident' ? entry.reportedAt : entry.calledAt;
  return (Date.parse(entry.arrivedAt) - Date.parse(from)) / 60_000;
}

/** arrivedAt − reportedAt (or calledAt) ≤ promptMinutes; false when nobody arrived. */
export function isPresentPromptly(entry: Attended, promptMinutes: number = DEFAULT_PROMPT_MINUTES): boolean {
  const minutes = responseMinutes(entry);
  return minutes !== null && minutes <= promptMinutes;
}
