import { describe, expect, it } from 'vitest';
import { isReadableBy, type Reader } from '#src/shared/domain/readable.ts';

const TEAM = 'team-a';
const OTHER_TEAM = 'team-b';
const reader = (role: Reader['role'], userId = 'reader', teamIds = [TEAM]): Reader => ({ userId, role, teamIds });
const entry = (kind: string, memberId = 'author', teamId = TEAM) => ({ kind, memberId, teamId });

describe('isReadableBy', () => {
  it('lets everyone whose reach covers the team read ordinary entries, and nobody else', () => {
    for (const role of ['member', 'leader', 'commune-police', 'province-admin'] as const) {
      expect(isReadableBy(reader(role), entry('outreach'))).toBe(true);
      expect(isReadableBy(reader(role), entry('patrol', 'author', OTHER_TEAM))).toBe(false);
    }
  });

  it('keeps tips and reintegration visits to their author, the leader and commune police', () => {
    for (const kind of ['tip', 'reintegration-visit']) {
      expect(isReadableBy(reader('member'), entry(kind))).toBe(false);
      expect(isReadableBy(reader('member', 'author'), entry(kind))).toBe(true);
      expect(isReadableBy(reader('leader'), entry(kind))).toBe(true);
      expect(isReadableBy(reader('commune-police'), entry(kind))).toBe(true);
      expect(isReadableBy(reader('province-admin'), entry(kind))).toBe(false);
      expect(isReadableBy(reader('leader', 'reader', [OTHER_TEAM]), entry(kind))).toBe(false);
    }
  });
});
