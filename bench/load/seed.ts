// The organisation a load run needs, written through the server's own repositories: provinces ›
// communes › one hamlet per team (with households), teams of a leader and members, and a live
// session for every account, so 1,000 devices need no 1,000 scrypt logins. Units, teams and
// households are published as synced records exactly as the admin API and the demo data do.
import { hashPassword } from '#src/server/auth/password-hashing.ts';
import { hashSessionToken, newSessionToken } from '#src/server/auth/session-tokens.ts';
import { insertAccount } from '#src/server/db/accounts-repository.ts';
import type { Database, Queryable } from '#src/server/db/database.ts';
import { demoHouseholds, demoId } from '#src/server/db/demo-households.ts';
import { publishOrgChanges } from '#src/server/db/org-records-repository.ts';
import { insertSession } from '#src/server/db/sessions-repository.ts';
import { writeServerRecords } from '#src/server/db/sync-repository.ts';
import { insertTeam } from '#src/server/db/teams-repository.ts';
import { insertUnit } from '#src/server/db/units-repository.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { collections } from '#src/shared/sync/collections.ts';

export interface LoadShape {
  provinces: number;
  communesPerProvince: number;
  teamsPerCommune: number;
  /** Accounts per team, the leader included. */
  membersPerTeam: number;
  householdsPerHamlet: number;
}

/** One simulated phone: a signed-in account and what its entries refer to. */
export interface Device {
  token: string;
  clientId: string;
  userId: string;
  teamId: string;
  householdIds: string[];
  province: number;
}

export function deviceCount(shape: LoadShape): number {
  return shape.provinces * shape.communesPerProvince * shape.teamsPerCommune * shape.membersPerTeam;
}

async function seedTeam(tx: Queryable, at: { province: number; communeIndex: number; commune: string; team: number }, shape: LoadShape, passwordHash: string, now: Date): Promise<Device[]> {
  const label = `${at.commune}:${at.team}`;
  const hamletId = demoId(`bench-hamlet:${label}`);
  await insertUnit(tx, { id: hamletId, parentId: at.commune, kind: 'hamlet', name: `Ấp ${at.team + 1}` }, now);
  const teamId = demoId(`bench-team:${label}`);
  await insertTeam(tx, { id: teamId, communeId: at.commune, name: `Tổ bảo vệ ANTT Ấp ${at.team + 1}`, hamletIds: [hamletId] }, now);
  const households = demoHouseholds({ id: hamletId, name: `Ấp ${at.team + 1}` }, shape.householdsPerHamlet, at.team + 1, now.toISOString());
  await writeServerRecords(
    tx,
    households.map((household) => ({ collection: 'household', id: household.id, scope: collections.household.scopeOf(household), deleted: false, data: household as unknown as Record<string, unknown>, originClient: null })),
    { userId: null, now },
  );
  const devices: Device[] = [];
  for (let member = 0; member < shape.membersPerTeam; member += 1) {
    const userId = demoId(`bench-user:${label}:${member}`);
    const role = member === 0 ? 'leader' : 'member';
    await insertAccount(tx, { id: userId, username: `bench-${at.province}-${at.communeIndex}-${at.team}-${member}`, displayName: `Thành viên ${member + 1}`, role, teamId, orgUnitId: at.commune, passwordHash });
    const token = newSessionToken();
    // A phone that synced before: its session knows its sync client id.
    const clientId = uuidv7();
    await insertSession(tx, { id: uuidv7(), tokenHash: hashSessionToken(token), userId, expiresAt: new Date(now.getTime() + 30 * 86_400_000), createdAt: now, deviceLabel: 'bench', clientId });
    devices.push({ token, clientId, userId, teamId, householdIds: households.map((household) => household.id), province: at.province });
  }
  return devices;
}

/** Writes the organisation (one transaction per commune) and returns its devices, province by province. */
export async function seedLoad(database: Database, shape: LoadShape, now = new Date()): Promise<Device[]> {
  const passwordHash = await hashPassword('bench-password-not-used');
  const devices: Device[] = [];
  for (let province = 0; province < shape.provinces; province += 1) {
    const provinceId = demoId(`bench-province:${province}`);
    await database.transaction(async (tx) => {
      await insertUnit(tx, { id: provinceId, parentId: null, kind: 'province', name: `Tỉnh thử tải ${province + 1}` }, now);
      await publishOrgChanges(tx, { unitIds: [provinceId] }, null, now);
    });
    for (let commune = 0; commune < shape.communesPerProvince; commune += 1) {
      const communeId = demoId(`bench-commune:${province}:${commune}`);
      await database.transaction(async (tx) => {
        await insertUnit(tx, { id: communeId, parentId: provinceId, kind: 'commune', name: `Xã thử tải ${province + 1}.${commune + 1}` }, now);
        const unitIds = [communeId];
        const teamIds: string[] = [];
        for (let team = 0; team < shape.teamsPerCommune; team += 1) {
          const made = await seedTeam(tx, { province, communeIndex: commune, commune: communeId, team }, shape, passwordHash, now);
          devices.push(...made);
          teamIds.push(made[0]!.teamId);
          unitIds.push(demoId(`bench-hamlet:${communeId}:${team}`));
        }
        await publishOrgChanges(tx, { unitIds, teamIds }, null, now);
      });
    }
  }
  return devices;
}
