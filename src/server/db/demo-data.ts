/**
 * Demo data for a fresh server: one province, one commune (its duty phone set), three hamlets
 * with households, two teams each with a leader, a deputy and members, a campaign plan for the
 * current year, and accounts for every role. Loaded in ONE transaction, only when there are no
 * accounts yet; households, the plan, the units and the teams are written as synced records
 * through the same numbering as push (writeServerRecords), so devices pull them.
 */
import { hashPassword } from '#src/server/auth/password-hashing.ts';
import type { Role, TeamPosition } from '#src/shared/domain/account.ts';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { collections, type CollectionName } from '#src/shared/sync/collections.ts';
import { insertAccount } from './accounts-repository.ts';
import type { Database, Queryable } from './database.ts';
import { demoHouseholds, demoId } from './demo-households.ts';
import { publishOrgChanges } from './org-records-repository.ts';
import { insertTeam } from './teams-repository.ts';
import { insertUnit } from './units-repository.ts';
import { writeServerRecords } from './sync-repository.ts';

export const DEMO_PASSWORD = 'antt2026';

/** Stable ids of the demo organisation (README, e2e tests and fixtures use them). */
export const DEMO_IDS = {
  province: demoId('unit:dong-nai'),
  commune: demoId('unit:tan-lap'),
  hamlets: [demoId('unit:ap-1'), demoId('unit:ap-2'), demoId('unit:ap-3')] as const,
  teamAp12: demoId('team:ap-1-2'),
  teamAp3: demoId('team:ap-3'),
} as const;

const HAMLETS = [
  { id: DEMO_IDS.hamlets[0], name: 'Ấp 1', households: 184 },
  { id: DEMO_IDS.hamlets[1], name: 'Ấp 2', households: 262 },
  { id: DEMO_IDS.hamlets[2], name: 'Ấp 3', households: 347 },
] as const;

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  /** The team of a member or leader; for police and province staff, the unit they work for. */
  teamName: string;
  /** The position in the team; null for police and province staff. */
  position: TeamPosition | null;
  teamId: string | null;
  orgUnitId: string;
}

const TEAM_AP12 = { teamName: 'Tổ bảo vệ ANTT Ấp 1–2', teamId: DEMO_IDS.teamAp12, orgUnitId: DEMO_IDS.commune };
const TEAM_AP3 = { teamName: 'Tổ bảo vệ ANTT Ấp 3', teamId: DEMO_IDS.teamAp3, orgUnitId: DEMO_IDS.commune };

/** The commune's duty phone in the demo (a made-up number). */
export const DEMO_DUTY_PHONE = '0251 3812 113';

/** The demo accounts: the first four (one per role) are the README's; all use DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'tovien', password: DEMO_PASSWORD, role: 'member', displayName: 'Nguyễn Văn An', position: 'member', ...TEAM_AP12 },
  { username: 'totruong', password: DEMO_PASSWORD, role: 'leader', displayName: 'Trần Thị Bình', position: 'leader', ...TEAM_AP12 },
  { username: 'congan', password: DEMO_PASSWORD, role: 'commune-police', displayName: 'Lê Minh Cường', position: null, teamName: 'Xã Tân Lập', teamId: null, orgUnitId: DEMO_IDS.commune },
  { username: 'tinh', password: DEMO_PASSWORD, role: 'province-admin', displayName: 'Phạm Quốc Dũng', position: null, teamName: 'Tỉnh Đồng Nai', teamId: null, orgUnitId: DEMO_IDS.province },
  { username: 'topho', password: DEMO_PASSWORD, role: 'member', displayName: 'Hoàng Văn Đức', position: 'deputy', ...TEAM_AP12 },
  { username: 'tovien2', password: DEMO_PASSWORD, role: 'member', displayName: 'Đỗ Thị Hoa', position: 'member', ...TEAM_AP12 },
  { username: 'totruong3', password: DEMO_PASSWORD, role: 'leader', displayName: 'Bùi Văn Hải', position: 'leader', ...TEAM_AP3 },
  { username: 'topho3', password: DEMO_PASSWORD, role: 'member', displayName: 'Lý Thị Lan', position: 'deputy', ...TEAM_AP3 },
  { username: 'tovien5', password: DEMO_PASSWORD, role: 'member', displayName: 'Mai Văn Nam', position: 'member', ...TEAM_AP3 },
];

/** Arbitrary fixed lock key: two servers starting on one empty database load the demo once. */
const DEMO_LOCK_KEY = 7_202_602;

