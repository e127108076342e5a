/**
 * Backup of one account's data on this phone (sao lưu dữ liệu), and its import on another phone
 * of the same account: a phone that breaks or is replaced must not take unsent work with it.
 *
 * The file: JSON (gzip when the browser has CompressionStream), versioned by `format` so that a
 * later format (issue 9: encrypted with the account's key) can be told apart. It holds every
 * record of every synced collection with its serverVersion (the base of the next edit), the
 * outbox (changes not yet pushed, in order), and the refusals set aside for their author. It
 * never holds the session token, the sync client id or the pull cursor: those belong to the
 * phone that made them, and a second phone pushing under the first one's client id would have
 * its changes skipped as already applied. Tips and reintegration visits (and the conflicts,
 * unsent changes and refusals about them) go in only when the account may read them: its own,
 * or in a restricted scope the server says it holds (a leader's team, commune police).
 * backup-file.ts encrypts the file with the account's key (format 2).
 *
 * Import, in ONE transaction (all of it or nothing):
 * - records by id: a record with a change waiting on this phone stays as it is; a record the
 *   backup has unsent changes for takes the backup's copy (that is the user's work); otherwise
 *   the copy with the higher serverVersion wins. Nothing is ever duplicated.
 * - the backup's outbox is queued again on this phone, one change per record (its edits folded
 *   together: the first edit's base, the last edit's data, every changed field), so the server
 *   merges it by base version like any edit. A change the old phone had pushed already merges
 *   as "no change". The same file imported twice queues nothing the second time.
 * - refusals are added unless already there.
 */
import { z } from 'zod';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { isRestrictedKind } from '#src/shared/domain/field-log.ts';
import { collectionNames, isCollectionName, type CollectionName } from '#src/shared/sync/collections.ts';
import { collectionTable, SERVER_VERSION_FIELD, type AnttDatabase, type OutboxEntry, type RejectionRow } from './database.ts';
import { serverVersionsOf, withServerVersions } from './server-versions.ts';
import { readPendingRecordIds } from './sync-state-repository.ts';
import { getHeldScopes } from './pull-repository.ts';
import { getSession } from './session-repository.ts';

/** The format of a backup's content (format 2 files, backup-file.ts, hold it encrypted). */
export const BACKUP_FORMAT = 1;
const BACKUP_APP = 'so-tay-antt';
const IMPORTED_KEY = 'importedBackups';

const rowSchema = z.looseObject({ id: z.string().min(1) });
const outboxSchema = z.looseObject({
  collection: z.string(),
  recordId: z.string().min(1),
  op: z.enum(['put', 'delete']),
  data: z.record(z.string(), z.unknown()).optional(),
  base: z.number().int().nonnegative().optional(),
  changed: z.array(z.string()).optional(),
  createdAt: z.string(),
});
const rejectionSchema = z.looseObject({ collection: z.string(), recordId: z.string(), reason: z.string(), message: z.string(), at: z.string() });

/** What a backup file must hold to be imported (unknown fields are kept, as everywhere in sync). */
export const backupFileSchema = z.looseObject({
  format: z.literal(BACKUP_FORMAT),
  app: z.literal(BACKUP_APP),
  /** Tells one export from another (an import of the same file twice queues nothing twice). */
  backupId: z.string().min(1),
  exportedAt: z.string(),
  account: z.looseObject({ userId: z.string(), username: z.string(), displayName: z.string() }),
  collections: z.record(z.string(), z.array(rowSchema)),
  outbox: z.array(outboxSchema),
  rejections: z.array(rejectionSchema),
});
/** A backup file's content. */
export type BackupFile = z.infer<typeof backupFileSchema>;

/** Why a file cannot be read or imported, in words for the user. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Vietnamese words for every reason a backup cannot be made, read or imported. */
export const backupMessages = {
  notSignedIn: 'Chưa đăng nhập: không có dữ liệu của tài khoản nào để sao lưu.',
  notBackup: 'Tệp này không phải tệp sao lưu của Sổ tay ANTT, hoặc đã bị hỏng.',
  newerFormat: 'Tệp sao lưu được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cập nhật ứng dụng rồi nhập lại.',
  noGzip: 'Máy này không đọc được tệp sao lưu đã nén. Hãy dùng trình duyệt Chrome mới hơn.',
  needsSecret: 'Tệp sao lưu này đã được mã hoá. Hãy nhập mật khẩu của tài khoản (mật khẩu của lần đăng nhập gần nhất trên máy cũ) để mở.',
  wrongSecret: 'Mật khẩu không mở được tệp sao lưu này. Hãy thử lại mật khẩu đã dùng trên máy cũ.',
  locked: 'Ứng dụng đang khoá: hãy mở khoá bằng mã PIN rồi tạo tệp sao lưu.',
  otherAccount: (username: string) => `Tệp sao lưu này của tài khoản “${username}”, không phải tài khoản đang đăng nhập. Hãy đăng nhập bằng tài khoản đó để nhập.`,
} as const;

