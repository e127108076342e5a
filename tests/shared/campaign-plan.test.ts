// The plan schema: what a province may enter, and the Vietnamese sentence it gets beside the
// field when something is wrong; skeleton-era plan records still read; versions.
import { describe, expect, it } from 'vitest';
import { campaignPlanContentSchema, campaignPlanSchema, contentOf, latestVersions, phaseOn, type CampaignPlanContent } from '#src/shared/domain/campaign-plan.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { findPlanTemplate } from '#src/shared/plan-templates/plan-templates.ts';
import { householdIndicator, planOf } from '../support/plan-fixtures.ts';

const base = findPlanTemplate('001-dak-nong-2024')!.content;
/** A field given a value of the wrong type, as an imported file may. */
const wrong = (value: object) => value as Record<string, unknown>;

/** Field path → its first message (as a form shows it), for a changed copy of a template. */
function problems(change: (plan: CampaignPlanContent) => void): Record<string, string> {
  const candidate = structuredClone(base);
  change(candidate);
  const found: Record<string, string> = {};
  for (const issue of campaignPlanContentSchema.safeParse(candidate).error?.issues ?? []) found[issue.path.join('.')] ??= issue.message;
  return found;
}

describe('campaign plan schema', () => {
  it('accepts a seed template unchanged', () => {
    expect(problems(() => {})).toEqual({});
  });

  it('keeps phases inside the plan, in order, without overlap', () => {
    expect(problems((plan) => { plan.phases[1]!.startDay = '2025-02-03'; })).toEqual({ 'phases.1.startDay': 'Đợt phải bắt đầu sau khi đợt trước kết thúc' });
    expect(problems((plan) => { plan.phases[1]!.endDay = '2025-08-20'; })).toEqual({ 'phases.1.endDay': 'Đợt kết thúc sau khi kế hoạch kết thúc' });
    expect(problems((plan) => { plan.phases[0]!.endDay = '2024-08-01'; })).toEqual({ 'phases.0.endDay': 'Ngày kết thúc đợt phải sau ngày bắt đầu' });
    expect(problems((plan) => { plan.phases[0]!.startDay = '2024-02-30'; })).toEqual({ 'phases.0.startDay': 'Ngày không hợp lệ' });
    expect(problems((plan) => { plan.phases = []; })).toEqual({ phases: 'Kế hoạch cần ít nhất một đợt' });
  });

  it('says in Vietnamese what is wrong with an indicator, beside the field', () => {
    expect(problems((plan) => { plan.indicators[0]!.target.unit = 'count'; })).toEqual({ 'indicators.0.target.unit': 'Chỉ số này tính theo phần trăm (%)' });
    expect(problems((plan) => { plan.indicators[0]!.target.value = 120; })).toEqual({ 'indicators.0.target.value': 'Tỷ lệ không quá 100%' });
    expect(problems((plan) => { plan.indicators[2]!.target.value = 1.5; })).toEqual({ 'indicators.2.target.value': 'Mục tiêu phải là số nguyên' });
    expect(problems((plan) => { wrong(plan.indicators[0]!.target).value = 'tám mươi'; })).toEqual({ 'indicators.0.target.value': 'Nhập mục tiêu bằng một số' });
    expect(problems((plan) => { plan.indicators[0]!.level = 'member'; })).toEqual({ 'indicators.0.level': 'Chỉ số này không tính được ở cấp đã chọn' });
    expect(problems((plan) => { plan.indicators[0]!.label = ' '; })).toEqual({ 'indicators.0.label': 'Nhập tên chỉ tiêu' });
    expect(problems((plan) => { plan.indicators[0]!.id = 'Hộ dân'; })['indicators.0.id']).toMatch(/^Mã chỉ gồm chữ thường không dấu/);
    expect(problems((plan) => { plan.indicators[1]!.id = plan.indicators[0]!.id; })).toEqual({ 'indicators.1.id': 'Mã chỉ tiêu bị trùng' });
    expect(problems((plan) => { wrong(plan.indicators[0]!).metric = { type: 'nothing' }; })).toEqual({ 'indicators.0.metric.type': 'Chọn loại chỉ số' });
  });

  it('requires every entered value an indicator reads to be declared', () => {
    expect(problems((plan) => { plan.manualInputs = plan.manualInputs.filter((input) => input.key !== 'tips-received-by-police'); }))
      .toEqual({ 'indicators.0.metric': 'Số liệu “tips-received-by-police” chưa có trong danh sách số liệu nhập tay' });
  });

  it('checks shares of shares: the parent exists, and parents never loop', () => {
    const p000 = findPlanTemplate('000-binh-phuoc-2023')!.content;
    const withShareOf = (edit: (indicators: CampaignPlanContent['indicators']) => void) => {
      const candidate = structuredClone(p000);
      edit(candidate.indicators);
      return (campaignPlanContentSchema.safeParse(candidate).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(withShareOf((list) => { list[3]!.shareOf!.indicatorId = 'khong-co'; })).toEqual(['indicators.3.shareOf.indicatorId: Không có chỉ tiêu mẹ với mã này']);
    expect(withShareOf((list) => { list[6]!.shareOf = { indicatorId: 'units-rated-good', reading: 'of-parent' }; })).toEqual([
      'indicators.6.shareOf.indicatorId: Các chỉ tiêu không được là tỷ lệ của nhau theo vòng tròn',
      'indicators.7.shareOf.indicatorId: Các chỉ tiêu không được là tỷ lệ của nhau theo vòng tròn',
      'indicators.8.shareOf.indicatorId: Các chỉ tiêu không được là tỷ lệ của nhau theo vòng tròn',
    ]);
    expect(withShareOf((list) => { list[4]!.shareOf = { indicatorId: 'units-rated-average', reading: 'of-all' }; })).toEqual(['indicators.4.shareOf: Chỉ chỉ tiêu tỷ lệ mới có thể là tỷ lệ của một tỷ lệ']);
  });

  it('reads a plan record published before plans had versions, as version 1 of itself', () => {
    const id = uuidv7();
    const legacy = {
      id, orgUnitId: uuidv7(), name: 'Kế hoạch 2025', updatedAt: '2025-01-01T00:00:00.000Z',
      phases: [{ id: 'dot-1', name: 'Đợt 1', startDay: '2025-01-01', endDay: '2025-06-30' }, { id: 'dot-2', name: 'Đợt 2', startDay: '2025-07-01', endDay: '2025-12-31' }],
      indicators: [{ id: 'households-reached', type: 'household-coverage', label: 'Hộ', logKind: 'outreach', level: 'unit', threshold: 0.8, source: 'Kế hoạch 000, §II.3.4' }],
    };
    const plan = campaignPlanSchema.parse(legacy);
    expect(plan).toMatchObject({ planId: id, version: 1, startDay: '2025-01-01', endDay: '2025-12-31', deadlines: [], manualInputs: [] });
    expect(plan.indicators).toEqual([{
      id: 'households-reached', label: 'Hộ', metric: { type: 'household-outreach-share' },
      target: { comparator: '>=', value: 80, unit: 'percent' }, level: 'commune', period: 'phase',
      isAssignable: false, shareOf: null, source: { paragraph: 'Kế hoạch 000, §II.3.4', quote: '' },
    }]);
  });

  it('keeps every version, and knows the newest of each plan', () => {
    const first = planOf({ startDay: '2025-01-01', endDay: '2025-12-31', phases: [{ id: 'p', name: 'Năm 2025', startDay: '2025-01-01', endDay: '2025-12-31' }], indicators: [householdIndicator()] });
    const second = { ...first, id: uuidv7(), version: 2 };
    const other = planOf({ startDay: '2025-01-01', endDay: '2025-12-31', phases: [{ id: 'p', name: 'Năm 2025', startDay: '2025-01-01', endDay: '2025-12-31' }] });
    expect(latestVersions([second, other, first]).map((plan) => plan.id)).toEqual([second.id, other.id]);
    expect(contentOf(second)).not.toHaveProperty('planId');
    expect(campaignPlanContentSchema.parse(contentOf(second))).toEqual(contentOf(second));
    expect(phaseOn(first, '2025-03-01')?.id).toBe('p');
    expect(phaseOn(first, '2026-01-01')).toBeNull();
  });
});
