// The status rule (src/shared/progress/indicator-status.ts), case by case: met, on track, at risk,
// missed, no data; projections at the pace so far; whole-number comparison of shares.
import { describe, expect, it } from 'vitest';
import type { Target } from '#src/shared/domain/plan-indicator.ts';
import { judge, satisfies } from '#src/shared/progress/indicator-status.ts';

// A 100-day period: 2025-01-01 .. 2025-04-10.
const period = { key: 'phase:p', kind: 'phase' as const, startDay: '2025-01-01', endDay: '2025-04-10' };
const share = (value: number, comparator: Target['comparator'] = '>='): Target => ({ comparator, value, unit: 'percent' });
const count = (value: number, comparator: Target['comparator'] = '>='): Target => ({ comparator, value, unit: 'count' });
const measured = (numerator: number, denominator: number | null = null, hasValue = true) => ({ numerator, denominator, hasValue });

describe('indicator status', () => {
  it('compares shares in whole numbers: 80 of 100 meets ≥80%, 90 of 100 does not meet >90%', () => {
    expect(satisfies(80, 100, share(80))).toBe(true);
    expect(satisfies(79, 100, share(80))).toBe(false);
    expect(satisfies(90, 100, share(90, '>'))).toBe(false);
    expect(satisfies(91, 100, share(90, '>'))).toBe(true);
    expect(satisfies(1, 3, share(33.333))).toBe(true);
    expect(satisfies(0, null, count(0, '='))).toBe(true);
  });

  it('projects accumulating work at its pace over a 100-day period', () => {
    // 20 households in 20 days: 100 by the end, on track for 80%.
    expect(judge(measured(20, 100), share(80), 'accumulating', period, '2025-01-20'))
      .toMatchObject({ status: 'on-track', value: 20, remaining: 60, projection: { day: '2025-04-10', numerator: 100, value: 100 } });
    // 10 in 20 days: 50 by the end, at risk.
    expect(judge(measured(10, 100), share(80), 'accumulating', period, '2025-01-20'))
      .toMatchObject({ status: 'at-risk', projection: { numerator: 50, value: 50 } });
    // 45 in 50 days: 90 by the end.
    expect(judge(measured(45, 100), share(80), 'accumulating', period, '2025-02-19'))
      .toMatchObject({ status: 'on-track', remaining: 35, projection: { numerator: 90 } });
    // A share's projection stops at its denominator.
    expect(judge(measured(60, 100), share(80), 'accumulating', period, '2025-01-20').projection?.numerator).toBe(100);
  });

  it('says met as soon as an accumulating value reaches a ≥ target, and met or missed once the period is over', () => {
    expect(judge(measured(80, 100), share(80), 'accumulating', period, '2025-01-05').status).toBe('met');
    expect(judge(measured(79, 100), share(80), 'accumulating', period, '2025-04-11')).toMatchObject({ status: 'missed', remaining: 1 });
    expect(judge(measured(80, 100), share(80), 'current', period, '2025-04-11').status).toBe('met');
    expect(judge(measured(80, 100), share(80), 'current', period, '2025-02-01').status).toBe('on-track');
  });

  it('misses a must-stay-zero count as soon as it happens, and keeps it on track while it has not', () => {
    expect(judge(measured(0), count(0, '='), 'accumulating', period, '2025-02-01').status).toBe('on-track');
    expect(judge(measured(1), count(0, '='), 'accumulating', period, '2025-02-01').status).toBe('missed');
    expect(judge(measured(0), count(0, '='), 'accumulating', period, '2025-04-11').status).toBe('met');
    expect(judge(measured(1), count(1, '<'), 'accumulating', period, '2025-02-01').status).toBe('missed');
    // At most 5: 2 in 50 days projects 4 (on track); 3 in 50 days projects 6 (at risk).
    expect(judge(measured(2), count(5, '<='), 'accumulating', period, '2025-02-19')).toMatchObject({ status: 'on-track', projection: { numerator: 4 } });
    expect(judge(measured(3), count(5, '<='), 'accumulating', period, '2025-02-19')).toMatchObject({ status: 'at-risk', projection: { numerator: 6 } });
  });

  it('judges rates as they stand: 9 of 10 incidents attended promptly is at risk of 100%', () => {
    expect(judge(measured(9, 10), share(100), 'current', period, '2025-02-01')).toMatchObject({ status: 'at-risk', projection: { numerator: 9, value: 90 } });
    expect(judge(measured(10, 10), share(100), 'current', period, '2025-02-01').status).toBe('on-track');
  });

  it('has no data before the period, without a denominator, or without an entered value', () => {
    expect(judge(measured(0, 100), share(80), 'accumulating', period, '2024-12-31')).toMatchObject({ status: 'no-data', noDataReason: 'not-started', value: null });
    expect(judge(measured(0, 0), share(100), 'current', period, '2025-02-01')).toMatchObject({ status: 'no-data', noDataReason: 'no-denominator' });
    expect(judge(measured(0, 0, false), share(80), 'current', period, '2025-02-01')).toMatchObject({ status: 'no-data', noDataReason: 'no-value' });
  });

  it('reads a flag as done or not, whatever number was entered', () => {
    const flag: Target = { comparator: '=', value: 1, unit: 'flag' };
    expect(judge(measured(3), flag, 'current', period, '2025-04-11')).toMatchObject({ status: 'met', value: 1 });
    expect(judge(measured(0), flag, 'current', period, '2025-04-11')).toMatchObject({ status: 'missed', value: 0 });
  });
});
