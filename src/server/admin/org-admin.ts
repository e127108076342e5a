/**
 * Changing the organisation: units, their settings, teams and which team covers a hamlet. Each
 * function runs inside the caller's transaction, checks reach first (admin-access.ts), changes
 * the rows, and republishes the changed units and teams to devices in that same transaction.
 */
import type { Account } from '#src/server/db/accounts-repository.ts';
import { listUnitAccounts } from '#src/server/db/accounts-repository.ts';
import type { Queryable } from '#src/server/db/database.ts';
import { publishOrgChanges } from '#src/server/db/org-records-repository.ts';
import { findHamletTeamId, findTeam, findTeamByName, insertTeam, listCommuneTeams, setHamletTeam, updateTeam } from '#src/server/db/teams-repository.ts';
import { findUnitByName, insertUnit, isWithin, listChildUnits, listSubtree, listUnits, updateUnit, updateUnitSettings } from '#src/server/db/units-repository.ts';
import { ApiError } from '#src/server/plugins/api-errors.ts';
import type { UnitDetail, UnitsResponse } from '#src/shared/domain/admin.ts';
import type { createTeamRequestSchema, createUnitRequestSchema, updateTeamRequestSchema, updateUnitRequestSchema } from '#src/shared/domain/admin.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { OrgUnitSettings } from '#src/shared/domain/org-unit.ts';
import type { z } from 'zod';
import {
  assignableRoles, canEditSettings, canManageTeamsOf, canManageUnit, canViewUnit, forbidden, requireManager, requireTeamCommune, requireUnit,
} from './admin-access.ts';

const conflict = (message: string, path: string) => new ApiError(409, 'invalid-request', message, [{ path, message }]);

/** The units the actor manages or stands in: the province subtree, or the commune and its hamlets. */
export async function readUnits(tx: Queryable, actor: Account): Promise<UnitsResponse> {
  requireManager(actor);
  const units = actor.role === 'province-admin'
    ? await listSubtree(tx, actor.orgUnitId)
    : [...(await listUnits(tx, [actor.orgUnitId])), ...(await listChildUnits(tx, actor.orgUnitId))];
  return { rootId: actor.orgUnitId, units };
}

export async function readUnitDetail(tx: Queryable, actor: Account, unitId: string): Promise<UnitDetail> {
  requireManager(actor);
  const unit = await requireUnit(tx, unitId);
  if (!(await canViewUnit(tx, actor, unit))) throw forbidden();
  const isManagedHere = actor.role === 'province-admin' || unit.id === actor.orgUnitId;
  return {
    unit,
    children: await listChildUnits(tx, unit.id),
    teams: unit.kind === 'commune' ? await listCommuneTeams(tx, unit.id) : [],
    accounts: (await listUnitAccounts(tx, unit.id)).filter((a) => actor.role === 'province-admin' || a.role === 'member' || a.role === 'leader'),
    rights: {
      manageUnits: actor.role === 'province-admin' || (actor.role === 'commune-police' && unit.id === actor.orgUnitId),
      manageTeams: unit.kind === 'commune' && (await canManageTeamsOf(tx, actor, unit.id)),
      editSettings: await canEditSettings(tx, actor, unit),
      editUnit: unit.id !== actor.orgUnitId && (await canManageUnit(tx, actor, unit)),
      moveUnit: actor.role === 'province-admin' && unit.id !== actor.orgUnitId && unit.kind !== 'province',
      assignableRoles: isManagedHere ? assignableRoles(actor) : [],
    },
  };
}

export async function createUnit(tx: Queryable, actor: Account, request: z.infer<typeof createUnitRequestSchema>, now: Date): Promise<string> {
  requireManager(actor);
  const parent = await requireUnit(tx, request.parentId);
  const isAllowed = actor.role === 'province-admin'
    ? await isWithin(tx, parent.id, actor.orgUnitId)
    : request.kind === 'hamlet' && parent.id === actor.orgUnitId;
  if (!isAllowed) throw forbidden();
  if (await findUnitByName(tx, parent.id, request.kind, request.name)) throw conflict(`Đã có “${request.name}” trong ${parent.name}.`, 'name');
  const id = uuidv7(now.getTime());
  await insertUnit(tx, { id, parentId: parent.id, kind: request.kind, name: request.name }, now);
  await publishOrgChanges(tx, { unitIds: [id] }, actor.id, now);
  return id;
}

