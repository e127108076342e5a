/**
 * The fields of an indicator's metric: what it counts (entry kind, incident or model kinds,
 * event) and which entered values it reads, chosen among the plan's manual inputs.
 */
import { countableEntryKinds, countedEvents, incidentTypes, modelKinds, type Metric } from '#src/shared/domain/plan-metric.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import { metricParams, type MetricParam } from '../metric-params.ts';
import type { IndicatorDraft } from '../plan-draft.ts';
import { CheckboxField, ChoiceList, SelectField, type FieldContext } from './plan-inputs.tsx';
import '#src/client/i18n/plan-messages.ts';

const keyLabels: Partial<Record<MetricParam, MessageKey>> = {
  staffKey: 'plans.staffKey', receivedKey: 'plans.receivedKey', key: 'plans.key',
  numeratorKey: 'plans.numeratorKey', denominatorKey: 'plans.denominatorKey', addKey: 'plans.addKey',
};

export function MetricFields({ ctx, path, metric, inputKeys, onChange }: {
  ctx: FieldContext;
  /** The metric's path, e.g. "indicators.2.metric". */
  path: string;
  metric: IndicatorDraft['metric'];
  inputKeys: ReadonlyArray<readonly [string, string]>;
  onChange: (metric: Metric) => void;
}) {
  const { t } = useT();
  if (metric.type === '') return null;
  const params = metric as Record<string, unknown>;
  const set = (param: MetricParam, value: unknown) => onChange({ ...metric, [param]: value } as Metric);
  return (
    <>
      {metricParams(metric).map((param) => {
        const at = `${path}.${param}`;
        const keyLabel = keyLabels[param];
        if (keyLabel) {
          const isOptional = param === 'addKey';
          return (
            <SelectField key={param} ctx={ctx} path={at} label={t(keyLabel)} value={(params[param] as string | null) ?? ''}
              options={inputKeys} placeholder={isOptional ? t('plans.keyNone') : t('plans.keyPlaceholder')}
              onChange={(value) => set(param, isOptional && value === '' ? null : value)} />
          );
        }
        switch (param) {
          case 'entryKind': {
            const kinds = metric.type === 'prompt-attendance-share' ? (['incident', 'mobilisation'] as const) : countableEntryKinds;
            return (
              <SelectField key={param} ctx={ctx} path={at} label={t(metric.type === 'prompt-attendance-share' ? 'plans.attendanceKind' : 'plans.entryKind')}
                value={params.entryKind as string} options={kinds.map((kind) => [kind, t(`plans.entryKind.${kind}`)] as const)} onChange={(value) => set(param, value)} />
            );
          }
          case 'incidentTypes':
            return params.entryKind === 'incident' ? (
              <ChoiceList key={param} ctx={ctx} path={at} label={t('plans.incidentTypes')} chosen={params.incidentTypes as string[]}
                options={incidentTypes.map((type) => [type, t(`plans.incidentType.${type}`)] as const)} onChange={(value) => set(param, value)} />
            ) : null;
          case 'modelKinds':
            return (
              <ChoiceList key={param} ctx={ctx} path={at} label={t('plans.modelKinds')} chosen={params.modelKinds as string[]}
                options={modelKinds.map((kind) => [kind, t(`plans.modelKind.${kind}`)] as const)} onChange={(value) => set(param, value)} />
            );
          case 'isRecognisedOnly':
            return <CheckboxField key={param} ctx={ctx} path={at} label={t('plans.recognisedOnly')} checked={Boolean(params.isRecognisedOnly)} onChange={(value) => set(param, value)} />;
          case 'event':
            return (
              <SelectField key={param} ctx={ctx} path={at} label={t('plans.event')} value={params.event as string}
                options={countedEvents.map((event) => [event, t(`plans.event.${event}`)] as const)} onChange={(value) => set(param, value)} />
            );
          default:
            return null;
        }
      })}
    </>
  );
}
