// @vitest-environment node
// Convergence (the shape of Actual's sync.property.test.ts): devices of one team edit field
// logs offline in any interleaving while the network loses, repeats and reorders messages;
// once the network is good and everyone has synced, every device holds exactly the server's
// live logs of the team and the same conflicts, and no outbox holds anything. Edits of one log
// on two devices merge field by field or become conflicts; none is lost silently.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '#src/shared/domain/account.ts';
import { outreachForms, type FieldLog } from '#src/shared/domain/field-log.ts';
import { isEditableByAuthor, statusAfterAuthorSave } from '#src/shared/domain/review.ts';
import { deleteRecord, putRecord } from '#src/client/db/record-repository.ts';
import { syncOnce } from '#src/client/sync/sync-engine.ts';
import { memberLog, openDevice, type Device } from './support/devices.ts';
import { FaultyTransport, faults, type Fault } from './support/faulty-transport.ts';
import { currentCursor, login, resetSyncState, serverConflicts, serverTeamLogs, startTestServer, type TestServer } from './support/server-harness.ts';

type Role = 'member' | 'leader';

type Step =
  | { device: number; kind: 'create'; households: number; form: number; people: number }
  | { device: number; kind: 'edit'; pick: number; people: number; note: string }
  | { device: number; kind: 'delete'; pick: number }
  | { device: number; kind: 'review'; pick: number; approve: boolean }
  | { device: number; kind: 'sync' };

const device = fc.nat({ max: 2 });
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ device, kind: fc.constant('create' as const), households: fc.integer({ min: 1, max: 3 }), form: fc.nat({ max: 4 }), people: fc.integer({ min: 1, max: 50 }) }) },
  { weight: 4, arbitrary: fc.record({ device, kind: fc.constant('edit' as const), pick: fc.nat(), people: fc.integer({ min: 1, max: 50 }), note: fc.constantFrom('', 'Hộ vắng nhà', 'Đã phát tờ rơi') }) },
  { weight: 1, arbitrary: fc.record({ device, kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ device, kind: fc.constant('review' as const), pick: fc.nat(), approve: fc.boolean() }) },
  { weight: 6, arbitrary: fc.record({ device, kind: fc.constant('sync' as const) }) },
);
const faultArbitrary = fc.oneof({ weight: 3, arbitrary: fc.constant<Fault>('none') }, { weight: 2, arbitrary: fc.constantFrom(...faults) });

let server: TestServer;
const sessions: Record<Role, LoginResponse[]> = { member: [], leader: [] };
let householdIds: string[];