export function demoCampaignPlan(now: Date): CampaignPlan {
  const year = dayInVietnam(now).slice(0, 4);
  const id = demoId(`campaign-plan:${year}`);
  const noSource = { paragraph: '', quote: '' };
  return {
    id,
    planId: id,
    version: 1,
    orgUnitId: DEMO_IDS.province,
    templateId: null,
    name: `Kế hoạch phong trào Toàn dân bảo vệ ANTQ năm ${year}`,
    issuer: 'UBND tỉnh Đồng Nai',
    documentNumber: '',
    issuedOn: null,
    theme: '',
    startDay: `${year}-01-01`,
    endDay: `${year}-12-31`,
    periodSource: noSource,
    phases: [
      { id: 'dot-1', name: 'Đợt 1', startDay: `${year}-01-01`, endDay: `${year}-06-30`, theme: '', source: noSource },
      { id: 'dot-2', name: 'Đợt 2', startDay: `${year}-07-01`, endDay: `${year}-12-31`, theme: '', source: noSource },
    ],
    deadlines: [],
    manualInputs: [],
    indicators: [
      {
        id: 'households-reached',
        label: 'Hộ gia đình được tuyên truyền',
        metric: { type: 'household-outreach-share' },
        target: { comparator: '>=', value: 80, unit: 'percent' },
        level: 'commune',
        period: 'phase',
        isAssignable: true,
        shareOf: null,
        source: {
          paragraph: 'Kế hoạch 31/KH-UBND (Bình Phước, 2023), §II.3.4',
          quote: 'Các xã, phường, thị trấn tổ chức tuyên truyền công tác phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc phải được ít nhất 80% trên tổng số hộ dân trên địa bàn.',
        },
      },
    ],
    commendationQuotas: [],
    dossiers: [],
    updatedAt: now.toISOString(),
  };
}

async function insertOrganisation(tx: Queryable, now: Date): Promise<void> {
  await insertUnit(tx, { id: DEMO_IDS.province, parentId: null, kind: 'province', name: 'Tỉnh Đồng Nai' }, now);
  const settings = { dutyPhone: DEMO_DUTY_PHONE, promptMinutes: 30 };
  await insertUnit(tx, { id: DEMO_IDS.commune, parentId: DEMO_IDS.province, kind: 'commune', name: 'Xã Tân Lập', settings }, now);
  for (const hamlet of HAMLETS) {
    await insertUnit(tx, { id: hamlet.id, parentId: DEMO_IDS.commune, kind: 'hamlet', name: hamlet.name }, now);
  }
  const [ap1, ap2, ap3] = DEMO_IDS.hamlets;
  await insertTeam(tx, { id: DEMO_IDS.teamAp12, communeId: DEMO_IDS.commune, name: TEAM_AP12.teamName, hamletIds: [ap1, ap2], establishedOn: '2024-07-01' }, now);
  await insertTeam(tx, { id: DEMO_IDS.teamAp3, communeId: DEMO_IDS.commune, name: TEAM_AP3.teamName, hamletIds: [ap3], establishedOn: '2024-07-01' }, now);
}

function asRecord(collection: CollectionName, data: Record<string, unknown>) {
  // Through the shared schema, as a device's push would be: demo data cannot drift from it.
  const definition = collections[collection] as unknown as (typeof collections)['household'];
  const valid = definition.schema.parse(data);
  return { collection, id: valid.id, scope: definition.scopeOf(valid), deleted: false, data: valid as Record<string, unknown>, originClient: null };
}

/**
 * Loads the demo data into an empty database (no accounts). Returns false, changing nothing,
 * when accounts already exist.
 */
export async function loadDemoData(database: Database, now: Date = new Date()): Promise<boolean> {
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((account) => hashPassword(account.password)));
  return database.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK_KEY]);
    const existing = await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM users');
    if ((existing[0]?.count ?? 0) > 0) return false;
    await insertOrganisation(tx, now);
    for (const [index, account] of DEMO_ACCOUNTS.entries()) {
      const { username, displayName, role, position, teamId, orgUnitId } = account;
      await insertAccount(tx, { id: demoId(`user:${username}`), username, displayName, role, position, teamId, orgUnitId, passwordHash: hashes[index]! });
    }
    const updatedAt = now.toISOString();
    const households = HAMLETS.flatMap((hamlet, index) => demoHouseholds(hamlet, hamlet.households, 2026 + index, updatedAt));
    const records = [
      ...households.map((household) => asRecord('household', household)),
      asRecord('campaignPlan', demoCampaignPlan(now)),
    ];
    await writeServerRecords(tx, records, { userId: null, now });
    const unitIds = [DEMO_IDS.province, DEMO_IDS.commune, ...DEMO_IDS.hamlets];
    await publishOrgChanges(tx, { unitIds, teamIds: [DEMO_IDS.teamAp12, DEMO_IDS.teamAp3] }, null, now);
    return true;
  });
}
