/**
 * Helpers for server tests: an app over a test database with the demo data, logging in as a
 * demo account, push/pull through `app.inject()`, and valid records to push.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from '#src/server/app.ts';
import { hashPassword } from '#src/server/auth/password-hashing.ts';
import { insertAccount } from '#src/server/db/accounts-repository.ts';
import type { Database } from '#src/server/db/database.ts';
import { DEMO_IDS, DEMO_PASSWORD, loadDemoData } from '#src/server/db/demo-data.ts';
import { demoId } from '#src/server/db/demo-households.ts';
import { loginResponseSchema, type LoginResponse, type Role } from '#src/shared/domain/account.ts';
import type { OutreachLog } from '#src/shared/domain/field-log.ts';
import type { Household } from '#src/shared/domain/household.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { apiPaths, PROTOCOL_VERSION, type Mutation, type PullResponse, type PushResponse } from '#src/shared/sync/protocol.ts';

/**
 * Loads the demo data (once per database) and builds an app over it. Per-minute request limits
 * are lifted unless a test sets them: suites log in far more often than a person would.
 */
export async function demoApp(database: Database, options: Partial<BuildAppOptions> = {}): Promise<FastifyInstance> {
  await loadDemoData(database);
  return buildApp({ database, requestLimits: { loginPerMinute: 100_000, adminPerMinute: 100_000 }, ...options });
}

/** A member of team "Ấp 3" (the demo has none): for scope tests. */
export async function addTeamAp3Member(database: Database): Promise<string> {
  const username = 'tovien3';
  const rows = await database.query<{ id: string }>('SELECT id::text FROM users WHERE username = $1', [username]);
  if (rows[0]) return username;
  await insertAccount(database, {
    id: demoId(`user:${username}`),
    username,
    displayName: 'Võ Thị Cúc',
    role: 'member' satisfies Role,
    teamId: DEMO_IDS.teamAp3,
    orgUnitId: DEMO_IDS.commune,
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  return username;
}

/** A signed-in tool (no app header): the server answers its login with a Bearer token. */
export interface Session extends LoginResponse {
  token: string;
  headers: { authorization: string };
}

export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: apiPaths.login, payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const body = loginResponseSchema.parse(response.json());
  if (!body.token) throw new Error(`login ${username}: no token in the answer`);
  return { ...body, token: body.token, headers: { authorization: `Bearer ${body.token}` } };
}

export async function push(
  app: FastifyInstance,
  session: Session,
  clientId: string,
  mutations: Mutation[],
): Promise<{ statusCode: number; body: PushResponse }> {
  const response = await app.inject({
    method: 'POST',
    url: apiPaths.push,
    headers: session.headers,
    payload: { protocolVersion: PROTOCOL_VERSION, clientId, mutations },
  });
  return { statusCode: response.statusCode, body: response.json() };
}

export async function pull(
  app: FastifyInstance,
  session: Session,
  cursor: string,
  options: { clientId?: string; limit?: number } = {},
): Promise<PullResponse> {
  const response = await app.inject({
    method: 'POST',
    url: apiPaths.pull,
    headers: session.headers,
    payload: { protocolVersion: PROTOCOL_VERSION, clientId: options.clientId ?? uuidv7(), cursor, ...(options.limit ? { limit: options.limit } : {}) },
  });
  if (response.statusCode !== 200) throw new Error(`pull: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** Pulls from `cursor` until no more wait; returns every change received and the final cursor. */
export async function pullAll(app: FastifyInstance, session: Session, cursor = '', limit = 1000): Promise<{ changes: PullResponse['changes']; cursor: string }> {
  const changes: PullResponse['changes'] = [];
  let at = cursor;
  for (;;) {
    const page = await pull(app, session, at, { limit });
    changes.push(...page.changes);
    at = page.cursor;
    if (!page.hasMore) return { changes, cursor: at };
  }
}

/** A valid outreach log written by the session's user in the session's team. */
export function outreachLog(session: Session, overrides: Partial<OutreachLog> = {}): OutreachLog {
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    teamId: session.profile.team?.id ?? DEMO_IDS.teamAp12,
    memberId: session.profile.user.id,
    date: '2026-03-15',
    note: '',
    reviewStatus: 'pending',
    reviewComment: '',
    reviewedBy: null,
    reviewedAt: null,
    photoIds: [],
    location: null,
    createdAt: now,
    updatedAt: now,
    kind: 'outreach',
    householdIds: [demoId(`household:${DEMO_IDS.hamlets[0]}:0`)],
    agencyId: null,
    topic: 'Phòng chống lừa đảo qua mạng',
    form: 'home-visit',
    peopleReached: 3,
    ...overrides,
  };
}

export function household(hamletId: string, overrides: Partial<Household> = {}): Household {
  return { id: uuidv7(), hamletId, headName: 'Đặng Văn Lực', address: 'Số 5, Tổ 1, Ấp 1', memberCount: 4,
    isRentalHousing: false, hasConditionalBusiness: false, mergedIntoId: null, updatedAt: new Date().toISOString(), ...overrides };
}

/** A put of the whole record; `base` is the server version the edit started from (0: new). */
export function putMutation<Data extends { id: string }>(seq: number, collection: string, data: Data, options: { base?: number; changed?: string[] } = {}): Mutation {
  return { seq, collection, id: data.id, op: 'put', base: options.base ?? 0, data: data as unknown as Record<string, unknown>, ...(options.changed ? { changed: options.changed } : {}) };
}

export function deleteMutation(seq: number, collection: string, id: string, base = 0): Mutation {
  return { seq, collection, id, op: 'delete', base };
}

/** The server's version of a record (its change number): the base of a device's next edit. */
export async function versionOf(database: Database, id: string): Promise<number> {
  const rows = await database.query<{ seq: number }>('SELECT seq FROM records WHERE id = $1', [id]);
  return rows[0]?.seq ?? 0;
}

/** Rows of a collection on the server, straight from the database. */
export async function storedRecords(database: Database, collection: string): Promise<{ id: string; deleted: boolean; data: Record<string, unknown> | null }[]> {
  return database.query('SELECT id::text, deleted, data FROM records WHERE collection = $1 ORDER BY seq', [collection]);
}

export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const rows = await database.query<{ records: number; rejections: number; clients: number; counter: number }>(
    `SELECT (SELECT count(*)::int FROM records) AS records, (SELECT count(*)::int FROM sync_rejections) AS rejections,
            (SELECT count(*)::int FROM sync_clients) AS clients, (SELECT coalesce(max(seq), 0)::int FROM record_changes) AS counter`,
  );
  return rows[0]!;
}
