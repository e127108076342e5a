/**
 * Managing accounts: create, rename, change role or position, move to another team, disable
 * and enable, reset a password, and list or end someone's sessions. Each function runs inside
 * the caller's transaction, checks reach first (admin-access.ts) and republishes the rosters it
 * changed. Disabling or resetting ends every session of the account at once.
 */
import { hashPassword } from '#src/server/auth/password-hashing.ts';
import { passwordProblem } from '#src/server/auth/password-policy.ts';
import {
  findAdminAccount, insertAccount, isUsernameTaken, setAccountDisabled, setPasswordHash, updateAccount, type Account,
} from '#src/server/db/accounts-repository.ts';
import type { Queryable } from '#src/server/db/database.ts';
import { publishOrgChanges } from '#src/server/db/org-records-repository.ts';
import { deleteUserSession, deleteUserSessions, findSessionOwner, listUserSessions, revokeUserSession } from '#src/server/db/sessions-repository.ts';
import { findTeam, hasOtherLeader } from '#src/server/db/teams-repository.ts';
import { ApiError } from '#src/server/plugins/api-errors.ts';
import type { Role, TeamPosition } from '#src/shared/domain/account.ts';
import type { AdminAccount, CreateAccountRequest, DeviceSession, updateAccountRequestSchema } from '#src/shared/domain/admin.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { z } from 'zod';
import {
  accessMessages, assignableRoles, canManageAccount, canManageSessionsOf, forbidden, notFound, requireManager, requireTeamCommune, requireUnit,
} from './admin-access.ts';
import { isWithin } from '#src/server/db/units-repository.ts';

const invalid = (path: string, message: string) => new ApiError(400, 'invalid-request', message, [{ path, message }]);
const conflict = (path: string, message: string) => new ApiError(409, 'invalid-request', message, [{ path, message }]);
const isTeamRole = (role: Role) => role === 'member' || role === 'leader';

function checkPassword(password: string, username: string, path: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw invalid(path, problem);
}

/** A team leader position needs the leader role, and a team has one active leader. */
async function checkPosition(tx: Queryable, teamId: string, role: Role, position: TeamPosition, userId: string | null): Promise<void> {
  if (position === 'leader' && role !== 'leader') throw invalid('position', 'Tổ trưởng phải có vai trò tổ trưởng.');
  if (position === 'leader' && (await hasOtherLeader(tx, teamId, userId))) throw conflict('position', 'Tổ này đã có tổ trưởng. Hãy đổi chức danh của tổ trưởng hiện tại trước.');
}

export async function requireManagedAccount(tx: Queryable, actor: Account, id: string): Promise<AdminAccount> {
  const target = await findAdminAccount(tx, id);
  if (!target) throw notFound(accessMessages.accountNotFound);
  if (!(await canManageAccount(tx, actor, target))) throw forbidden();
  return target;
}

async function placeOf(tx: Queryable, actor: Account, request: CreateAccountRequest): Promise<{ teamId: string | null; orgUnitId: string; position: TeamPosition | null }> {
  if (isTeamRole(request.role)) {
    if (!request.teamId) throw invalid('teamId', 'Chọn tổ cho tổ viên hoặc tổ trưởng.');
    const team = await requireTeamCommune(tx, actor, await findTeam(tx, request.teamId));
    const position = request.position ?? (request.role === 'leader' ? 'leader' : 'member');
    await checkPosition(tx, team.id, request.role, position, null);
    return { teamId: team.id, orgUnitId: team.communeId, position };
  }
  if (!request.orgUnitId) throw invalid('orgUnitId', 'Chọn đơn vị công tác.');
  const unit = await requireUnit(tx, request.orgUnitId);
  if (!(await isWithin(tx, unit.id, actor.orgUnitId))) throw forbidden();
  if (request.role === 'commune-police' && unit.kind !== 'commune') throw invalid('orgUnitId', 'Công an xã phải thuộc một xã.');
  return { teamId: null, orgUnitId: unit.id, position: null };
}

export async function createAccount(tx: Queryable, actor: Account, request: CreateAccountRequest, now: Date): Promise<string> {
  requireManager(actor);
  if (!assignableRoles(actor).includes(request.role)) throw forbidden('Bạn không được tạo tài khoản với vai trò này.');
  checkPassword(request.password, request.username, 'password');
  const place = await placeOf(tx, actor, request);
  if (await isUsernameTaken(tx, request.username)) throw conflict('username', `Tên đăng nhập “${request.username}” đã có người dùng.`);
  const id = uuidv7(now.getTime());
  const passwordHash = await hashPassword(request.password);
  await insertAccount(tx, { id, username: request.username, displayName: request.displayName, role: request.role, ...place, passwordHash, mustChangePassword: true });
  if (place.teamId) await publishOrgChanges(tx, { teamIds: [place.teamId] }, actor.id, now);
  return id;
}

