/**
 * A conflict (xung đột dữ liệu): two people changed the same field of a record on two devices
 * before either saw the other's change, or an author changed an entry after the leader approved
 * it. The server keeps the value it had and records every value it was offered, so no value is
 * lost silently; both people see the conflict with all values, and whoever may resolve it picks
 * one per field. The choice is itself a synced change: a put of the record with the chosen values
 * and a put of this conflict marked resolved, saved together.
 *
 * Written by the server when it detects the conflict; devices only resolve it.
 */
import { z } from 'zod';
import { UUID_PATTERN } from './ids.ts';

const uuid = z.string().regex(UUID_PATTERN);

export const conflictKinds = [
  'concurrent-edit', // the same field changed on two devices
  'edited-after-review', // the author changed an entry the leader had approved meanwhile
] as const;
export type ConflictKind = (typeof conflictKinds)[number];

/** One value a field was given, by whom and when. */
export const conflictValueSchema = z.looseObject({
  value: z.unknown(),
  userId: uuid.nullable(),
  /** ISO instant the server received it. */
  at: z.string(),
  /** True for the value the record holds now. */
  isCurrent: z.boolean(),
});
export type ConflictValue = z.infer<typeof conflictValueSchema>;

export const conflictSchema = z.looseObject({
  id: uuid,
  kind: z.enum(conflictKinds),
  /** The record in conflict. */
  collection: z.string().min(1).max(64),
  recordId: uuid,
  /** The record's scope (sync/collections.ts): whoever reads the record reads its conflicts. */
  scope: z.string().min(1).max(200),
  fields: z
    .array(z.looseObject({ field: z.string().min(1).max(64), values: z.array(conflictValueSchema).min(2).max(20) }))
    .min(1)
    .max(200),
  status: z.enum(['open', 'resolved']),
  /** Chosen value per field (index into `values`), once resolved. */
  choices: z.record(z.string(), z.number().int().nonnegative()).default({}),
  resolvedBy: uuid.nullable().default(null),
  resolvedAt: z.string().nullable().default(null),
  createdAt: z.string(),
});
export type Conflict = z.infer<typeof conflictSchema>;