/** Everything of the signed-in account on this phone, as a backup (see the header). */
export async function exportBackup(db: AnttDatabase, now: Date = new Date()): Promise<BackupFile> {
  const tables = collectionNames.map((name) => collectionTable(db, name));
  return db.transaction('r', [db.session, db.meta, db.outbox, db.rejections, db.pushedVersion, ...tables], async () => {
    const session = await getSession(db);
    if (!session) throw new BackupError(backupMessages.notSignedIn);
    const { id: userId, username, displayName } = session.profile.user;
    const mayRead = readableBy(userId, new Set((await getHeldScopes(db)).scopes));
    const collections: BackupFile['collections'] = {};
    for (const name of collectionNames) {
      const rows = (await collectionTable(db, name).toArray()).filter((row) => mayRead(name, row));
      collections[name] = (await withServerVersions(db, name, rows)) as BackupFile['collections'][string];
    }
    const outbox = (await db.outbox.orderBy('seq').toArray()).filter((entry) => !entry.data || mayRead(entry.collection, entry.data)).map(({ seq: _seq, ...entry }) => entry);
    const rejections = (await db.rejections.orderBy('id').toArray()).filter((row) => !row.data || mayRead(row.collection, row.data)).map(({ id: _id, ...row }) => row);
    return {
      format: BACKUP_FORMAT, app: BACKUP_APP, backupId: uuidv7(now.getTime()), exportedAt: now.toISOString(),
      account: { userId, username, displayName }, collections, outbox, rejections,
    };
  });
}

/**
 * Whether the account may read a record: anything but tips, reintegration visits and conflicts
 * about them; those when the account wrote them or holds their restricted scope.
 */
function readableBy(userId: string, held: Set<string>): (collection: string, row: Record<string, unknown>) => boolean {
  return (collection, row) => {
    let scope: string | null = null;
    if (collection === 'fieldLog' && typeof row.kind === 'string' && isRestrictedKind(row.kind)) {
      if (row.memberId === userId) return true;
      scope = `restricted:${String(row.teamId)}:${String(row.memberId)}`;
    } else if (collection === 'conflict' && typeof row.scope === 'string' && row.scope.startsWith('restricted:')) {
      scope = row.scope;
      if (scope.endsWith(`:${userId}`)) return true;
    }
    return scope === null || held.has(scope);
  };
}

/** What the import screen shows before the user confirms. */
export interface BackupSummary {
  account: BackupFile['account'];
  exportedAt: string;
  /** Records per collection; field logs also per kind (`fieldLog:outreach`). */
  counts: Record<string, number>;
  /** Changes the old phone had not sent. */
  pending: number;
  rejections: number;
}

/** Counts for the preview: records per collection and per entry kind, unsent records, refusals. */
export function summariseBackup(file: BackupFile): BackupSummary {
  const counts: Record<string, number> = {};
  for (const [name, rows] of Object.entries(file.collections)) {
    if (!isCollectionName(name) || rows.length === 0) continue;
    counts[name] = rows.length;
    if (name === 'fieldLog') for (const row of rows) counts[`fieldLog:${String(row.kind)}`] = (counts[`fieldLog:${String(row.kind)}`] ?? 0) + 1;
  }
  return { account: file.account, exportedAt: file.exportedAt, counts, pending: new Set(file.outbox.map((e) => e.recordId)).size, rejections: file.rejections.length };
}

export interface ImportResult {
  /** Records that were not on this phone. */
  added: number;
  /** Records replaced by the backup's newer copy. */
  updated: number;
  /** Changes queued to be sent from this phone. */
  queued: number;
  /** True when this very file had been imported before (nothing queued again). */
  isRepeat: boolean;
}

