/**
 * The API fuzzer: generated requests spread over every route of `apiPaths` and `adminPaths` (a
 * route added there is fuzzed without touching this file, once the guard below has its valid
 * body), with random JSON, valid-looking bodies with one field broken, raw non-JSON text, odd
 * content types, good, missing, unknown and malformed Authorization headers, and good and bad
 * path ids, signed in as every role. Every answer is a 2xx or a 4xx in the error shape, never a
 * 5xx; and a refused request (4xx) writes nothing: no transaction took an id while it ran
 * (nothing written in any table), or, when one did, the row counts of the synced and management
 * tables and the change counter are the same before and after it. Failed logins are the one
 * write a refusal makes on purpose (login_failures, the lockout's count), so that table is left
 * out of the counts. Requests run one at a time through app.inject (no sockets: the fuzzer is
 * about answers).
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { hashSessionToken, newSessionToken } from '#src/server/auth/session-tokens.ts';
import type { Database } from '#src/server/db/database.ts';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { demoId } from '#src/server/db/demo-households.ts';
import { insertSession } from '#src/server/db/sessions-repository.ts';
import { sessionCookiePath } from '#src/shared/domain/account.ts';
import { adminPaths, pathFor } from '#src/shared/domain/admin.ts';
import { auditPaths } from '#src/shared/domain/audit.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { apiPaths, errorResponseSchema, PROTOCOL_VERSION } from '#src/shared/sync/protocol.ts';
import { brokenBody, contentTypes, pathIds, rawPayloads, type Json, type Method } from '../support/request-fuzz.ts';
import { demoApp, household, outreachLog, type Session } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

/**
 * Requests per engine: 10,000 each. On the shared 2-core machine PostgreSQL answered them in
 * 17–50 s, PGlite (every query through WebAssembly in this process) in 30–82 s, depending on what
 * else ran. FUZZ_RUNS sets another number (a longer run by hand).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const methods: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const signedInAs = ['tovien', 'totruong', 'congan', 'tinh'] as const;
type Username = (typeof signedInAs)[number];
const paths = { ...apiPaths, ...adminPaths, ...auditPaths, sessionCookie: sessionCookiePath } as Record<string, string>;

/**
 * A valid body for every route that takes one (null: the route reads no body). Keys are
 * `METHOD key`, the key of apiPaths / adminPaths.
 */
function validBodies(): Record<string, Json> {
  const member = { profile: { user: { id: demoId('user:tovien') }, team: { id: DEMO_IDS.teamAp12 } } } as unknown as Session;
  const log = outreachLog(member) as unknown as Json;
  return {
    'POST login': { username: 'tovien', password: 'sai-mat-khau', deviceLabel: 'Điện thoại thử', clientId: uuidv7() },
    'POST logout': null,
    'POST push': {
      protocolVersion: PROTOCOL_VERSION, clientId: uuidv7(),
      mutations: [
        { seq: 1, collection: 'fieldLog', id: (log as { id: string }).id, op: 'put', base: 0, data: log },
        { seq: 2, collection: 'household', id: uuidv7(), op: 'put', base: 0, data: household(DEMO_IDS.hamlets[0]) as unknown as Json },
        { seq: 3, collection: 'fieldLog', id: uuidv7(), op: 'delete', base: 0 },
      ],
    },
    'POST pull': { protocolVersion: PROTOCOL_VERSION, clientId: uuidv7(), cursor: 0, limit: 50, scopesHash: '', backfill: { scopes: [`unit:${DEMO_IDS.hamlets[0]}`], until: 10 } },
    'POST units': { parentId: DEMO_IDS.commune, kind: 'hamlet', name: 'Ấp Mới' },
    'PATCH unit': { name: 'Ấp Đổi Tên', parentId: DEMO_IDS.commune },
    'PUT unitSettings': { dutyPhone: '0251 3812 113', promptMinutes: 20 },
    'POST teams': { communeId: DEMO_IDS.commune, name: 'Tổ Mới', hamletIds: [], establishedOn: '2024-07-01' },
    'PATCH team': { name: 'Tổ Đổi Tên', establishedOn: '2024-08-01' },
    'PUT hamletTeam': { teamId: DEMO_IDS.teamAp3 },
    'POST accounts': { username: 'moi.tao', displayName: 'Người Mới', role: 'member', teamId: DEMO_IDS.teamAp3, position: 'member', orgUnitId: null, password: 'Mk-rat-kho-doan-9' },
    'PATCH account': { displayName: 'Tên Mới', role: 'member', position: 'deputy' },
    'POST accountMove': { teamId: DEMO_IDS.teamAp3, position: 'member' },
    'POST accountDisable': null,
    'POST accountEnable': null,
    'POST accountResetPassword': { temporaryPassword: 'Tam-thoi-kho-doan-7' },
    'POST sessionRevoke': null,
    'POST sessionCookie': null,
    'POST import': {
      communeId: DEMO_IDS.commune, dryRun: true,
      rows: [{ line: 2, values: { ten_to: 'Tổ Nhập', ap: 'Ấp 9', ngay_thanh_lap: '01/07/2024', ho_ten: 'Lê Văn Nhập', ten_dang_nhap: 'le.nhap', chuc_vu: 'Tổ trưởng', mat_khau: 'Mk-nhap-kho-doan-3' } }],
    },
    'POST changePassword': { username: 'tovien2', currentPassword: 'sai-mat-khau', newPassword: 'Mk-moi-kho-doan-5', deviceLabel: 'Máy thử', clientId: uuidv7() },
  };
}

