/**
 * Sync protocol v1: every message between a device and the server, in one file.
 *
 * Push (device → server). A device numbers its local changes with a per-client sequence (the
 * outbox key, strictly increasing, never reused). It sends them in order in batches. The server
 * applies a batch in one transaction and stores the client's last applied sequence in that same
 * transaction; mutations at or below it are skipped. A batch sent twice, or re-sent after its
 * response was lost, therefore has exactly one effect. A mutation the server refuses (bad data,
 * no right to write) still consumes its sequence: it is reported in `rejected` with the server's
 * current copy of the record so the device can put it back, and is reported again if the batch
 * is replayed.
 *
 * Pull (server → device). Every applied change gets a number from one server change sequence
 * that follows commit order (the server guarantees that no change commits later under a lower
 * number). A device asks for changes after its cursor, in pages, within the scopes its user may
 * read. Deletes travel as tombstones. The device stores the new cursor in the same transaction
 * as the rows it applied.
 *
 * Compatibility: readers keep fields they do not know (loose objects); a server that cannot
 * serve a client's protocol answers 426 with reason `client-too-old`.
 */
import { z } from 'zod';
import { UUID_PATTERN } from '../domain/ids.ts';

export const PROTOCOL_VERSION = 1;
/** The oldest client protocol this build of the server still serves. */
export const MIN_SUPPORTED_PROTOCOL_VERSION = 1;

/** Largest push batch and pull page the server accepts. */
export const MAX_PUSH_MUTATIONS = 200;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

const uuid = z.string().regex(UUID_PATTERN, 'Mã không hợp lệ');

/** Why a whole request failed. Sent as `{ error: { reason, message } }` with a 4xx status. */
export const errorReasons = [
  'invalid-request', // 400: the message does not match this protocol
  'unauthorized', // 401: no session, or it expired or was revoked: log in again
  'forbidden', // 403: the user may not do this
  'not-found', // 404
  'client-mismatch', // 409: this client id belongs to another account
  'client-too-old', // 426: update the app
  'too-many-requests', // 429
  'server-error', // 500: never on purpose
] as const;
export type ErrorReason = (typeof errorReasons)[number];

export const errorResponseSchema = z.looseObject({
  error: z.looseObject({
    reason: z.enum(errorReasons),
    message: z.string(),
    /** Field paths and messages when the body failed validation. */
    fields: z.array(z.looseObject({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** Why one mutation was refused. */
export const rejectReasons = [
  'unknown-collection',
  'invalid-record', // fails the collection's schema, or id mismatch
  'forbidden', // outside the user's scopes, or not the user's own record
  'already-reviewed', // the team leader has reviewed it; the author can no longer change it
] as const;
export type RejectReason = (typeof rejectReasons)[number];

const mutationBase = {
  /** Per-client sequence number, strictly increasing within a client. */
  seq: z.number().int().positive(),
  collection: z.string().min(1).max(64),
  id: uuid,
};

export const putMutationSchema = z.looseObject({
  ...mutationBase,
  op: z.literal('put'),
  /** The whole record, as the device's schema wrote it. */
  data: z.record(z.string(), z.unknown()),
});

export const deleteMutationSchema = z.looseObject({
  ...mutationBase,
  op: z.literal('delete'),
});

export const mutationSchema = z.discriminatedUnion('op', [putMutationSchema, deleteMutationSchema]);
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z
  .looseObject({
    protocolVersion: z.number().int(),
    clientId: uuid,
    mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_MUTATIONS),
  })
  .refine(
    (request) => request.mutations.every((m, i) => i === 0 || m.seq > request.mutations[i - 1]!.seq),
    { message: 'Mutations must be in increasing seq order', path: ['mutations'] },
  );
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** A record as the server holds it. `data` is null for a tombstone. */
export const serverRecordSchema = z.looseObject({
  collection: z.string(),
  id: z.string(),
  /** Position in the server change sequence. */
  seq: z.number().int().nonnegative(),
  deleted: z.boolean(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type ServerRecord = z.infer<typeof serverRecordSchema>;

export const rejectedMutationSchema = z.looseObject({
  seq: z.number().int(),
  collection: z.string(),
  id: z.string(),
  reason: z.enum(rejectReasons),
  /** Vietnamese words for the user. */
  message: z.string(),
  /** The server's copy now, to put back on the device; null when the server has none. */
  current: serverRecordSchema.nullable(),
});
export type RejectedMutation = z.infer<typeof rejectedMutationSchema>;

export const pushResponseSchema = z.looseObject({
  protocolVersion: z.number().int(),
  /** Everything at or below this sequence is settled (applied or rejected): drop it from the outbox. */
  lastAppliedSeq: z.number().int().nonnegative(),
  rejected: z.array(rejectedMutationSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z.looseObject({
  protocolVersion: z.number().int(),
  clientId: uuid,
  /** Last server change sequence the device has applied; 0 for a new device. */
  cursor: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.looseObject({
  protocolVersion: z.number().int(),
  /** Changes after the cursor, in sequence order; at most `limit`. */
  changes: z.array(serverRecordSchema),
  /** Store this as the new cursor together with the changes. */
  cursor: z.number().int().nonnegative(),
  /** More changes wait: pull again at once. */
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** The API paths, so client and server cannot drift. */
export const apiPaths = {
  health: '/api/health',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  push: '/api/sync/push',
  pull: '/api/sync/pull',
} as const;
