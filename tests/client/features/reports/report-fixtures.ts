// A commune on a phone for report tests: two teams (thôn Đông, thôn Tây) with their rosters,
// households, a plan with the household-outreach indicator, and approved work in March 2025.
import { planOf, householdIndicator } from '../../../support/plan-fixtures.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { commune, hamletEast, hamletWest, household, otherTeamId, outreachLog, teamId } from '../test-kit.tsx';

export const plan = planOf({
  name: 'Phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2025',
  startDay: '2025-01-01',
  endDay: '2025-12-31',
  phases: [
    { id: 'dot-1', name: 'Đợt 1', startDay: '2025-01-01', endDay: '2025-06-30' },
    { id: 'dot-2', name: 'Đợt 2', startDay: '2025-07-01', endDay: '2025-12-31' },
  ],
  indicators: [householdIndicator({ period: 'month' })],
});

export const members = { an: uuidv7(), binh: uuidv7(), tay: uuidv7() };

export async function fillCommune(db: AnttDatabase, leaderId: string): Promise<void> {
  const east = Array.from({ length: 5 }, (_, i) => household(`Hộ Đông ${i + 1}`, hamletEast.id));
  const west = Array.from({ length: 4 }, (_, i) => household(`Hộ Tây ${i + 1}`, hamletWest.id));
  const at = '2025-01-01T00:00:00.000Z';
  await db.team.bulkPut([
    { id: teamId, communeId: commune.id, name: 'Tổ bảo vệ ANTT thôn Đông', hamletIds: [hamletEast.id], members: [
      { userId: leaderId, displayName: 'Trần Thị Bình', position: 'leader' },
      { userId: members.an, displayName: 'Nguyễn Văn An', position: 'member' },
      { userId: members.binh, displayName: 'Lê Văn Bảy', position: 'member' },
    ], updatedAt: at },
    { id: otherTeamId, communeId: commune.id, name: 'Tổ bảo vệ ANTT thôn Tây', hamletIds: [hamletWest.id], members: [
      { userId: members.tay, displayName: 'Phạm Văn Tây', position: 'leader' },
    ], updatedAt: at },
  ]);
  await db.orgUnit.bulkPut([
    { id: commune.id, parentId: null, kind: 'commune', name: commune.name, settings: { dutyPhone: null, promptMinutes: 30 } },
    { id: hamletEast.id, parentId: commune.id, kind: 'hamlet', name: hamletEast.name, settings: { dutyPhone: null, promptMinutes: 30 } },
    { id: hamletWest.id, parentId: commune.id, kind: 'hamlet', name: hamletWest.name, settings: { dutyPhone: null, promptMinutes: 30 } },
  ]);
  await db.household.bulkPut([...east, ...west]);
  await db.campaignPlan.put(plan);
  const approved = { reviewStatus: 'approved' as const, date: '2025-03-05' };
  const { householdIds: _h, agencyId: _a, topic: _t, form: _f, peopleReached: _p, ...base } = outreachLog(members.binh, approved);
  const tip: FieldLog = { ...base, kind: 'tip', receivedAt: '2025-03-05T03:00:00.000Z', isAnonymous: true, sourceName: '', content: 'Có người lạ thuê trọ', passedToPoliceAt: null, isUrgent: false, urgentContact: null };
  await db.fieldLog.bulkPut([
    // Thôn Đông: 2 of 5 households reached (approved); a third only pending.
    outreachLog(members.an, { ...approved, householdIds: [east[0]!.id, east[1]!.id] }),
    outreachLog(members.an, { date: '2025-03-06', householdIds: [east[2]!.id] }),
    // Thôn Tây: 3 of 4.
    outreachLog(members.tay, { ...approved, teamId: otherTeamId, householdIds: west.slice(0, 3).map((h) => h.id) }),
    // A tip by Bảy: the leader and commune police read it, nobody else.
    tip,
  ]);
}
