/**
 * Sync protocol v2: every message between a device and the server, in one file.
 *
 * Push (device → server). A device numbers its local changes with a per-client sequence (the
 * outbox key, strictly increasing, never reused) and sends them in order, in batches. The server
 * applies a batch in one transaction and stores the client's last applied sequence in that same
 * transaction; mutations at or below it are skipped, so a batch sent twice has one effect.
 * Every mutation carries `base`, the server version of the record the edit started from (0 for a
 * new record), and `changed`, the fields the edit changed. When the server's copy moved on since
 * `base`, the edit is merged field by field: fields nobody else changed are applied; a field
 * another device changed too becomes a conflict record (collection `conflict`) that both people
 * see with both values; the edit of an entry the leader approved meanwhile likewise. A refused
 * mutation (bad data, no right) still consumes its sequence: it is reported in `rejected` with a
 * Vietnamese reason, and with the server's copy only when the user may read it. One refusal never
 * blocks the mutations behind it.
 *
 * Pull (server → device). Every change has a place in the server's change feed; a device asks
 * for changes after its cursor (an opaque string the server gave it, '' at first), within the
 * scopes its user may read, in pages. The feed never grows behind a cursor, so a device that
 * stores each page with its cursor never misses a change. Deletes, and
 * records that left a scope, travel as tombstones. A device is not sent back what it pushed
 * itself unless the server changed it (a merge, a normalisation): `written` in the push answer
 * gives it the versions instead ("no echo").
 *
 * Reach changes. Every pull answer carries `scopesHash`, the hash of the user's scopes now. When
 * it differs from the hash the device sent, the answer also lists `scopes`: the device drops the
 * records of scopes it lost (after pushing what is pending) and backfills the scopes it gained
 * (pull with `backfill`: records of those scopes up to its cursor), then keeps the new hash.
 *
 * Compatibility: readers keep fields they do not know (loose objects); a server that cannot
 * serve a client's protocol answers 426 with reason `client-too-old` ("update the app"), never
 * data in a shape the client would misread.
 */
import { z } from 'zod';
import { UUID_PATTERN } from '../domain/ids.ts';

export const PROTOCOL_VERSION = 2;
/** The oldest client protocol this build of the server still serves (v1 has no conflicts or reach changes). */
export const MIN_SUPPORTED_PROTOCOL_VERSION = 2;

/** Largest push batch (mutations) and pull page the server accepts. */
export const MAX_PUSH_MUTATIONS = 1000;
/** A device sends batches of at most this many bytes of JSON (one bigger record goes alone). */
export const PUSH_BATCH_BYTES = 256 * 1024;
export const MAX_PULL_LIMIT = 2000;
export const DEFAULT_PULL_LIMIT = 1000;
/** Scopes a backfill may ask for at once. */
export const MAX_BACKFILL_SCOPES = 2000;

/** The cursor of a device that never pulled. Cursors are opaque: store and send them back as they came. */
export const INITIAL_CURSOR = '';
/** A pull cursor: opaque to devices (only the server reads it), '' at the start. */
const cursorSchema = z.string().max(64);

const uuid = z.string().regex(UUID_PATTERN, 'Mã không hợp lệ');

/** Why a whole request failed. Sent as `{ error: { reason, message } }` with a 4xx status. */
export const errorReasons = [
  'invalid-request', // 400: the message does not match this protocol
  'unauthorized', // 401: no session, or it expired or was ended: log in again
  'device-revoked', // 401: this device was revoked (lost or replaced): push what waits, then erase the account's data
  'forbidden', // 403: the user may not do this
  'not-found', // 404
  'client-mismatch', // 409: this client id belongs to another account
  'conflict', // 409: the request contradicts what the server holds (e.g. a name already taken)
  'payload-too-large', // 413
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
  'unknown-collection', // this server does not know the record type (update the app)
  'invalid-record', // fails the collection's schema, or cannot be stored (see storable.ts)
  'forbidden', // outside the user's reach, or not the user's own record
  'bad-reference', // refers to a household, member or template the writer may not reach
  'date-out-of-range', // before the team existed, or more than a day ahead of the server's clock
  'review-transition', // a review status change the state machine does not allow
  'deleted', // the record was deleted on the server meanwhile
  'already-reviewed', // v1 only; kept so old rejection rows still parse
] as const;
export type RejectReason = (typeof rejectReasons)[number];

const fieldMessagesSchema = z.array(z.looseObject({ path: z.string(), message: z.string() }));

