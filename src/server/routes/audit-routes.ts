/**
 * The audit trail over HTTP: an entry's change history for whoever may read the entry (the
 * read itself is logged), and the append-only trail for province admins, as JSON or CSV.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Papa from 'papaparse';
import { appendAudit, queryAudit, readRecordHistory, recordScope } from '#src/server/db/audit-repository.ts';
import { readReach } from '#src/server/db/org-repository.ts';
import { readRestrictedScopes } from '#src/server/db/sync-repository.ts';
import type { Authenticated } from '#src/server/plugins/authentication.ts';
import { ApiError } from '#src/server/plugins/api-errors.ts';
import { accessOf } from '#src/server/sync/access.ts';
import { auditPaths, auditQuerySchema, type AuditEntry, type EntryHistoryResponse } from '#src/shared/domain/audit.ts';
import { idParam, parseBody } from './parse-body.ts';
import type { RouteContext } from './route-context.ts';

/** The most entries one query answers (the CSV too): narrow the dates for more. */
export const AUDIT_QUERY_LIMIT = 5000;
const NOT_FOUND_MESSAGE = 'Không tìm thấy bản ghi này.';
const PROVINCE_ONLY_MESSAGE = 'Chỉ cán bộ cấp tỉnh xem được nhật ký kiểm tra.';

const CSV_HEADER = ['thoi_gian', 'nguoi_thuc_hien', 'ma_nguoi', 'phien', 'hanh_dong', 'doi_tuong', 'chi_tiet'];

function csvOf(entries: AuditEntry[]): string {
  const rows = entries.map((entry) => [entry.at, entry.actorName ?? '', entry.actorId ?? '', entry.sessionId ?? '', entry.action, entry.targetId ?? '', JSON.stringify(entry.detail)]);
  // A leading BOM so spreadsheet programs read the Vietnamese as UTF-8.
  return `\uFEFF${Papa.unparse({ fields: CSV_HEADER, data: rows }, { escapeFormulae: true })}\r\n`;
}

export function registerAuditRoutes(app: FastifyInstance, context: RouteContext): void {
  const { database, now, authenticate, limits } = context;
  const config = { rateLimit: limits.admin };

  /** Whether the session's account may read a record of this scope (the same reach as pull). */
  async function mayRead(session: Authenticated, scope: string): Promise<boolean> {
    const { account } = session;
    const reach = await readReach(database, account);
    const restricted = account.role === 'leader' || account.role === 'commune-police' ? await readRestrictedScopes(database, reach.teamIds) : [];
    return accessOf(account, reach, restricted).readable.has(scope);
  }

  app.get(auditPaths.entryHistory, { config }, async (request): Promise<EntryHistoryResponse> => {
    const session = await authenticate(request);
    const id = idParam(request.params);
    const scope = await recordScope(database, 'fieldLog', id);
    // Out of reach answers as unknown: the answer must not tell that the entry exists.
    if (scope === undefined || !(await mayRead(session, scope))) throw new ApiError(404, 'not-found', NOT_FOUND_MESSAGE);
    const changes = await readRecordHistory(database, 'fieldLog', id);
    await appendAudit(database, { at: now(), actorId: session.account.id, sessionId: session.sessionId, action: 'entry.history', targetId: id, detail: { scope } });
    return { changes };
  });

  async function provinceQuery(request: FastifyRequest): Promise<AuditEntry[]> {
    const { account } = await authenticate(request);
    if (account.role !== 'province-admin') throw new ApiError(403, 'forbidden', PROVINCE_ONLY_MESSAGE);
    return queryAudit(database, parseBody(auditQuerySchema, request.query), AUDIT_QUERY_LIMIT);
  }

  app.get(auditPaths.log, { config }, async (request) => ({ entries: await provinceQuery(request) }));
  app.get(auditPaths.logCsv, { config }, async (request, reply) => {
    const csv = csvOf(await provinceQuery(request));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="nhat-ky-kiem-tra-${now().toISOString().slice(0, 10)}.csv"`)
      .send(csv);
  });
}