interface Route {
  key: string;
  method: Method;
  pattern: string;
}

/**
 * What a refused request must leave as it was: the newest change number in the history (every
 * synced write records a numbered change), the synced records, and the row counts of the tables
 * written outside sync (login_failures excepted: see the header).
 */
async function counts(db: Database): Promise<Record<string, number>> {
  const rows = await db.query<Record<string, number>>(
    `SELECT (SELECT coalesce(max(seq), 0) FROM record_changes)::bigint AS counter, (SELECT count(*) FROM records)::int AS records,
            (SELECT count(*) FROM sync_clients)::int AS clients,
            (SELECT count(*) FROM sync_rejections)::int AS rejections, (SELECT count(*) FROM users)::int AS users,
            (SELECT count(*) FROM org_units)::int AS units, (SELECT count(*) FROM teams)::int AS teams,
            (SELECT count(*) FROM team_hamlets)::int AS team_hamlets, (SELECT count(*) FROM sessions)::int AS sessions`,
  );
  return rows[0]!;
}

/**
 * The first transaction id PostgreSQL has not handed out yet (the current snapshot's xmax). Any
 * transaction that writes a row, even one rolled back, takes an id, so this moves on; reads do
 * not. Unchanged across a request: nothing at all was written, in any table.
 */
async function nextTransactionId(db: Database): Promise<string> {
  const rows = await db.query<{ xmax: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax');
  return rows[0]!.xmax;
}

/** A session straight in the database (no scrypt): the fuzzer signs in thousands of times. */
async function mintToken(db: Database, username: string): Promise<string> {
  const token = newSessionToken();
  const now = new Date();
  await insertSession(db, {
    id: uuidv7(), tokenHash: hashSessionToken(token), userId: demoId(`user:${username}`),
    expiresAt: new Date(now.getTime() + 86_400_000), createdAt: now, deviceLabel: 'Máy thử nghiệm', clientId: null,
  });
  return token;
}

forEachDatabase('the API under fuzzing', (getDb, kind) => {
  let app: FastifyInstance;
  let routes: Route[];
  const tokens = {} as Record<Username, string>;
  let bodies: Record<string, Json>;
  let realIds: string[];

  beforeAll(async () => {
    app = await demoApp(getDb());
    await app.ready();
    routes = Object.entries(paths).flatMap(([key, pattern]) =>
      methods.filter((method) => app.hasRoute({ method, url: pattern })).map((method) => ({ key, method, pattern })));
    for (const username of signedInAs) tokens[username] = await mintToken(getDb(), username);
    bodies = validBodies();
    await mintToken(getDb(), 'tovien2');
    const sessionIds = await getDb().query<{ id: string }>(`SELECT id::text FROM sessions WHERE user_id = $1`, [demoId('user:tovien2')]);
    // Accounts the fuzzer does not sign in as: disabling one must not end the run.
    realIds = [DEMO_IDS.commune, DEMO_IDS.province, ...DEMO_IDS.hamlets, DEMO_IDS.teamAp12, DEMO_IDS.teamAp3,
      demoId('user:tovien2'), demoId('user:topho3'), demoId('user:tovien5'), ...sessionIds.map((row) => row.id)];
  });

  it('knows a valid body for every route that takes one, and every path is a route', () => {
    for (const [key, pattern] of Object.entries(paths)) expect(routes.some((route) => route.key === key), pattern).toBe(true);
    for (const route of routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method))) {
      expect(Object.hasOwn(bodies, `${route.method} ${route.key}`), `${route.method} ${route.pattern}`).toBe(true);
    }
  });

  it('answers a path id longer than any id, and a broken percent-encoding, in the error shape', async () => {
    const tooLong = await app.inject({ method: 'GET', url: pathFor(adminPaths.unit, 'a'.repeat(3000)), headers: { authorization: `Bearer ${tokens.tinh}` } });
    expect([tooLong.statusCode, tooLong.json()]).toEqual([404, { error: { reason: 'not-found', message: expect.any(String) } }]);
    const badEncoding = await app.inject({ method: 'GET', url: '/api/admin/units/%E0%A4%A', headers: { authorization: `Bearer ${tokens.tinh}` } });
    expect([badEncoding.statusCode, badEncoding.json()]).toEqual([400, { error: { reason: 'invalid-request', message: expect.any(String) } }]);
  });

  it(`answers ${RUNS} generated requests with a 2xx or a clear 4xx, and refusals write nothing`, async () => {
    const requestArbitrary = fc.constantFrom(...routes).chain((route) => {
      const valid = bodies[`${route.method} ${route.key}`] ?? null;
      const json = valid === null ? fc.jsonValue({ maxDepth: 4 }) : fc.oneof({ weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) }, { weight: 6, arbitrary: brokenBody(valid) });
      return fc.record({
        route: fc.constant(route),
        payload: fc.oneof({ weight: 6, arbitrary: json.map((body) => JSON.stringify(body)) }, { weight: 1, arbitrary: rawPayloads }, { weight: 1, arbitrary: fc.constant(undefined) }),
        contentType: fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 2, arbitrary: fc.constantFrom(...contentTypes) }),
        auth: fc.oneof(
          { weight: 12, arbitrary: fc.constantFrom(...signedInAs).map((username) => ({ username })) },
          { weight: 3, arbitrary: fc.constantFrom(null, 'Bearer', 'Bearer ', 'Basic dG92aWVuOmFudHQyMDI2', `Bearer ${'A'.repeat(5000)}`, 'bearer xyz', `Bearer ${newSessionToken()}`, `Bearer ${newSessionToken()}\t`).map((header) => ({ header })) },
        ),
        id: pathIds(realIds),
        query: fc.oneof({ weight: 8, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('?a=1', '?cursor=-1&limit=abc', '?x=%00', '?__proto__[y]=1', `?q=${'z'.repeat(4000)}`) }),
      });
    });

    let before = await counts(getDb());
    let nextXid = await nextTransactionId(getDb());
    const tally = { answered: 0, refused: 0, countsCompared: 0, byStatus: {} as Record<number, number> };
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async ({ route, payload, contentType, auth, id, query }) => {
        const authorization = 'username' in auth ? `Bearer ${tokens[auth.username]}` : auth.header;
        const headers: Record<string, string> = {};
        if (authorization !== null) headers.authorization = authorization;
        if (contentType !== null && payload !== undefined) headers['content-type'] = contentType;
        const response = await app.inject({
          method: route.method, url: `${pathFor(route.pattern, id)}${query}`, headers,
          ...(payload !== undefined && route.method !== 'GET' ? { payload } : {}),
        });
        tally.answered += 1;
        tally.byStatus[response.statusCode] = (tally.byStatus[response.statusCode] ?? 0) + 1;
        expect(response.statusCode, `${route.method} ${route.pattern}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
        if (response.statusCode >= 400) {
          tally.refused += 1;
          expect(errorResponseSchema.safeParse(response.json()).success, response.body.slice(0, 300)).toBe(true);
          // No transaction took an id: nothing was written anywhere, which says more than equal
          // counts. One did (a failed login's count, a write rolled back): compare the counts.
          const xidAfter = await nextTransactionId(getDb());
          if (xidAfter !== nextXid) {
            tally.countsCompared += 1;
            expect(await counts(getDb()), `${route.method} ${route.pattern} answered ${response.statusCode} and wrote`).toEqual(before);
            nextXid = xidAfter;
          }
          return;
        }
        // An accepted request may have ended a session the fuzzer uses (logout, password change).
        if (['logout', 'changePassword', 'mySession', 'session'].includes(route.key)) {
          for (const username of signedInAs) tokens[username] = await mintToken(getDb(), username);
        }
        before = await counts(getDb());
        nextXid = await nextTransactionId(getDb());
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.info(`[${kind}] ${tally.answered} requests over ${routes.length} routes, ${tally.refused} refused (${tally.countsCompared} of them after a write somewhere: counts compared); by status ${JSON.stringify(tally.byStatus)}`);
  }, 150_000);
});
