// Periods an indicator is judged over, as spans of Vietnamese days.
import { describe, expect, it } from 'vitest';
import { addDays, daysInclusive, evaluationYearOf, periodByKey, periodContaining, periodsOf } from '#src/shared/domain/plan-period.ts';
import { findPlanTemplate } from '#src/shared/plan-templates/plan-templates.ts';

const special = findPlanTemplate('001-dak-nong-2024')!.content;
const span = (s: { key: string; startDay: string; endDay: string } | null) => (s ? `${s.key} ${s.startDay}..${s.endDay}` : null);

describe('plan periods', () => {
  it('names phases, months clipped to the plan, years, evaluation years and the whole plan', () => {
    expect(span(periodContaining(special, 'phase', '2025-02-03'))).toBe('phase:dot-1 2024-08-19..2025-02-03');
    expect(span(periodContaining(special, 'phase', '2025-02-04'))).toBe('phase:dot-2 2025-02-04..2025-08-19');
    expect(span(periodContaining(special, 'month', '2024-08-25'))).toBe('month:2024-08 2024-08-19..2024-08-31');
    expect(span(periodContaining(special, 'month', '2024-02-10'))).toBeNull();
    expect(span(periodContaining(special, 'month', '2025-02-10'))).toBe('month:2025-02 2025-02-01..2025-02-28');
    expect(span(periodContaining(special, 'year', '2024-08-25'))).toBe('year:2024 2024-01-01..2024-12-31');
    expect(span(periodContaining(special, 'evaluation-year', '2024-11-14'))).toBe('evaluation-year:2024 2023-11-15..2024-11-14');
    expect(span(periodContaining(special, 'evaluation-year', '2024-11-15'))).toBe('evaluation-year:2025 2024-11-15..2025-11-14');
    expect(span(periodContaining(special, 'plan', '2030-01-01'))).toBe('plan 2024-08-19..2025-08-19');
  });

  it('lists every period of a kind over the plan', () => {
    expect(periodsOf(special, 'month').map((s) => s.key)).toHaveLength(13);
    expect(periodsOf(special, 'month').at(-1)).toMatchObject({ key: 'month:2025-08', startDay: '2025-08-01', endDay: '2025-08-19' });
    expect(periodsOf(special, 'phase').map((s) => s.key)).toEqual(['phase:dot-1', 'phase:dot-2']);
    expect(periodsOf(special, 'evaluation-year').map((s) => s.key)).toEqual(['evaluation-year:2024', 'evaluation-year:2025']);
    expect(periodsOf(special, 'year').map((s) => s.key)).toEqual(['year:2024', 'year:2025']);
  });

  it('refuses keys that name nothing', () => {
    for (const key of ['phase:dot-9', 'month:2025-13', 'year:25', 'week:1', '']) expect(periodByKey(special, key)).toBeNull();
  });

  it('counts days across months and leap years', () => {
    expect(daysInclusive('2024-02-28', '2024-03-01')).toBe(3);
    expect(daysInclusive('2024-08-19', '2025-02-03')).toBe(169);
    expect(daysInclusive('2025-01-02', '2025-01-01')).toBe(0);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(evaluationYearOf('2025-11-14')).toBe(2025);
    expect(evaluationYearOf('2025-11-15')).toBe(2026);
  });
});
