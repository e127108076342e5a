/**
 * /api/admin/...: organisation and account management (shared/domain/admin.ts). Thin: sign-in,
 * the shared schema, then one transaction in src/server/admin, which checks reach, changes the
 * rows and republishes the changed units and teams. A refusal writes nothing. Account and
 * permission changes also go to the audit trail (db/audit-repository.ts) in that transaction.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  changeAccount, createAccount, endSessionOf, moveAccount, readSessionsOf, resetPassword, revokeSessionOf, setDisabled,
} from '#src/server/admin/account-admin.ts';
import { importTeams } from '#src/server/admin/org-import.ts';
import { changeTeam, changeUnit, changeUnitSettings, createTeam, createUnit, moveHamlet, readUnitDetail, readUnits } from '#src/server/admin/org-admin.ts';
import type { Account } from '#src/server/db/accounts-repository.ts';
import { appendAudit } from '#src/server/db/audit-repository.ts';
import type { Queryable } from '#src/server/db/database.ts';
import {
  adminPaths, createAccountRequestSchema, createTeamRequestSchema, createUnitRequestSchema, hamletTeamRequestSchema, moveAccountRequestSchema,
  resetPasswordRequestSchema, unitSettingsRequestSchema, updateAccountRequestSchema, updateTeamRequestSchema, updateUnitRequestSchema,
  type SessionsResponse, type UnitDetail, type UnitsResponse,
} from '#src/shared/domain/admin.ts';
import type { AuditAction } from '#src/shared/domain/audit.ts';
import { importRequestSchema, type ImportResult } from '#src/shared/domain/org-import.ts';
import { idParam, parseBody } from './parse-body.ts';
import type { RouteContext } from './route-context.ts';

export function registerAdminRoutes(app: FastifyInstance, context: RouteContext): void {
  const { database, now, authenticate, limits } = context;
  const config = { rateLimit: limits.admin };
  /**
   * Signs the request in, then runs `fn` in one transaction as that account; with `audit`, the
   * change is written to the audit trail (who, which session, what) in that same transaction.
   */
  const asActor: AsActor = async (request, fn, audit) => {
    const { account, sessionId } = await authenticate(request);
    return database.transaction(async (tx) => {
      const at = now();
      const result = await fn(tx, account, at);
      if (audit) await appendAudit(tx, { at, actorId: account.id, sessionId, ...audit(result) });
      return result;
    });
  };
  const ok = (id: string) => ({ id });

  app.get(adminPaths.units, { config }, (request): Promise<UnitsResponse> => asActor(request, (tx, actor) => readUnits(tx, actor)));
  app.get(adminPaths.unit, { config }, (request): Promise<UnitDetail> =>
    asActor(request, (tx, actor) => readUnitDetail(tx, actor, idParam(request.params))));
  app.post(adminPaths.units, { config }, async (request, reply) => {
    const body = parseBody(createUnitRequestSchema, request.body);
    return reply.status(201).send(ok(await asActor(request, (tx, actor, at) => createUnit(tx, actor, body, at))));
  });
  app.patch(adminPaths.unit, { config }, async (request) => {
    const id = idParam(request.params);
    const body = parseBody(updateUnitRequestSchema, request.body);
    await asActor(request, (tx, actor, at) => changeUnit(tx, actor, id, body, at));
    return ok(id);
  });
  app.put(adminPaths.unitSettings, { config }, async (request) => {
    const id = idParam(request.params);
    const body = parseBody(unitSettingsRequestSchema, request.body);
    await asActor(request, (tx, actor, at) => changeUnitSettings(tx, actor, id, body, at));
    return ok(id);
  });

  app.post(adminPaths.teams, { config }, async (request, reply) => {
    const body = parseBody(createTeamRequestSchema, request.body);
    return reply.status(201).send(ok(await asActor(request, (tx, actor, at) => createTeam(tx, actor, body, at))));
  });
  app.patch(adminPaths.team, { config }, async (request) => {
    const id = idParam(request.params);
    const body = parseBody(updateTeamRequestSchema, request.body);
    await asActor(request, (tx, actor, at) => changeTeam(tx, actor, id, body, at));
    return ok(id);
  });
  app.put(adminPaths.hamletTeam, { config }, async (request) => {
    const id = idParam(request.params);
    const { teamId } = parseBody(hamletTeamRequestSchema, request.body);
    await asActor(request, (tx, actor, at) => moveHamlet(tx, actor, id, teamId, at));
    return ok(id);
  });

  registerAccountRoutes(app, context, asActor);

  app.post(adminPaths.import, { config, bodyLimit: 2 * 1024 * 1024 }, async (request): Promise<ImportResult> => {
    const body = parseBody(importRequestSchema, request.body);
    return asActor(request, (tx, actor, at) => importTeams(tx, actor, body, at), () => ({ action: 'org.import', targetId: body.communeId, detail: { dryRun: body.dryRun, rows: body.rows.length } }));
  });
}

