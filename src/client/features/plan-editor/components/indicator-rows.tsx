/**
 * The plan's indicators, one group of fields each: name and key, how it is measured, the
 * target, the level and period, whether teams get their own targets, a share "of which" another
 * indicator (with the reading the wording takes), and the paragraph it comes from.
 */
import { comparators, indicatorPeriods } from '#src/shared/domain/plan-indicator.ts';
import { indicatorLevels, metricTypes, type MetricType } from '#src/shared/domain/plan-metric.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { metricKindOf, newIndicator, withMetricType, type IndicatorDraft, type PlanDraft } from '../plan-draft.ts';
import { MetricFields } from './metric-fields.tsx';
import { CheckboxField, RowError, SelectField, TextField, type FieldContext } from './plan-inputs.tsx';
import '#src/client/i18n/plan-messages.ts';

export function IndicatorRows({ ctx, draft, onChange }: { ctx: FieldContext; draft: PlanDraft; onChange: (indicators: IndicatorDraft[]) => void }) {
  const { t } = useT();
  const inputKeys = draft.manualInputs.map((input) => [input.key, input.label ? `${input.label} (${input.key})` : input.key] as const);
  const replace = (index: number, next: IndicatorDraft) => onChange(draft.indicators.map((item, i) => (i === index ? next : item)));
  return (
    <section className="card stack" aria-labelledby={ctx.idOf('indicators-title')}>
      <h2 id={ctx.idOf('indicators-title')}>{t('plans.indicators')}</h2>
      <RowError ctx={ctx} path="indicators" />
      {draft.indicators.map((indicator, index) => (
        <IndicatorRow key={index} ctx={ctx} index={index} indicator={indicator} siblings={draft.indicators} inputKeys={inputKeys}
          onChange={(next) => replace(index, next)} onRemove={() => onChange(draft.indicators.filter((_, i) => i !== index))} />
      ))}
      <button type="button" className="button" onClick={() => onChange([...draft.indicators, newIndicator(draft)])}>{t('plans.addIndicator')}</button>
    </section>
  );
}

function IndicatorRow({ ctx, index, indicator, siblings, inputKeys, onChange, onRemove }: {
  ctx: FieldContext;
  index: number;
  indicator: IndicatorDraft;
  siblings: readonly IndicatorDraft[];
  inputKeys: ReadonlyArray<readonly [string, string]>;
  onChange: (indicator: IndicatorDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useT();
  const at = (field: string) => `indicators.${index}.${field}`;
  const name = indicator.label || t('plans.indicatorUnnamed');
  const kind = metricKindOf(indicator.metric);
  const parents = siblings.filter((other) => other !== indicator && metricKindOf(other.metric) === 'share');
  const set = <Key extends keyof IndicatorDraft>(key: Key, value: IndicatorDraft[Key]) => onChange({ ...indicator, [key]: value });
  return (
    <fieldset className="plan-row stack">
      <legend className="plan-row__title">{t('plans.indicator', { number: index + 1, label: name })}</legend>
      <RowError ctx={ctx} path={`indicators.${index}`} />
      <TextField ctx={ctx} path={at('label')} label={t('plans.indicatorLabel')} value={indicator.label} onChange={(value) => set('label', value)} />
      <TextField ctx={ctx} path={at('id')} label={t('plans.indicatorId')} value={indicator.id} isShort onChange={(value) => set('id', value)} />
      <SelectField ctx={ctx} path={at('metric')} label={t('plans.metric')} value={indicator.metric.type} placeholder={t('plans.metricPlaceholder')}
        options={metricTypes.map((type) => [type, t(`plans.metric.${type}`)] as const)} onChange={(type: MetricType) => onChange(withMetricType(indicator, type))} />
      <MetricFields ctx={ctx} path={at('metric')} metric={indicator.metric} inputKeys={inputKeys} onChange={(metric) => set('metric', metric)} />
      {kind !== 'flag' && (
        <SelectField ctx={ctx} path={at('target.comparator')} label={t('plans.comparator')} value={indicator.target.comparator}
          options={comparators.map((comparator) => [comparator, t(`plans.comparator.${comparator}`)] as const)}
          onChange={(comparator) => set('target', { ...indicator.target, comparator })} />
      )}
      <TextField ctx={ctx} path={at('target.value')} label={t('plans.targetValue')} hint={t(`plans.unit.${indicator.target.unit}`)} isShort
        value={indicator.target.value} onChange={(value) => set('target', { ...indicator.target, value })} />
      <SelectField ctx={ctx} path={at('level')} label={t('plans.level')} value={indicator.level}
        options={indicatorLevels.map((level) => [level, t(`plans.level.${level}`)] as const)} onChange={(level) => set('level', level)} />
      <SelectField ctx={ctx} path={at('period')} label={t('plans.period')} value={indicator.period}
        options={indicatorPeriods.map((period) => [period, t(`plans.periodKind.${period}`)] as const)} onChange={(period) => set('period', period)} />
      <CheckboxField ctx={ctx} path={at('isAssignable')} label={t('plans.assignable')} checked={indicator.isAssignable} onChange={(value) => set('isAssignable', value)} />
      {kind === 'share' && (
        <SelectField ctx={ctx} path={at('shareOf.indicatorId')} label={t('plans.shareOf')} value={indicator.shareOf?.indicatorId ?? ''}
          placeholder={t('plans.shareOfNone')} options={parents.map((parent) => [parent.id, parent.label || parent.id] as const)}
          onChange={(parentId) => set('shareOf', parentId === '' ? null : { indicatorId: parentId, reading: indicator.shareOf?.reading ?? 'of-parent' })} />
      )}
      {kind === 'share' && indicator.shareOf && (
        <SelectField ctx={ctx} path={at('shareOf.reading')} label={t('plans.reading')} value={indicator.shareOf.reading}
          options={(['of-parent', 'of-all'] as const).map((reading) => [reading, t(`plans.reading.${reading}`)] as const)}
          onChange={(reading) => set('shareOf', { indicatorId: indicator.shareOf!.indicatorId, reading })} />
      )}
      <TextField ctx={ctx} path={at('source.paragraph')} label={t('plans.sourceParagraph')} isShort value={indicator.source.paragraph}
        onChange={(paragraph) => set('source', { ...indicator.source, paragraph })} />
      <TextField ctx={ctx} path={at('source.quote')} label={t('plans.sourceQuote')} isMultiline value={indicator.source.quote}
        onChange={(quote) => set('source', { ...indicator.source, quote })} />
      <button type="button" className="button button--small" onClick={onRemove}>{t('plans.removeIndicator', { label: name })}</button>
    </fieldset>
  );
}
