/**
 * GET /api/progress/member-sync and /api/progress/communes (shared/domain/progress-api.ts):
 * thin handlers that check who asks, then read the members' last syncs or compute a plan's
 * per-commune progress (server/progress/commune-progress.ts). Read-only.
 *
 * - member-sync: a leader for their team; commune police and province staff for the teams they
 *   supervise (one team with `teamId`, else all of them). Members get 403.
 * - communes: province staff for every commune below their unit; commune police for their own
 *   commune. The plan must be one the account reads. Others get 403.
 */
import type { FastifyInstance } from 'fastify';
import { campaignPlanSchema, latestVersions, type CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { manualValueSchema, type ManualValue } from '#src/shared/domain/manual-value.ts';
import {
  communeProgressQuerySchema, memberSyncQuerySchema, progressPaths,
  type CommuneProgressResponse, type MemberSyncResponse,
} from '#src/shared/domain/progress-api.ts';
import type { UnitInput, UnitKind } from '#src/shared/progress/progress-input.ts';
import type { Account } from '#src/server/db/accounts-repository.ts';
import { readMemberLastSyncs } from '#src/server/db/member-sync-repository.ts';
import { readReach } from '#src/server/db/org-repository.ts';
import { listCommunesUnder, listUnitsUnder, readRecordsInScopes } from '#src/server/db/progress-repository.ts';
import { ApiError } from '#src/server/plugins/api-errors.ts';
import { computeCommuneProgress } from '#src/server/progress/commune-progress.ts';
import { parseBody } from './parse-body.ts';
import type { RouteContext } from './route-context.ts';

const forbidden = () => new ApiError(403, 'forbidden', 'Tài khoản này không xem được số liệu này.');
const planNotFound = () => new ApiError(404, 'not-found', 'Không tìm thấy kế hoạch này, hoặc bạn không được xem kế hoạch này.');

const unitKinds = new Set<string>(['province', 'district', 'commune', 'hamlet', 'agency']);
/** Enterprises and schools take part like agencies (the engine knows agencies). */
const asUnitInput = (unit: { id: string; kind: string; parentId: string | null }): UnitInput => ({
  id: unit.id, parentId: unit.parentId, kind: (unitKinds.has(unit.kind) ? unit.kind : 'agency') as UnitKind,
});

async function supervisedTeams(context: RouteContext, account: Account, teamId: string | undefined): Promise<string[]> {
  if (account.role === 'member') throw forbidden();
  const reach = await readReach(context.database, account);
  const teams = account.role === 'leader' ? (reach.team ? [reach.team.id] : []) : reach.teamIds;
  if (teamId === undefined) return teams;
  if (!teams.includes(teamId)) throw forbidden();
  return [teamId];
}

async function readablePlan(context: RouteContext, planId: string, readable: ReadonlySet<string>): Promise<CampaignPlan> {
  const rows = await context.database.query<{ scope: string; data: unknown }>(
    "SELECT scope, data FROM records WHERE collection = 'campaignPlan' AND NOT deleted AND data->>'planId' = $1",
    [planId],
  );
  const versions = rows.filter((row) => readable.has(row.scope)).flatMap((row) => {
    const parsed = campaignPlanSchema.safeParse(row.data);
    return parsed.success ? [parsed.data] : [];
  });
  const [newest] = latestVersions(versions);
  if (!newest) throw planNotFound();
  return newest;
}

export function registerProgressRoutes(app: FastifyInstance, context: RouteContext): void {
  const { database, now, authenticate } = context;

  app.get(progressPaths.memberSync, async (request): Promise<MemberSyncResponse> => {
    const { account } = await authenticate(request);
    const query = parseBody(memberSyncQuerySchema, request.query);
    const teamIds = await supervisedTeams(context, account, query.teamId);
    return { asOf: now().toISOString(), members: await readMemberLastSyncs(database, teamIds) };
  });

  app.get(progressPaths.communes, async (request): Promise<CommuneProgressResponse> => {
    const { account } = await authenticate(request);
    const query = parseBody(communeProgressQuerySchema, request.query);
    if (account.role !== 'province-admin' && account.role !== 'commune-police') throw forbidden();
    const units = await listUnitsUnder(database, account.orgUnitId);
    const reach = await readReach(database, account);
    const readable = new Set([...reach.homeChain, ...units].map((unit) => `unit:${unit.id}`));
    const plan = await readablePlan(context, query.planId, readable);
    const communes = await listCommunesUnder(database, account.orgUnitId);
    const manualValues = (await readRecordsInScopes(database, 'manualValue', units.map((unit) => `unit:${unit.id}`)))
      .flatMap((data): ManualValue[] => {
        const parsed = manualValueSchema.safeParse(data);
        return parsed.success ? [parsed.data] : [];
      });
    const at = now();
    return computeCommuneProgress(database, {
      plan, communes, units: units.map(asUnitInput), manualValues,
      asOfDay: query.asOfDay ?? dayInVietnam(at), periodKey: query.periodKey, now: at,
    });
  });
}
