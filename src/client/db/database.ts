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
import type { Conflict } from '#src/shared/domain/conflict.ts';
import type { ChecklistTemplate } from '#src/shared/domain/checklist.ts';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import type { Household } from '#src/shared/domain/household.ts';
import type { OrgUnit } from '#src/shared/domain/org-unit.ts';
import type { Team } from '#src/shared/domain/team.ts';
import type { ManualValue } from '#src/shared/domain/manual-value.ts';
import type { TargetAssignment } from '#src/shared/domain/target-assignment.ts';
import type { MonthClose } from '#src/shared/domain/month-close.ts';
import type { Commendation } from '#src/shared/domain/commendation.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import type { CollectionName } from '#src/shared/sync/collections.ts';
import type { RejectReason } from '#src/shared/sync/protocol.ts';
import { sealingMiddleware } from './sealing.ts';

/** A local change waiting to be pushed. `seq` is the per-client sequence number of the protocol. */
export interface OutboxEntry {
  seq?: number;
  collection: CollectionName;
  recordId: string;
  op: 'put' | 'delete';
  /** The whole record for a put; absent for a delete. */
  data?: Record<string, unknown>;
  /** The server version the edit started from (0: none); absent in entries saved by version 1. */
  base?: number;
  /** Top-level fields the edit changed; absent: all (a new record, or an entry saved by version 1). */
  changed?: string[];
  /** ISO instant of the local save. */
  createdAt: string;
}

/**
 * Every synced row carries the version of the server copy it was last based on (the `seq` of
 * that copy; absent: never synced). A save sends it as the edit's `base`; it never leaves the
 * device inside a record.
 */
export const SERVER_VERSION_FIELD = 'serverVersion';

/**
 * The version the server gave a record this device pushed (version 8). Settling a push writes
 * these small rows instead of rewriting each pushed record with all its indexes (a field log has
 * nine): a record's base is the higher of its own serverVersion and this row's
 * (server-versions.ts). A later save of the record folds it back into the record.
 */
export interface PushedVersionRow {
  collection: CollectionName;
  id: string;
  version: number;
}

/** Key-value rows of sync bookkeeping: clientId, cursor, status. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** The logged-in user on this device; one row with key 'current'. */
export interface SessionRow {
  key: 'current';
  /** A Bearer token, kept only by devices signed in before the HttpOnly session cookie; traded for the cookie at the next launch online. */
  token?: string | undefined;
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

/**
 * A change the server refused, set aside with the refused record so that its author can fix it
 * (open it again, change, save: a new change) or discard it. Rows written by version 1 have no
 * `data` and no `status`: they only tell what happened.
 */
export interface RejectionRow {
  id?: number;
  collection: CollectionName;
  recordId: string;
  reason: RejectReason;
  message: string;
  /** Field paths and messages when the server said which fields are wrong. */
  fields?: { path: string; message: string }[];
  /** The refused record as it was sent (puts only). */
  data?: Record<string, unknown>;
  /** 'open' until fixed or discarded. */
  status?: 'open' | 'fixed' | 'discarded';
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

/**
 * When a team member's phone last finished a sync, as the server told a leader or commune
 * police (GET /api/progress/member-sync); kept so progress screens say it offline too.
 */
export interface MemberSyncRow {
  userId: string;
  teamId: string;
  /** ISO instant of the member's last completed sync, or null when never. */
  lastSyncAt: string | null;
  /** ISO instant the server answered. */
  fetchedAt: string;
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
  /** When the server confirmed it has the photo (or, for a photo downloaded from it, when it came). */
  uploadedAt: string | null;
  /** The server refused the photo for good (too large, not an image): its words; absent otherwise. */
  uploadError?: string;
}

export class AnttDatabase extends Dexie {
  household!: EntityTable<Household, 'id'>;
  fieldLog!: EntityTable<FieldLog, 'id'>;
  campaignPlan!: EntityTable<CampaignPlan, 'id'>;
  conflict!: EntityTable<Conflict, 'id'>;
  /** Server-authored: units with their settings (duty phone). Version 4. */
  orgUnit!: EntityTable<OrgUnit, 'id'>;
  /** Server-authored: teams and their rosters. Version 4. */
  team!: EntityTable<Team, 'id'>;
  manualValue!: EntityTable<ManualValue, 'id'>;
  targetAssignment!: EntityTable<TargetAssignment, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  meta!: EntityTable<MetaRow, 'key'>;
  session!: EntityTable<SessionRow, 'key'>;
  prefs!: EntityTable<PrefRow, 'key'>;
  rejections!: EntityTable<RejectionRow, 'id'>;
  checklistTemplate!: EntityTable<ChecklistTemplate, 'id'>;
  drafts!: EntityTable<DraftRow, 'key'>;
  photos!: EntityTable<PhotoRow, 'id'>;
  /** The leader's month sign-offs (synced). Version 7. */
  monthClose!: EntityTable<MonthClose, 'id'>;
  /** Commendation lists and exemplary registrations (synced). Version 7. */
  commendation!: EntityTable<Commendation, 'id'>;
  /** Members' last syncs as the server reported them (local). Version 7. */
  memberSync!: EntityTable<MemberSyncRow, 'userId'>;
  /** Versions the server gave pushed records (local). Version 8. */
  pushedVersion!: Dexie.Table<PushedVersionRow, [CollectionName, string]>;

  constructor(name = 'so-tay-antt') {
    super(name);
    // Restricted rows are sealed with the account's key on every write (sealing.ts).
    this.use(sealingMiddleware);
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
    // Protocol v2: conflicts arrive by sync; set-aside refusals are listed by status.
    this.version(2).stores({
      conflict: 'id, recordId, status',
      rejections: '++id, recordId, at, status',
    });
    // Entry kinds: checklist templates (synced), drafts and photos (local), and the indexes the
    // logbook walks (a kind within a member's or team's days; review status; all days).
    this.version(3).stores({
      fieldLog: 'id, date, [memberId+date], [teamId+date], [kind+date], [memberId+kind+date], [teamId+kind+date], [reviewStatus+date], *householdIds',
      checklistTemplate: 'id, communeId',
      drafts: 'key, userId, updatedAt',
      photos: 'id, entryId, createdAt',
    });
    // Version 4 (accounts): the organisation pulled from the server; new tables, nothing to move.
    this.version(4).stores({
      orgUnit: 'id, parentId',
      team: 'id, communeId',
    });
    // Plans' progress: values entered by commune police and province staff, and teams' own
    // targets (giao chỉ tiêu). New tables only, so no upgrade moves data.
    this.version(5).stores({
      manualValue: 'id, [orgUnitId+key], teamId',
      targetAssignment: 'id, teamId, planId',
    });
    // Plans, part 2: month closes and commendation lists (synced), members' last syncs as the
    // server reported them (local). New tables only, so no upgrade moves data.
    this.version(7).stores({
      monthClose: 'id, [teamId+month]',
      commendation: 'id, planId, orgUnitId',
      memberSync: 'userId, teamId',
    });
    // Settling a push records the server's versions in a table of their own instead of rewriting
    // every pushed record (server-versions.ts). A new table only: records keep their versions.
    this.version(8).stores({
      pushedVersion: '[collection+id]',
    });
  }
}

/** The tables that hold synced records, by collection name. */
export function collectionTable(db: AnttDatabase, collection: CollectionName): Dexie.Table<Record<string, unknown>, string> {
  return db.table(collection);
}
