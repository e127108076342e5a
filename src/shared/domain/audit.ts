/**
 * The audit trail as the API shows it: reads of restricted records and account or permission
 * changes (server table audit_log, append-only), and an entry's change history (the server's
 * record_changes). Province admins query the trail with filters and export it as CSV.
 */
import { z } from 'zod';
import { isoDaySchema } from './dates.ts';

export const auditPaths = {
  /** GET, province admins: the trail, filtered (?who=&action=&from=&to=), newest first. */
  log: '/api/admin/audit',
  /** GET, province admins: the same as CSV. */
  logCsv: '/api/admin/audit.csv',
  /** GET: the change history of one entry, for those who may read the entry. */
  entryHistory: '/api/entries/:id/history',
} as const;

/** What the trail records. A read of restricted records, or an account or permission change. */
export const auditActions = [
  'restricted.read', 'entry.history',
  'account.create', 'account.change', 'account.move', 'account.disable', 'account.enable', 'account.reset-password',
  'session.end', 'session.revoke', 'org.import',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** Filters: who (username or account id), action (prefix, e.g. `account.`), from/to (Vietnamese days, inclusive). */
export const auditQuerySchema = z.object({
  who: z.string().trim().min(1).max(120).optional(),
  action: z.string().trim().min(1).max(60).optional(),
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.looseObject({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** The session (device) the action came from. */
  sessionId: z.string().nullable(),
  action: z.string(),
  targetId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditResponseSchema = z.looseObject({ entries: z.array(auditEntrySchema) });

/** One change of an entry: who, when, from which device, which fields, and the values before. */
export const entryChangeSchema = z.looseObject({
  version: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  /** The sync client id (device) that pushed it; null for server-authored changes. */
  clientId: z.string().nullable(),
  /** Top-level fields changed; null for a creation or a deletion. */
  changed: z.array(z.string()).nullable(),
  deleted: z.boolean(),
  previous: z.record(z.string(), z.unknown()).nullable(),
});
export type EntryChange = z.infer<typeof entryChangeSchema>;
export const entryHistoryResponseSchema = z.looseObject({ changes: z.array(entryChangeSchema) });
export type EntryHistoryResponse = z.infer<typeof entryHistoryResponseSchema>;
