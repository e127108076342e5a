/**
 * Helpers for management tests: calling /api/admin routes through app.inject as a session, and
 * a second commune (Xã Bình An, with its own police account) created through the API itself.
 */
import type { FastifyInstance } from 'fastify';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { adminPaths, pathFor } from '#src/shared/domain/admin.ts';
import { apiPaths } from '#src/shared/sync/protocol.ts';
import { login, type Session } from './server-fixtures.ts';

export const STRONG_PASSWORD = 'Rau-muong-xao-toi-9';

export interface Answer {
  statusCode: number;
  body: Record<string, unknown> & { error?: { reason: string; message: string; fields?: { path: string; message: string }[]; action?: string } };
  headers: Record<string, unknown>;
}

export async function call(app: FastifyInstance, session: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<Answer> {
  const response = await app.inject({ method, url, headers: session?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { statusCode: response.statusCode, body: response.body ? response.json() : {}, headers: response.headers };
}

let counter = 0;
/** A username no test has used yet. */
export function freshUsername(prefix = 'tv'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

/** Creates a team account as `session` and returns its id. */
export async function createMember(app: FastifyInstance, session: Session, teamId: string = DEMO_IDS.teamAp3, extra: Record<string, unknown> = {}): Promise<{ id: string; username: string }> {
  const username = freshUsername();
  const answer = await call(app, session, 'POST', adminPaths.accounts, {
    username, displayName: 'Phan Văn Tâm', role: 'member', teamId, position: 'member', password: STRONG_PASSWORD, ...extra,
  });
  if (answer.statusCode !== 201) throw new Error(`create member: ${answer.statusCode} ${JSON.stringify(answer.body)}`);
  return { id: answer.body.id as string, username };
}

/** Logs in an account that must change its first password: sets a new one and returns the session. */
export async function firstLogin(app: FastifyInstance, username: string, password = STRONG_PASSWORD, newPassword = `${STRONG_PASSWORD}-moi`): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: adminPaths.changePassword, payload: { username, currentPassword: password, newPassword } });
  if (response.statusCode !== 200) throw new Error(`change password ${username}: ${response.statusCode} ${response.body}`);
  const body = response.json();
  return { ...body, headers: { authorization: `Bearer ${body.token}` } };
}

/** Xã Bình An under the demo province, with police account `congan2` (created once per database). */
export async function secondCommune(app: FastifyInstance): Promise<{ communeId: string; police: Session }> {
  const province = await login(app, 'tinh');
  const units = await call(app, province, 'GET', adminPaths.units);
  const existing = (units.body.units as { id: string; name: string }[]).find((u) => u.name === 'Xã Bình An');
  let communeId = existing?.id;
  if (!communeId) {
    const created = await call(app, province, 'POST', adminPaths.units, { parentId: DEMO_IDS.province, kind: 'commune', name: 'Xã Bình An' });
    communeId = created.body.id as string;
    await call(app, province, 'POST', adminPaths.accounts, {
      username: 'congan2', displayName: 'Trịnh Văn Sơn', role: 'commune-police', orgUnitId: communeId, password: STRONG_PASSWORD,
    });
    await firstLogin(app, 'congan2');
  }
  const police = await login(app, 'congan2', `${STRONG_PASSWORD}-moi`);
  return { communeId, police };
}

export { adminPaths, apiPaths, pathFor };
