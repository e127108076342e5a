// isReadableBy: who may read an entry in reports and exports, the rule of the server's sync scopes.
import { describe, expect, it } from 'vitest';
import { isReadableBy, type Reader } from '#src/shared/domain/readable.ts';

const TEAM = 'team-a';
const OTHER_TEAM = 'team-b';
// Members and leaders read through their own team; commune police and province staff through the
// teams they supervise.
const reader = (role: Reader['role'], userId = 'reader', teamIds = [TEAM]): Reader =>
  role === 'member' || role === 'leader'
    ? { userId, role, teamId: teamIds[0] ?? null, supervisedTeamIds: [] }
    : { userId, role, teamId: null, supervisedTeamIds: teamIds };
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
