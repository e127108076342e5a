/**
 * The device's database (IndexedDB through Dexie): the source of truth on the phone.
 *
 * Synced tables are named after the sync collections (`src/shared/sync/collections.ts`) and hold
 * each record exactly as the server holds it, so the sync engine can address any of them by
 * collection name. Local tables (outbox, meta, session, prefs, rejections) never leave the
 * device.
 *
 * Versions: one `version(n)` per schema change, each with a named upgrade when data must move;
 * a test opens the previous version with fixtures and checks the upgrade. Never edit a released
 * version's stores: add a new version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import type { ChecklistTemplate } from '#src/shared/domain/checklist.ts';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import type { Household } from '#src/shared/domain/household.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import type { CollectionName } from '#src/shared/sync/collections.ts';
import type { RejectReason } from '#src/shared/sync/protocol.ts';

/** A local change waiting to be pushed. `seq` is the per-client sequence number of the protocol. */
export interface OutboxEntry {
  seq?: number;
  collection: CollectionName;
  recordId: string;
  op: 'put' | 'delete';
  /** The whole record for a put; absent for a delete. */
  data?: Record<string, unknown>;
  /** ISO instant of the local save. */
  createdAt: string;
}

/** Key-value rows of sync bookkeeping: clientId, cursor, status. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** The logged-in user on this device; one row with key 'current'. */
export interface SessionRow {
  key: 'current';
  token: string;
  expiresAt: string;
  profile: Profile;
  /** ISO instant of the online login. */
  loggedInAt: string;
}

/** Preferences that survive a reload and are never synced (language, text size). */
export interface PrefRow {
  key: string;
  value: unknown;
}

/** A change the server refused, kept so the user can see what happened to it. */
export interface RejectionRow {
  id?: number;
  collection: CollectionName;
  recordId: string;
  reason: RejectReason;
  message: string;
  at: string;
}

/**
 * A form's input as typed, kept while typing so it survives a reload, a closed tab and an app
 * update; never synced. `formatVersion` says which app wrote it: an older draft still opens
 * (fields it lacks start empty, fields the form no longer has are dropped).
 */
export interface DraftRow {
  /** `new:<kind>` for a new entry, `edit:<entryId>` for an edit. */
  key: string;
  userId: string;
  kind: string;
  entryId: string;
  formatVersion: number;
  values: Record<string, unknown>;
  /** ISO instant of the last keystroke stored. */
  updatedAt: string;
}

/** A photo taken for an entry, shrunk on the device; the upload (sync) sets `uploadedAt`. */
export interface PhotoRow {
  id: string;
  entryId: string;
  blob: Blob;
  width: number;
  height: number;
  bytes: number;
  createdAt: string;
  uploadedAt: string | null;
}

export class AnttDatabase extends Dexie {
  household!: EntityTable<Household, 'id'>;
  fieldLog!: EntityTable<FieldLog, 'id'>;
  campaignPlan!: EntityTable<CampaignPlan, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  meta!: EntityTable<MetaRow, 'key'>;
  session!: EntityTable<SessionRow, 'key'>;
  prefs!: EntityTable<PrefRow, 'key'>;
  rejections!: EntityTable<RejectionRow, 'id'>;
  checklistTemplate!: EntityTable<ChecklistTemplate, 'id'>;
  drafts!: EntityTable<DraftRow, 'key'>;
  photos!: EntityTable<PhotoRow, 'id'>;

  constructor(name = 'so-tay-antt') {
    super(name);
    this.version(1).stores({
      household: 'id, hamletId',
      fieldLog: 'id, [memberId+date], [teamId+date], [kind+date], *householdIds',
      campaignPlan: 'id, orgUnitId',
      outbox: '++seq, recordId, createdAt',
      meta: 'key',
      session: 'key',
      prefs: 'key',
      rejections: '++id, recordId, at',
    });
    // Entry kinds: checklist templates (synced), drafts and photos (local), and the indexes the
    // logbook walks (a kind within a member's or team's days; review status; all days).
    this.version(3).stores({
      fieldLog: 'id, date, [memberId+date], [teamId+date], [kind+date], [memberId+kind+date], [teamId+kind+date], [reviewStatus+date], *householdIds',
      checklistTemplate: 'id, communeId',
      drafts: 'key, userId, updatedAt',
      photos: 'id, entryId, createdAt',
    });
  }
}

/** The tables that hold synced records, by collection name. */
export function collectionTable(db: AnttDatabase, collection: CollectionName): Dexie.Table<Record<string, unknown>, string> {
  return db.table(collection);
}