const mutationBase = {
  /** Per-client sequence number, strictly increasing within a client. */
  seq: z.number().int().positive(),
  collection: z.string().min(1).max(64),
  id: uuid,
  /** The server version the edit started from; 0 when the device never had a server copy. */
  base: z.number().int().nonnegative(),
};

export const putMutationSchema = z.looseObject({
  ...mutationBase,
  op: z.literal('put'),
  /** The record without its id (the id is `id`), as the device's schema wrote it. */
  data: z.record(z.string(), z.unknown()),
  /** Top-level fields the edit changed; absent: all of them (a new record). */
  changed: z.array(z.string().max(64)).max(200).optional(),
});

export const deleteMutationSchema = z.looseObject({
  ...mutationBase,
  op: z.literal('delete'),
});

export const mutationSchema = z.discriminatedUnion('op', [putMutationSchema, deleteMutationSchema]);
export type Mutation = z.infer<typeof mutationSchema>;
export type PutMutation = z.infer<typeof putMutationSchema>;

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

/**
 * A record as the server holds it. `seq` is its version: the number of the change that wrote it
 * (a record's versions only grow; they are not the feed's order, which only the cursor knows).
 * `data` (without the id) is null for a tombstone.
 */
export const serverRecordSchema = z.looseObject({
  collection: z.string(),
  id: z.string(),
  seq: z.number().int().nonnegative(),
  deleted: z.boolean(),
  // An object, checked but not rebuilt: z.record copied every field of every pulled row (a
  // fresh pull's pages took 3-4 % longer).
  data: z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'Expected an object').nullable(),
});
export type ServerRecord = z.infer<typeof serverRecordSchema>;

export const rejectedMutationSchema = z.looseObject({
  seq: z.number().int(),
  collection: z.string(),
  id: z.string(),
  reason: z.enum(rejectReasons),
  /** Vietnamese words for the user. */
  message: z.string(),
  /** Which fields are wrong, when the schema said so. */
  fields: fieldMessagesSchema.optional(),
  /** The server's copy now, to put back on the device; null when it has none or the user may not read it. */
  current: serverRecordSchema.nullable(),
});
export type RejectedMutation = z.infer<typeof rejectedMutationSchema>;

/** A mutation the server applied: the record's new version (the device's base for its next edit). */
export const writtenMutationSchema = z.looseObject({
  seq: z.number().int(),
  version: z.number().int().nonnegative(),
  /** True when the server stored something else than what was sent (merge, conflict, normalisation): the device pulls it. */
  isChanged: z.boolean().optional(),
});
export type WrittenMutation = z.infer<typeof writtenMutationSchema>;

export const pushResponseSchema = z.looseObject({
  protocolVersion: z.number().int(),
  /** Everything at or below this sequence is settled (applied or rejected): drop it from the outbox. */
  lastAppliedSeq: z.number().int().nonnegative(),
  /** Mutations of this batch applied now or earlier, with the version they produced. */
  written: z.array(writtenMutationSchema),
  rejected: z.array(rejectedMutationSchema),
  /** The device was revoked: this push was accepted within the grace period; erase the account's data once the outbox is empty. */
  eraseAfter: z.boolean().optional(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z.looseObject({
  protocolVersion: z.number().int(),
  clientId: uuid,
  /** The cursor of the last page the device applied; '' for a new device. */
  cursor: cursorSchema,
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
  /** Hash of the scopes the device holds ('' for none yet). */
  scopesHash: z.string().max(128).default(''),
  /**
   * Records of newly gained scopes after `cursor` and up to `until` (the device's cursor when it
   * learned of them). Answered in pages like a normal pull; the answer's cursor is where the
   * backfill got to (`until` when done).
   */
  backfill: z
    .looseObject({
      scopes: z.array(z.string().max(200)).min(1).max(MAX_BACKFILL_SCOPES),
      until: cursorSchema,
    })
    .optional(),
});
export type PullRequest = z.input<typeof pullRequestSchema>;

export const pullResponseSchema = z.looseObject({
  protocolVersion: z.number().int(),
  /** Changes after the cursor, in feed order; at most `limit`. */
  changes: z.array(serverRecordSchema),
  /** Store this as the new cursor together with the changes (opaque). */
  cursor: cursorSchema,
  /** More changes wait: pull again at once. */
  hasMore: z.boolean(),
  /** The hash of the user's scopes now. */
  scopesHash: z.string(),
  /** The user's scopes now: present when `scopesHash` differs from the device's. */
  scopes: z.array(z.string()).optional(),
  /** Records a fresh device receives in all (its first page only, for a progress bar). */
  total: z.number().int().nonnegative().optional(),
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