/** Imports a backup of the signed-in account, atomically (see the header). */
export async function importBackup(db: AnttDatabase, file: BackupFile): Promise<ImportResult> {
  const tables = collectionNames.map((name) => collectionTable(db, name));
  return db.transaction('rw', [db.session, db.meta, db.outbox, db.rejections, db.pushedVersion, ...tables], async () => {
    const session = await getSession(db);
    if (!session) throw new BackupError(backupMessages.notSignedIn);
    if (session.profile.user.id !== file.account.userId) throw new BackupError(backupMessages.otherAccount(file.account.username));
    const imported = ((await db.meta.get(IMPORTED_KEY))?.value as string[] | undefined) ?? [];
    const isRepeat = imported.includes(file.backupId);
    const pendingHere = await readPendingRecordIds(db);
    const pendingInFile = new Set(file.outbox.map((entry) => entry.recordId));
    let added = 0;
    let updated = 0;
    for (const name of collectionNames) {
      const outcome = await mergeRows(db, name, file.collections[name] ?? [], pendingHere, pendingInFile);
      added += outcome.added;
      updated += outcome.updated;
    }
    const queue = isRepeat ? [] : foldOutbox(file.outbox);
    if (queue.length > 0) await db.outbox.bulkAdd(queue);
    await addRejections(db, file.rejections as Omit<RejectionRow, 'id'>[]);
    if (!isRepeat) await db.meta.put({ key: IMPORTED_KEY, value: [...imported, file.backupId] });
    return { added, updated, queued: queue.length, isRepeat };
  });
}

const versionOf = (row: Record<string, unknown> | undefined): number => {
  const version = row?.[SERVER_VERSION_FIELD];
  return typeof version === 'number' ? version : 0;
};

async function mergeRows(
  db: AnttDatabase, name: CollectionName, rows: Record<string, unknown>[], pendingHere: Set<string>, pendingInFile: Set<string>,
): Promise<{ added: number; updated: number }> {
  if (rows.length === 0) return { added: 0, updated: 0 };
  const table = collectionTable(db, name);
  const ids = rows.map((row) => row.id as string);
  const existing = await table.bulkGet(ids);
  const versionsHere = await serverVersionsOf(db, name, ids, existing);
  const puts: Record<string, unknown>[] = [];
  let added = 0;
  rows.forEach((row, i) => {
    const id = row.id as string;
    const here = existing[i];
    if (pendingHere.has(id)) return;
    if (!here) added += 1;
    else if (!pendingInFile.has(id) && versionsHere[i]! >= versionOf(row)) return;
    puts.push(row);
  });
  await table.bulkPut(puts);
  return { added, updated: puts.length - added };
}

/** One outbox entry per record: the first edit's base, the last edit's data, every changed field. */
export function foldOutbox(entries: readonly BackupFile['outbox'][number][]): Omit<OutboxEntry, 'seq'>[] {
  const byRecord = new Map<string, BackupFile['outbox'][number][]>();
  const lastSave = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (!isCollectionName(entry.collection)) return;
    const key = `${entry.collection}/${entry.recordId}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), entry]);
    lastSave.set(key, index);
  });
  // In the order of each record's last save, as the old phone would have sent them.
  return [...byRecord.entries()]
    .sort(([a], [b]) => lastSave.get(a)! - lastSave.get(b)!)
    .map(([, edits]): Omit<OutboxEntry, 'seq'> => {
      const last = edits[edits.length - 1]!;
      const isWhole = edits.some((edit) => edit.op === 'delete' || edit.changed === undefined);
      return {
        collection: last.collection as CollectionName, recordId: last.recordId, op: last.op,
        ...(last.op === 'put' && last.data ? { data: last.data } : {}),
        base: edits[0]!.base ?? 0,
        ...(isWhole ? {} : { changed: [...new Set(edits.flatMap((edit) => edit.changed ?? []))] }),
        createdAt: last.createdAt,
      };
    });
}

async function addRejections(db: AnttDatabase, rows: Omit<RejectionRow, 'id'>[]): Promise<void> {
  const here = await db.rejections.toArray();
  const key = (row: Pick<RejectionRow, 'recordId' | 'at' | 'reason'>) => `${row.recordId}|${row.at}|${row.reason}`;
  const known = new Set(here.map(key));
  const fresh = rows.filter((row) => isCollectionName(row.collection) && !known.has(key(row)));
  if (fresh.length > 0) await db.rejections.bulkAdd(fresh);
}
