// The server's sync path on the embedded database (PGlite): a member's push of 50 logs, and a
// device's pull of 500-change pages, through Fastify inject (no network noise).
import { buildApp } from '#src/server/app.ts';
import { openDatabase } from '#src/server/db/database.ts';
import { migrate } from '#src/server/db/migrate.ts';
import { DEMO_ACCOUNTS, loadDemoData } from '#src/server/db/demo-data.ts';
import { apiPaths, INITIAL_CURSOR, PROTOCOL_VERSION, type PullResponse } from '#src/shared/sync/protocol.ts';
import { loginResponseSchema } from '#src/shared/domain/account.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { quantile } from './stats.ts';

export interface ServerSync {
  pushMedianMs: number;
  pushP95Ms: number;
  pullMedianMs: number;
  pullP95Ms: number;
}

export async function measureServerSync(batches = 60): Promise<ServerSync> {
  const database = await openDatabase({ dataDir: 'memory' });
  await migrate(database);
  await loadDemoData(database);
  const app = await buildApp({ database, logger: false });
  try {
    const member = DEMO_ACCOUNTS.find((account) => account.role === 'member')!;
    const login = await app.inject({ method: 'POST', url: apiPaths.login, payload: { username: member.username, password: member.password } });
    const { token, profile } = loginResponseSchema.parse(login.json());
    const headers = { authorization: `Bearer ${token}` };
    const clientId = uuidv7();
    const households = await pullAll(app, headers, clientId);
    const householdIds = households.filter((change) => change.collection === 'household').map((change) => change.id);
    const pushMs: number[] = [];
    let seq = 0;
    for (let batch = 0; batch < batches; batch += 1) {
      const mutations = Array.from({ length: 50 }, () => {
        const now = new Date().toISOString();
        const id = uuidv7();
        return {
          seq: ++seq, collection: 'fieldLog', id, op: 'put' as const, base: 0,
          data: {
            id, kind: 'outreach', teamId: profile.team!.id, memberId: profile.user.id, date: dayInVietnam(),
            householdIds: [householdIds[seq % householdIds.length]!], topic: 'An toàn giao thông', form: 'meeting',
            peopleReached: 12, note: '', reviewStatus: 'pending', reviewComment: '', reviewedBy: null, reviewedAt: null,
            photoIds: [], location: null, createdAt: now, updatedAt: now,
          },
        };
      });
      const start = performance.now();
      const response = await app.inject({ method: 'POST', url: apiPaths.push, headers, payload: { protocolVersion: PROTOCOL_VERSION, clientId, mutations } });
      pushMs.push(performance.now() - start);
      if (response.statusCode !== 200) throw new Error(`push failed: ${response.body}`);
    }
    const pullMs: number[] = [];
    await pullAll(app, headers, uuidv7(), pullMs);
    return { pushMedianMs: quantile(pushMs, 0.5), pushP95Ms: quantile(pushMs, 0.95), pullMedianMs: quantile(pullMs, 0.5), pullP95Ms: quantile(pullMs, 0.95) };
  } finally {
    await app.close();
    await database.close();
  }
}

async function pullAll(app: Awaited<ReturnType<typeof buildApp>>, headers: Record<string, string>, clientId: string, timings?: number[]) {
  const changes: PullResponse['changes'] = [];
  let cursor = INITIAL_CURSOR;
  for (;;) {
    const start = performance.now();
    const response = await app.inject({ method: 'POST', url: apiPaths.pull, headers, payload: { protocolVersion: PROTOCOL_VERSION, clientId, cursor, limit: 500 } });
    timings?.push(performance.now() - start);
    const page = response.json() as PullResponse;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return changes;
  }
}
