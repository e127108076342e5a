/** The parameters of each metric the editor shows a field for, in the order it shows them. */
import type { Metric } from '#src/shared/domain/plan-metric.ts';

export type MetricParam =
  | 'staffKey' | 'receivedKey' | 'key' | 'numeratorKey' | 'denominatorKey' | 'addKey'
  | 'entryKind' | 'incidentTypes' | 'modelKinds' | 'isRecognisedOnly' | 'event';

export function metricParams(metric: Metric | { type: '' }): MetricParam[] {
  switch (metric.type) {
    case 'agency-staff-outreach-share': return ['staffKey'];
    case 'entry-count': return ['entryKind', 'addKey'];
    case 'prompt-attendance-share': return ['entryKind', 'incidentTypes'];
    case 'tip-forwarding-share': return ['receivedKey'];
    case 'model-count': return ['modelKinds', 'isRecognisedOnly'];
    case 'event-count': return ['event'];
    case 'manual-count':
    case 'manual-flag': return ['key'];
    case 'manual-share': return ['numeratorKey', 'denominatorKey'];
    default: return [];
  }
}
