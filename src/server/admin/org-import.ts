/**
 * CSV import of teams and members (shared/domain/org-import.ts), all or nothing: every row is
 * checked, on its own and against the database and the other rows, before anything is written;
 * any bad row makes the answer a 400 with one Vietnamese message per bad row and writes nothing.
 * Good rows are written in the caller's ONE transaction: missing hamlets, new teams, accounts
 * (who must set their own password at first login), then the rosters are republished.
 */
import { hashPassword } from '#src/server/auth/password-hashing.ts';
import { passwordProblem } from '#src/server/auth/password-policy.ts';
import { insertAccount, takenUsernames, type Account } from '#src/server/db/accounts-repository.ts';
import type { Queryable } from '#src/server/db/database.ts';
import { publishOrgChanges } from '#src/server/db/org-records-repository.ts';
import { findHamletTeamId, findTeamByName, hasOtherLeader, insertTeam, setHamletTeam } from '#src/server/db/teams-repository.ts';
import { insertUnit, listChildUnits } from '#src/server/db/units-repository.ts';
import { ApiError } from '#src/server/plugins/api-errors.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { checkImportRow, describeRowProblems, lowerFirst, type ImportProblem, type ImportRequest, type ImportResult, type ImportRow } from '#src/shared/domain/org-import.ts';
import { foldDiacritics } from '#src/shared/domain/text.ts';
import { canManageTeamsOf, forbidden, requireManager, requireUnit } from './admin-access.ts';

interface Plan {
  rows: ImportRow[];
  /** Folded team name → the existing team's id, or null for a team to create. */
  teams: Map<string, { id: string | null; name: string; hamletNames: string[]; establishedOn: string | null }>;
  /** Folded hamlet name → existing hamlet id, or null for a hamlet to create. */
  hamlets: Map<string, { id: string | null; name: string }>;
}

async function checkAgainstDatabase(tx: Queryable, communeId: string, request: ImportRequest): Promise<{ plan: Plan; bad: Map<number, ImportProblem[]> }> {
  const bad = new Map<number, ImportProblem[]>();
  const complain = (line: number, problem: ImportProblem) => bad.set(line, [...(bad.get(line) ?? []), problem]);
  const plan: Plan = { rows: [], teams: new Map(), hamlets: new Map() };
  for (const hamlet of (await listChildUnits(tx, communeId)).filter((u) => u.kind === 'hamlet')) plan.hamlets.set(foldDiacritics(hamlet.name), { id: hamlet.id, name: hamlet.name });
  for (const { line, values } of request.rows) {
    const checked = checkImportRow(line, values);
    for (const problem of checked.problems) complain(line, problem);
    if (checked.row) plan.rows.push(checked.row);
  }
  const taken = await takenUsernames(tx, plan.rows.map((row) => row.username));
  const seenUsernames = new Map<string, number>();
  const leaders = new Map<string, number>();
  for (const row of plan.rows) {
    if (taken.has(row.username)) complain(row.line, { column: 'ten_dang_nhap', message: `“${row.username}” đã có người dùng` });
    const earlier = seenUsernames.get(row.username);
    if (earlier !== undefined) complain(row.line, { column: 'ten_dang_nhap', message: `“${row.username}” trùng với dòng ${earlier}` });
    else seenUsernames.set(row.username, row.line);
    const problem = passwordProblem(row.password, row.username);
    if (problem) complain(row.line, { column: 'mat_khau', message: lowerFirst(problem) });
    await planTeam(tx, communeId, plan, row, complain, leaders);
  }
  return { plan, bad };
}

