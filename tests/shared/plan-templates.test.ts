// The seed plans as templates: each one passes the plan schema, and every number in it (a
// target, a threshold, a date, a quota) is written in the words of the paragraph it cites, so a
// template cannot carry a number the source document does not state.
import { describe, expect, it } from 'vitest';
import { campaignPlanContentSchema } from '#src/shared/domain/campaign-plan.ts';
import { planTemplateFiles, planTemplates } from '#src/shared/plan-templates/plan-templates.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Source { paragraph: string; quote: string }

/** Numbers as the quote writes them: "01" is 1, "80%" is 80. */
function numbersIn(quote: string): number[] {
  return [...quote.matchAll(/\d+/g)].map((match) => Number(match[0]));
}

/** A day as Vietnamese documents write it: 19/8/2024, 03/02/2025, "ngày 07 tháng 4 năm 2023". */
function writesDay(quote: string, isoDay: string): boolean {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const slash = new RegExp(`(^|\\D)0?${day}/0?${month}/${year}(\\D|$)`);
  const words = new RegExp(`ngày 0?${day} tháng 0?${month} năm ${year}`);
  return slash.test(quote) || words.test(quote);
}

const QUARTER_ENDS: Record<string, string> = { '03-31': 'Quý I ', '06-30': 'Quý II ', '09-30': 'Quý III ', '12-31': 'Quý IV ' };

function writesMonthDay(quote: string, monthDay: string): boolean {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  return new RegExp(`(^|\\D)0?${day}/0?${month}(\\D|$)`).test(quote) || quote.includes(QUARTER_ENDS[monthDay] ?? '\u0000');
}

/**
 * Every number under `node` must be in the quote of the nearest `source` above it. Returns the
 * numbers that are not, as "path: value".
 */
function untraced(node: Json, path: string, source: Source | null, key: string, found: string[], plan: { [key: string]: Json }): void {
  const check = (isTraced: (quote: string) => boolean, value: string) => {
    if (!source || !isTraced(source.quote)) found.push(`${path}: ${value}`);
  };
  if (typeof node === 'number') {
    check((quote) => numbersIn(quote).includes(node) || (node === 0 && /không/i.test(quote)), String(node));
  } else if (typeof node === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(node)) {
    const isWholeYear = (key === 'startDay' && node.endsWith('-01-01')) || (key === 'endDay' && node.endsWith('-12-31'));
    check((quote) => writesDay(quote, node) || (isWholeYear && quote.includes(node.slice(0, 4))), node);
  } else if (typeof node === 'string' && key === 'monthDay') {
    check((quote) => writesMonthDay(quote, node), node);
  } else if (Array.isArray(node)) {
    node.forEach((item, index) => untraced(item, `${path}[${index}]`, source, key, found, plan));
  } else if (node && typeof node === 'object') {
    const own = (node.source ?? null) as Source | null;
    // A flag's target (reached the standard: = 1) is the metric's meaning, not a number of the text.
    const target = node.target as { unit?: string } | undefined;
    for (const [childKey, child] of Object.entries(node)) {
      if (['source', 'periodSource', 'issuedOn'].includes(childKey)) continue;
      if (childKey === 'target' && target?.unit === 'flag') continue;
      const childSource = node === plan && (childKey === 'startDay' || childKey === 'endDay') ? (plan.periodSource as unknown as Source) : own ?? source;
      untraced(child, `${path}.${childKey}`, childSource, childKey, found, plan);
    }
  }
}

