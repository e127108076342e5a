/**
 * Who may manage what (reach), checked on the server for every management request:
 * - province admin: every unit, team and account in its province's subtree, any role;
 * - commune police: their commune's hamlets and teams, and the accounts of those teams
 *   (members and leaders), its duty phone and promptMinutes;
 * - team leader: only the sessions of the team's members (a lost phone);
 * - nobody else anything. Out of reach is a 403; an unknown id a 404.
 */
import type { Account } from '#src/server/db/accounts-repository.ts';
import type { Queryable } from '#src/server/db/database.ts';
import { findUnit, isWithin } from '#src/server/db/units-repository.ts';
import { ApiError } from '#src/server/plugins/api-errors.ts';
import type { Role } from '#src/shared/domain/account.ts';
import type { AdminAccount, AdminTeam } from '#src/shared/domain/admin.ts';
import type { OrgUnit } from '#src/shared/domain/org-unit.ts';

export const accessMessages = {
  notManager: 'Chỉ Công an xã và cán bộ tỉnh được dùng chức năng quản trị.',
  outOfReach: 'Bạn không có quyền quản lý mục này (ngoài phạm vi phụ trách).',
  unitNotFound: 'Không tìm thấy đơn vị.',
  teamNotFound: 'Không tìm thấy tổ.',
  accountNotFound: 'Không tìm thấy tài khoản.',
  sessionNotFound: 'Không tìm thấy phiên đăng nhập.',
} as const;

export const forbidden = (message: string = accessMessages.outOfReach) => new ApiError(403, 'forbidden', message);
export const notFound = (message: string) => new ApiError(404, 'not-found', message);

export function isManager(actor: Account): boolean {
  return actor.role === 'province-admin' || actor.role === 'commune-police';
}

/** Province admins and commune police; everyone else gets 403. */
export function requireManager(actor: Account): void {
  if (!isManager(actor)) throw forbidden(accessMessages.notManager);
}

export function assignableRoles(actor: Account): Role[] {
  if (actor.role === 'province-admin') return ['member', 'leader', 'commune-police', 'province-admin'];
  if (actor.role === 'commune-police') return ['member', 'leader'];
  return [];
}

/** May the actor see this unit's page (its children, teams, accounts)? */
export async function canViewUnit(tx: Queryable, actor: Account, unit: OrgUnit): Promise<boolean> {
  if (actor.role === 'province-admin') return isWithin(tx, unit.id, actor.orgUnitId);
  if (actor.role === 'commune-police') return unit.id === actor.orgUnitId || unit.parentId === actor.orgUnitId;
  return false;
}

/** May the actor create, rename or move this unit (or create units below it)? */
export async function canManageUnit(tx: Queryable, actor: Account, unit: OrgUnit): Promise<boolean> {
  if (actor.role === 'province-admin') return isWithin(tx, unit.id, actor.orgUnitId);
  // Commune police: their commune's hamlets only.
  if (actor.role === 'commune-police') return unit.kind === 'hamlet' && unit.parentId === actor.orgUnitId;
  return false;
}

/** May the actor set this unit's duty phone and promptMinutes? */
export async function canEditSettings(tx: Queryable, actor: Account, unit: OrgUnit): Promise<boolean> {
  if (actor.role === 'province-admin') return isWithin(tx, unit.id, actor.orgUnitId);
  if (actor.role === 'commune-police') return unit.id === actor.orgUnitId;
  return false;
}

/** Teams live in a commune: the commune's police, or the province admin above it. */
export async function canManageTeamsOf(tx: Queryable, actor: Account, communeId: string): Promise<boolean> {
  if (actor.role === 'province-admin') return isWithin(tx, communeId, actor.orgUnitId);
  if (actor.role === 'commune-police') return communeId === actor.orgUnitId;
  return false;
}

export async function canManageAccount(tx: Queryable, actor: Account, target: AdminAccount): Promise<boolean> {
  if (actor.role === 'province-admin') return isWithin(tx, target.orgUnitId, actor.orgUnitId);
  if (actor.role === 'commune-police') return (target.role === 'member' || target.role === 'leader') && target.orgUnitId === actor.orgUnitId;
  return false;
}

/** Listing and ending someone's sessions: whoever manages the account, or the leader of their team. */
export async function canManageSessionsOf(tx: Queryable, actor: Account, target: AdminAccount): Promise<boolean> {
  if (actor.role === 'leader') return actor.teamId !== null && target.teamId === actor.teamId && target.role === 'member';
  return canManageAccount(tx, actor, target);
}

export async function requireUnit(tx: Queryable, id: string): Promise<OrgUnit> {
  const unit = await findUnit(tx, id);
  if (!unit) throw notFound(accessMessages.unitNotFound);
  return unit;
}

export async function requireTeamCommune(tx: Queryable, actor: Account, team: AdminTeam | undefined): Promise<AdminTeam> {
  if (!team) throw notFound(accessMessages.teamNotFound);
  if (!(await canManageTeamsOf(tx, actor, team.communeId))) throw forbidden();
  return team;
}