async function planTeam(
  tx: Queryable, communeId: string, plan: Plan, row: ImportRow,
  complain: (line: number, problem: ImportProblem) => void, leaders: Map<string, number>,
): Promise<void> {
  const key = foldDiacritics(row.teamName);
  let team = plan.teams.get(key);
  if (!team) {
    const existing = await findTeamByName(tx, communeId, row.teamName);
    team = { id: existing?.id ?? null, name: existing?.name ?? row.teamName, hamletNames: [], establishedOn: row.establishedOn };
    plan.teams.set(key, team);
  }
  for (const name of row.hamletNames) {
    const hamletKey = foldDiacritics(name);
    if (!plan.hamlets.has(hamletKey)) plan.hamlets.set(hamletKey, { id: null, name });
    const hamlet = plan.hamlets.get(hamletKey)!;
    const owner = hamlet.id ? await findHamletTeamId(tx, hamlet.id) : null;
    const otherTeamInFile = [...plan.teams.entries()].find(([teamKey, t]) => teamKey !== key && t.hamletNames.some((n) => foldDiacritics(n) === hamletKey));
    if ((owner && owner !== team.id) || otherTeamInFile) complain(row.line, { column: 'ap', message: `“${hamlet.name}” đã thuộc một tổ khác` });
    else if (!team.hamletNames.some((n) => foldDiacritics(n) === hamletKey)) team.hamletNames.push(hamlet.name);
  }
  if (row.position === 'leader') {
    const earlier = leaders.get(key);
    if (earlier !== undefined) complain(row.line, { column: 'chuc_vu', message: `tổ “${row.teamName}” đã có tổ trưởng ở dòng ${earlier}` });
    else if (team.id && (await hasOtherLeader(tx, team.id, null))) complain(row.line, { column: 'chuc_vu', message: `tổ “${row.teamName}” đã có tổ trưởng` });
    else leaders.set(key, row.line);
  }
}

async function write(tx: Queryable, actor: Account, communeId: string, plan: Plan, now: Date): Promise<ImportResult> {
  const createdHamletIds: string[] = [];
  for (const hamlet of plan.hamlets.values()) {
    if (hamlet.id) continue;
    hamlet.id = uuidv7(now.getTime());
    await insertUnit(tx, { id: hamlet.id, parentId: communeId, kind: 'hamlet', name: hamlet.name }, now);
    createdHamletIds.push(hamlet.id);
  }
  let teamsCreated = 0;
  for (const team of plan.teams.values()) {
    const hamletIds = team.hamletNames.map((name) => plan.hamlets.get(foldDiacritics(name))!.id!);
    if (!team.id) {
      team.id = uuidv7(now.getTime());
      await insertTeam(tx, { id: team.id, communeId, name: team.name, hamletIds, establishedOn: team.establishedOn }, now);
      teamsCreated += 1;
    } else {
      for (const hamletId of hamletIds) await setHamletTeam(tx, hamletId, team.id);
    }
  }
  const hashes = await Promise.all(plan.rows.map((row) => hashPassword(row.password)));
  for (const [index, row] of plan.rows.entries()) {
    const team = plan.teams.get(foldDiacritics(row.teamName))!;
    await insertAccount(tx, {
      id: uuidv7(now.getTime()), username: row.username, displayName: row.displayName, role: row.position === 'leader' ? 'leader' : 'member',
      position: row.position, teamId: team.id, orgUnitId: communeId, passwordHash: hashes[index]!, mustChangePassword: true,
    });
  }
  await publishOrgChanges(tx, { unitIds: createdHamletIds, teamIds: [...plan.teams.values()].map((t) => t.id!) }, actor.id, now);
  return { dryRun: false, teamsCreated, hamletsCreated: createdHamletIds.length, accountsCreated: plan.rows.length };
}

export async function importTeams(tx: Queryable, actor: Account, request: ImportRequest, now: Date): Promise<ImportResult> {
  requireManager(actor);
  const commune = await requireUnit(tx, request.communeId);
  if (commune.kind !== 'commune' || !(await canManageTeamsOf(tx, actor, commune.id))) throw forbidden();
  const { plan, bad } = await checkAgainstDatabase(tx, commune.id, request);
  if (bad.size > 0) {
    const fields = [...bad.entries()].sort(([a], [b]) => a - b).map(([line, problems]) => ({ path: `rows.${line}`, message: describeRowProblems(line, problems) }));
    throw new ApiError(400, 'invalid-request', `Có ${bad.size} dòng chưa đúng; chưa nhập dòng nào. Hãy sửa tệp rồi nhập lại.`, fields);
  }
  if (request.dryRun) {
    const count = (items: Iterable<{ id: string | null }>) => [...items].filter((item) => item.id === null).length;
    return { dryRun: true, teamsCreated: count(plan.teams.values()), hamletsCreated: count(plan.hamlets.values()), accountsCreated: plan.rows.length };
  }
  return write(tx, actor, commune.id, plan, now);
}