beforeAll(async () => {
  server = await startTestServer();
  // One login per device slot for all runs (each login is a server session with its token).
  sessions.member = [await login(server, 'tovien'), await login(server, 'tovien')];
  sessions.leader = [await login(server, 'totruong')];
  const scopes = sessions.member[0]!.profile.hamlets.map((hamlet) => `unit:${hamlet.id}`);
  const rows = await server.database.query<{ id: string }>(
    `SELECT id::text FROM records WHERE collection = 'household' AND scope = ANY($1::text[]) ORDER BY id LIMIT 3`,
    [scopes],
  );
  householdIds = rows.map((row) => row.id);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

interface SimDevice extends Device {
  role: Role;
  faulty: FaultyTransport;
  background: Promise<void>;
}

/** Logs the device's user may change in the UI: a member their own unapproved logs; a leader those waiting for review. */
async function editable(target: SimDevice): Promise<FieldLog[]> {
  const logs = await target.db.fieldLog.orderBy('id').toArray();
  if (target.role === 'leader') return logs.filter((log) => log.reviewStatus === 'pending' || log.reviewStatus === 'resubmitted');
  return logs.filter((log) => isEditableByAuthor(log.reviewStatus) && log.memberId === target.session.profile.user.id);
}

/** A device's logs as the server holds them: without the version bookkeeping of the device. */
async function deviceLogs(target: SimDevice): Promise<unknown[]> {
  return (await target.db.fieldLog.orderBy('id').toArray()).map(({ serverVersion: _version, ...log }) => log);
}

async function perform(target: SimDevice, step: Step): Promise<void> {
  const now = new Date().toISOString();
  if (step.kind === 'sync') {
    // In the background, as the runner does: the next steps (saves) land while it runs, e.g.
    // between its push and its pull. One sync at a time per device, as the sync lock ensures.
    target.background = target.background.then(() => syncOnce(target.db, target.faulty).then(() => undefined, () => undefined));
    return;
  }
  if (step.kind === 'create') {
    if (target.role !== 'member') return;
    const log = memberLog(target.session, householdIds.slice(0, step.households), { form: outreachForms[step.form]!, peopleReached: step.people });
    await putRecord(target.db, 'fieldLog', log);
    return;
  }
  const candidates = await editable(target);
  const chosen = candidates[step.pick % Math.max(1, candidates.length)];
  if (!chosen) return;
  if (step.kind === 'review') {
    if (target.role !== 'leader') return;
    const review = step.approve ? { reviewStatus: 'approved' as const } : { reviewStatus: 'returned' as const, reviewComment: 'Ghi rõ số hộ' };
    await putRecord(target.db, 'fieldLog', { ...chosen, ...review, updatedAt: now });
  } else if (target.role === 'member') {
    if (step.kind === 'delete') return deleteRecord(target.db, 'fieldLog', chosen.id);
    const edit = { peopleReached: step.people, note: step.note, reviewStatus: statusAfterAuthorSave(chosen.reviewStatus), updatedAt: now };
    await putRecord(target.db, 'fieldLog', { ...chosen, ...edit });
  }
}

/** Every device syncs over a good network until a whole round moves nothing. */
async function syncUntilQuiet(devices: SimDevice[]): Promise<void> {
  await Promise.all(devices.map((target) => target.background));
  for (const target of devices) await target.faulty.deliverDelayed();
  for (let round = 0; round < 6; round++) {
    let moved = 0;
    for (const target of devices) {
      const result = await syncOnce(target.db, target.transport);
      moved += result.pushed + result.pulled;
    }
    if (moved === 0) return;
  }
  throw new Error('Devices did not reach a quiet state');
}

describe('sync convergence', () => {
  it('ends with every device equal to the server, whatever the network did', async () => {
    const roles = fc.constantFrom<Role[]>(['member', 'member'], ['member', 'leader'], ['member', 'member', 'leader']);
    const initialLogCount = fc.nat({ max: 4 });
    const faultScripts = fc.array(fc.array(faultArbitrary, { minLength: 1, maxLength: 12 }), { minLength: 3, maxLength: 3 });
    const stepLists = fc.array(stepArbitrary, { minLength: 15, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(roles, initialLogCount, faultScripts, stepLists, async (deviceRoles, initialLogs, scripts, steps) => {
        await resetSyncState(server);
        // Households were pulled before; start each device after them so a run only moves logs.
        const cursor = await currentCursor(server);
        const used = { member: 0, leader: 0 };
        const devices: SimDevice[] = [];
        for (const [index, role] of deviceRoles.entries()) {
          const opened = await openDevice(server, sessions[role][used[role]++]!, `${role}-${index}`);
          await opened.db.meta.put({ key: 'cursor', value: cursor });
          devices.push({ ...opened, role, faulty: new FaultyTransport(opened.transport, scripts[index]!), background: Promise.resolve() });
        }
        // A shared start: the member's earlier logs are on the server and on every device.
        for (let i = 0; i < initialLogs; i++) await perform(devices[0]!, { device: 0, kind: 'create', households: 1, form: i % 5, people: 1 + i });
        await syncUntilQuiet(devices);
        for (const step of steps) await perform(devices[step.device % devices.length]!, step);

        await syncUntilQuiet(devices);
        const expected = await serverTeamLogs(server);
        const conflicts = await serverConflicts(server);
        for (const target of devices) {
          expect(await deviceLogs(target)).toEqual(expected);
          expect((await target.db.conflict.orderBy('id').toArray()).map(({ serverVersion: _version, ...conflict }) => conflict)).toEqual(conflicts);
          expect(await target.db.outbox.count()).toBe(0);
        }
        await Promise.all(devices.map((target) => target.db.delete()));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