export async function changeAccount(tx: Queryable, actor: Account, id: string, request: z.infer<typeof updateAccountRequestSchema>, now: Date): Promise<void> {
  requireManager(actor);
  const target = await requireManagedAccount(tx, actor, id);
  if ((request.role || request.position) && !target.teamId) throw invalid('role', 'Chỉ đổi vai trò, chức danh của tài khoản trong tổ.');
  const role = request.role ?? target.role;
  if (target.teamId) await checkPosition(tx, target.teamId, role, request.position ?? target.position ?? 'member', target.id);
  await updateAccount(tx, target.id, request, now);
  if (target.teamId) await publishOrgChanges(tx, { teamIds: [target.teamId] }, actor.id, now);
}

/** Moves a team account to another team (possibly of another commune, for a province admin). */
export async function moveAccount(tx: Queryable, actor: Account, id: string, teamId: string, position: TeamPosition, now: Date): Promise<void> {
  requireManager(actor);
  const target = await requireManagedAccount(tx, actor, id);
  if (!target.teamId) throw invalid('teamId', 'Chỉ chuyển tổ được cho tổ viên và tổ trưởng.');
  const team = await requireTeamCommune(tx, actor, await findTeam(tx, teamId));
  const role: Role = position === 'leader' ? 'leader' : target.role;
  await checkPosition(tx, team.id, role, position, target.id);
  await updateAccount(tx, target.id, { teamId: team.id, orgUnitId: team.communeId, position, role }, now);
  await publishOrgChanges(tx, { teamIds: [target.teamId, team.id] }, actor.id, now);
}

export async function setDisabled(tx: Queryable, actor: Account, id: string, isDisabled: boolean, now: Date): Promise<void> {
  requireManager(actor);
  if (id === actor.id) throw forbidden('Bạn không thể khóa hoặc mở khóa chính tài khoản của mình.');
  const target = await requireManagedAccount(tx, actor, id);
  if (!isDisabled && target.position === 'leader' && target.teamId && (await hasOtherLeader(tx, target.teamId, target.id))) {
    throw conflict('position', 'Tổ này đã có tổ trưởng khác. Hãy đổi chức danh trước khi mở khóa.');
  }
  await setAccountDisabled(tx, target.id, isDisabled, now);
  if (isDisabled) await deleteUserSessions(tx, target.id);
  if (target.teamId) await publishOrgChanges(tx, { teamIds: [target.teamId] }, actor.id, now);
}

/** Commune police (or the province admin) set a temporary password: the member must change it at the next login. */
export async function resetPassword(tx: Queryable, actor: Account, id: string, temporaryPassword: string, now: Date): Promise<void> {
  requireManager(actor);
  const target = await requireManagedAccount(tx, actor, id);
  checkPassword(temporaryPassword, target.username, 'temporaryPassword');
  await setPasswordHash(tx, target.id, await hashPassword(temporaryPassword), true, now);
  await deleteUserSessions(tx, target.id);
}

export async function readSessionsOf(tx: Queryable, actor: Account, id: string, now: Date): Promise<DeviceSession[]> {
  const target = await findAdminAccount(tx, id);
  if (!target) throw notFound(accessMessages.accountNotFound);
  if (!(await canManageSessionsOf(tx, actor, target))) throw forbidden();
  return listUserSessions(tx, target.id, now, null);
}

/** Revokes a managed account's device: it pushes what waits, then erases itself (plugins/authentication.ts). */
export async function revokeSessionOf(tx: Queryable, actor: Account, sessionId: string, at: Date): Promise<void> {
  const ownerId = await findSessionOwner(tx, sessionId);
  const target = ownerId ? await findAdminAccount(tx, ownerId) : undefined;
  if (!target) throw notFound(accessMessages.sessionNotFound);
  if (!(await canManageSessionsOf(tx, actor, target))) throw forbidden();
  if (!(await revokeUserSession(tx, target.id, sessionId, actor.id, at))) throw notFound(accessMessages.sessionNotFound);
}

export async function endSessionOf(tx: Queryable, actor: Account, sessionId: string): Promise<void> {
  const ownerId = await findSessionOwner(tx, sessionId);
  const target = ownerId ? await findAdminAccount(tx, ownerId) : undefined;
  if (!target) throw notFound(accessMessages.sessionNotFound);
  if (!(await canManageSessionsOf(tx, actor, target))) throw forbidden();
  await deleteUserSession(tx, target.id, sessionId);
}
