import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7 } from '#src/shared/domain/ids.ts';

describe('UUIDv7 ids made on the device', () => {
  it('are well-formed version 7 UUIDs carrying the time', () => {
    const id = uuidv7(Date.UTC(2026, 10, 22));
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.UTC(2026, 10, 22));
  });

  it('are unique and increase even within one millisecond', () => {
    const now = Date.now();
    const ids = Array.from({ length: 5000 }, () => uuidv7(now));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