/** What the audit trail records of a change, from the change's result. */
type AuditOf<T> = (result: T) => { action: AuditAction; targetId: string | null; detail?: Record<string, unknown> };
type AsActor = <T>(request: FastifyRequest, fn: (tx: Queryable, actor: Account, at: Date) => Promise<T>, audit?: AuditOf<T>) => Promise<T>;

function registerAccountRoutes(app: FastifyInstance, { limits }: RouteContext, asActor: AsActor): void {
  const config = { rateLimit: limits.admin };
  app.post(adminPaths.accounts, { config }, async (request, reply) => {
    const body = parseBody(createAccountRequestSchema, request.body);
    const { password: _password, ...detail } = body as typeof body & { password?: unknown };
    const id = await asActor(request, (tx, actor, at) => createAccount(tx, actor, body, at), (created) => ({ action: 'account.create', targetId: created, detail }));
    return reply.status(201).send({ id });
  });
  app.patch(adminPaths.account, { config }, async (request) => {
    const id = idParam(request.params);
    const body = parseBody(updateAccountRequestSchema, request.body);
    await asActor(request, (tx, actor, at) => changeAccount(tx, actor, id, body, at), () => ({ action: 'account.change', targetId: id, detail: body }));
    return { id };
  });
  app.post(adminPaths.accountMove, { config }, async (request) => {
    const id = idParam(request.params);
    const body = parseBody(moveAccountRequestSchema, request.body);
    await asActor(request, (tx, actor, at) => moveAccount(tx, actor, id, body.teamId, body.position, at), () => ({ action: 'account.move', targetId: id, detail: body }));
    return { id };
  });
  for (const [path, isDisabled] of [[adminPaths.accountDisable, true], [adminPaths.accountEnable, false]] as const) {
    app.post(path, { config }, async (request) => {
      const id = idParam(request.params);
      await asActor(request, (tx, actor, at) => setDisabled(tx, actor, id, isDisabled, at), () => ({ action: isDisabled ? 'account.disable' : 'account.enable', targetId: id }));
      return { id };
    });
  }
  app.post(adminPaths.accountResetPassword, { config }, async (request) => {
    const id = idParam(request.params);
    const body = parseBody(resetPasswordRequestSchema, request.body);
    await asActor(request, (tx, actor, at) => resetPassword(tx, actor, id, body.temporaryPassword, at), () => ({ action: 'account.reset-password', targetId: id }));
    return { id };
  });
  app.get(adminPaths.accountSessions, { config }, async (request): Promise<SessionsResponse> => {
    const id = idParam(request.params);
    return { sessions: await asActor(request, (tx, actor, at) => readSessionsOf(tx, actor, id, at)) };
  });
  app.post(adminPaths.sessionRevoke, { config }, async (request, reply) => {
    const id = idParam(request.params);
    await asActor(request, (tx, actor, at) => revokeSessionOf(tx, actor, id, at), () => ({ action: 'session.revoke', targetId: id }));
    return reply.status(204).send();
  });
  app.delete(adminPaths.session, { config }, async (request, reply) => {
    const id = idParam(request.params);
    await asActor(request, (tx, actor) => endSessionOf(tx, actor, id), () => ({ action: 'session.end', targetId: id }));
    return reply.status(204).send();
  });
}
