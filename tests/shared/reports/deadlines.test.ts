import { describe, expect, it } from 'vitest';
import { checkExemplary } from '#src/shared/domain/commendation.ts';
import { daysUntil, deadlinesOfYear, isNear } from '#src/shared/progress/deadlines.ts';
import { planFrom } from '../../support/progress-fixtures.ts';

describe('deadlines of seed 002 (Đồng Nai, exemplary units)', () => {
  const plan = planFrom('002-dong-nai-2023');

  it('dates the yearly deadlines in the year asked for, in order', () => {
    const days = deadlinesOfYear(plan, 2024).map(({ deadline, day }) => [deadline.id, day]);
    expect(days[0]).toEqual(['lua-chon-quy-1', '2024-03-31']);
    expect(days).toContainEqual(['cong-nhan-cap-xa', '2024-10-15']);
    expect(days.map(([, day]) => day)).toEqual([...days.map(([, day]) => day)].sort());
  });

  it('says a deadline nears within 30 days, not after it passed', () => {
    expect(daysUntil('2024-03-01', '2024-03-31')).toBe(30);
    expect(isNear('2024-03-01', '2024-03-31')).toBe(true);
    expect(isNear('2024-02-29', '2024-03-31')).toBe(false);
    expect(isNear('2024-04-01', '2024-03-31')).toBe(false);
    expect(daysUntil('2024-04-01', '2024-03-31')).toBe(-1);
  });

  it('an exemplary registration needs a commune and an agency, enterprise or school', () => {
    expect(checkExemplary([{ unitKind: 'commune' }])).toEqual([{ kind: 'missing-agency' }]);
    expect(checkExemplary([{ unitKind: 'school' }])).toEqual([{ kind: 'missing-commune' }]);
    expect(checkExemplary([{ unitKind: 'commune' }, { unitKind: 'enterprise' }])).toEqual([]);
  });
});