export async function changeUnit(tx: Queryable, actor: Account, unitId: string, request: z.infer<typeof updateUnitRequestSchema>, now: Date): Promise<void> {
  requireManager(actor);
  const unit = await requireUnit(tx, unitId);
  if (!(await canManageUnit(tx, actor, unit)) || unit.id === actor.orgUnitId) throw forbidden();
  if (request.parentId && request.parentId !== unit.parentId) {
    if (actor.role !== 'province-admin') throw forbidden();
    const parent = await requireUnit(tx, request.parentId);
    if (!(await isWithin(tx, parent.id, actor.orgUnitId))) throw forbidden();
    if (await isWithin(tx, parent.id, unit.id)) throw conflict('Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.', 'parentId');
  }
  const parentId = request.parentId ?? unit.parentId;
  const name = request.name ?? unit.name;
  const same = await findUnitByName(tx, parentId, unit.kind, name);
  if (same && same.id !== unit.id) throw conflict(`Đã có “${name}” trong đơn vị này.`, 'name');
  await updateUnit(tx, unit.id, request, now);
  await publishOrgChanges(tx, { unitIds: [unit.id] }, actor.id, now);
}

export async function changeUnitSettings(tx: Queryable, actor: Account, unitId: string, settings: OrgUnitSettings, now: Date): Promise<void> {
  requireManager(actor);
  const unit = await requireUnit(tx, unitId);
  if (!(await canEditSettings(tx, actor, unit))) throw forbidden();
  await updateUnitSettings(tx, unit.id, settings, now);
  await publishOrgChanges(tx, { unitIds: [unit.id] }, actor.id, now);
}

/** Hamlets given to a team must be hamlets of its commune and not covered by another team. */
async function checkFreeHamlets(tx: Queryable, communeId: string, hamletIds: string[], teamId: string | null): Promise<string[]> {
  const others: string[] = [];
  for (const hamletId of hamletIds) {
    const hamlet = await requireUnit(tx, hamletId);
    if (hamlet.kind !== 'hamlet' || hamlet.parentId !== communeId) throw conflict(`“${hamlet.name}” không phải ấp/thôn của xã này.`, 'hamletIds');
    const current = await findHamletTeamId(tx, hamletId);
    if (current && current !== teamId) others.push(current);
  }
  return others;
}

export async function createTeam(tx: Queryable, actor: Account, request: z.infer<typeof createTeamRequestSchema>, now: Date): Promise<string> {
  requireManager(actor);
  const commune = await requireUnit(tx, request.communeId);
  if (commune.kind !== 'commune' || !(await canManageTeamsOf(tx, actor, commune.id))) throw forbidden();
  if (await findTeamByName(tx, commune.id, request.name)) throw conflict(`Xã đã có tổ tên “${request.name}”.`, 'name');
  const previous = await checkFreeHamlets(tx, commune.id, request.hamletIds, null);
  const id = uuidv7(now.getTime());
  await insertTeam(tx, { id, communeId: commune.id, name: request.name, hamletIds: request.hamletIds, establishedOn: request.establishedOn }, now);
  await publishOrgChanges(tx, { teamIds: [id, ...previous] }, actor.id, now);
  return id;
}

export async function changeTeam(tx: Queryable, actor: Account, teamId: string, request: z.infer<typeof updateTeamRequestSchema>, now: Date): Promise<void> {
  requireManager(actor);
  const team = await requireTeamCommune(tx, actor, await findTeam(tx, teamId));
  if (request.name) {
    const same = await findTeamByName(tx, team.communeId, request.name);
    if (same && same.id !== team.id) throw conflict(`Xã đã có tổ tên “${request.name}”.`, 'name');
  }
  await updateTeam(tx, team.id, request, now);
  await publishOrgChanges(tx, { teamIds: [team.id] }, actor.id, now);
}

/** Moves a hamlet to another team of its commune (or to none); both teams are republished. */
export async function moveHamlet(tx: Queryable, actor: Account, hamletId: string, teamId: string | null, now: Date): Promise<void> {
  requireManager(actor);
  const hamlet = await requireUnit(tx, hamletId);
  if (hamlet.kind !== 'hamlet' || !hamlet.parentId || !(await canManageTeamsOf(tx, actor, hamlet.parentId))) throw forbidden();
  const previous = await findHamletTeamId(tx, hamlet.id);
  if (teamId) {
    const team = await requireTeamCommune(tx, actor, await findTeam(tx, teamId));
    if (team.communeId !== hamlet.parentId) throw conflict('Chỉ chuyển được ấp/thôn sang tổ của cùng xã.', 'teamId');
  }
  await setHamletTeam(tx, hamlet.id, teamId);
  await publishOrgChanges(tx, { teamIds: [previous, teamId].filter((id): id is string => id !== null) }, actor.id, now);
}