describe('plan templates from the seeds', () => {
  it('are the four seed plans and pass the plan schema', () => {
    expect(planTemplates().map((t) => t.templateId)).toEqual(['000-binh-phuoc-2023', '001-dak-nong-2024', '002-dong-nai-2023', '004-so-gddt-binh-phuoc-2022']);
    for (const file of planTemplateFiles) expect(campaignPlanContentSchema.safeParse(file).error?.issues ?? []).toEqual([]);
  });

  it.each(planTemplateFiles.map((file) => [file.templateId, file] as const))('%s: every number traces to its paragraph', (_id, file) => {
    const plan = file as unknown as { [key: string]: Json };
    const found: string[] = [];
    untraced(plan, '$', null, '', found, plan);
    expect(found).toEqual([]);
  });

  it('cite a paragraph and its words for every indicator, phase, deadline, quota and dossier', () => {
    for (const { templateId, content } of planTemplates()) {
      const cited = [...content.indicators, ...content.phases, ...content.deadlines, ...content.commendationQuotas, ...content.dossiers];
      for (const item of cited) {
        expect({ templateId, id: item.id, paragraph: item.source.paragraph.length > 0, quote: item.source.quote.length > 20 })
          .toEqual({ templateId, id: item.id, paragraph: true, quote: true });
      }
      expect(content.periodSource.quote.length).toBeGreaterThan(20);
    }
  });

  it('hold every quantitative target the seeds state', () => {
    const targets = Object.fromEntries(planTemplates().map(({ templateId, content }) => [
      templateId.slice(0, 3),
      content.indicators.map((i) => `${i.id} ${i.target.comparator} ${i.target.value}${i.target.unit === 'percent' ? '%' : ''} @${i.level}/${i.period}`),
    ]));
    expect(targets).toEqual({
      '000': [
        'households-reached >= 80% @commune/year',
        'agency-staff-reached >= 90% @agency/year',
        'units-registered-safe >= 100% @province/year',
        'units-recognised-safe >= 70% @province/year',
        'commune-models >= 1 @commune/year',
        'agency-models >= 1 @agency/year',
        'units-rated-average >= 80% @province/year',
        'units-rated-good >= 50% @province/year',
        'units-rated-excellent >= 30% @province/year',
        'agency-staff-informed >= 100% @agency/year',
      ],
      '001': [
        'tips-forwarded >= 80% @commune/phase',
        'incidents-attended >= 100% @team/phase',
        'models-recognised >= 1 @commune/phase',
        'mobilisations-attended >= 100% @team/phase',
        'no-violating-businesses = 0 @commune/phase',
        'residence-info > 90% @team/phase',
        'no-illegal-weapons = 0 @commune/phase',
        'no-reoffence = 0 @commune/phase',
        'patrol-participation >= 100% @team/phase',
        'no-serious-traffic-accidents = 0 @commune/phase',
        'monthly-good-deed >= 1 @team/month',
      ],
      '002': [
        'exemplary-communes >= 1 @district/year',
        'exemplary-agencies >= 1 @district/year',
        'province-agencies-selected >= 1 @province/year',
      ],
      '004': [
        'staff-completed-tasks >= 100% @agency/year',
        'staff-compliant >= 100% @agency/year',
        'agency-recognised-safe = 1 @agency/year',
        'staff-fulfilled-programmes >= 100% @agency/year',
        'no-staff-violations = 0 @agency/year',
      ],
    });
    const [p000, p001, p002] = planTemplates().map((t) => t.content);
    expect(p000!.commendationQuotas).toMatchObject([{ maxCollectives: 30, maxIndividuals: 15, maxLeaderSharePercent: 40 }]);
    expect(p000!.dossiers).toMatchObject([{ copies: 2, documents: expect.arrayContaining([expect.stringMatching(/^Tờ trình/)]) }]);
    expect(p001!.phases.map((p) => [p.startDay, p.endDay])).toEqual([['2024-08-19', '2025-02-03'], ['2025-02-04', '2025-08-19']]);
    expect(p002!.deadlines.map((d) => (d.due.type === 'every-year' ? d.due.monthDay : d.due.type))).toEqual(['03-31', '10-15', '10-25', '11-05', '10-25']);
  });

  it('record which reading a share of a share takes, so the editor can switch it', () => {
    const p000 = planTemplates()[0]!.content;
    const readings = p000.indicators.filter((i) => i.shareOf).map((i) => [i.id, i.shareOf?.indicatorId, i.shareOf?.reading]);
    expect(readings).toEqual([
      ['units-recognised-safe', 'units-registered-safe', 'of-parent'],
      ['units-rated-good', 'units-rated-average', 'of-parent'],
      ['units-rated-excellent', 'units-rated-average', 'of-parent'],
    ]);
  });
});
