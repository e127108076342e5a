/**
 * A backup (backup-repository.ts) as bytes on disk and back: JSON, gzipped when the browser has
 * CompressionStream (every current Chrome on Android does; the file is then a fraction of the
 * size). Reading recognises gzip by its first two bytes, so either kind of file imports.
 *
 * Format 2 (what this build writes) is encrypted: the backup's JSON, gzipped, sealed with the
 * account's data key (AES-GCM, data-key.ts), inside an envelope that names the account and
 * carries the data key wrapped by the account's password (or, without one, its PIN). On the
 * same phone, unlocked, the key in memory opens it; on a new phone, the password of the old
 * phone's last login does. Format 1 (plain JSON, earlier builds) still imports.
 */
import { z } from 'zod';
import { BACKUP_FORMAT, BackupError, backupFileSchema, backupMessages, type BackupFile } from './backup-repository.ts';
import { openBytes, sealBytes, unwrapDataKey, type WrappedKey } from './data-key.ts';

/** The format of the encrypted file this build writes. */
export const ENCRYPTED_BACKUP_FORMAT = 2;
const SEAL_CONTEXT = 'backup';

/** What encrypts a backup: the account's data key, and that key wrapped by a secret of the account. */
export interface BackupSeal {
  key: CryptoKey;
  wrapped: WrappedKey;
  by: 'password' | 'pin';
}

/** The file cannot be opened without the account's password (or PIN, `by`); `isWrong` after a wrong one. */
export class BackupSecretError extends BackupError {
  constructor(readonly by: 'password' | 'pin', readonly isWrong: boolean) {
    super(isWrong ? backupMessages.wrongSecret : backupMessages.needsSecret);
    this.name = 'BackupSecretError';
  }
}

const base64 = z.string().max(512 * 1024 * 1024);
const envelopeSchema = z.looseObject({
  format: z.literal(ENCRYPTED_BACKUP_FORMAT),
  app: z.literal('so-tay-antt'),
  exportedAt: z.string(),
  account: z.looseObject({ userId: z.string(), username: z.string(), displayName: z.string() }),
  keyBy: z.enum(['password', 'pin']),
  key: z.object({ salt: base64, iv: base64, wrapped: base64, iterations: z.number().int().positive().max(10_000_000) }),
  payloadGzip: z.boolean(),
  sealed: z.object({ iv: base64, data: base64 }),
});
type Envelope = z.infer<typeof envelopeSchema>;

function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let text = '';
  for (let i = 0; i < view.length; i += 0x8000) text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function through(bytes: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const writer = transform.writable.getWriter();
  const written = writer.write(bytes).then(() => writer.close());
  const [result] = await Promise.all([readAll(transform.readable), written]);
  return result;
}

/** A backup ready to download: its bytes, a file name with the account and the day, its type. */
export interface EncodedBackup {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  mimeType: string;
}

async function sealPayload(file: BackupFile, seal: BackupSeal, isGzipWanted: boolean): Promise<Envelope> {
  const json = new TextEncoder().encode(JSON.stringify(file));
  const payloadGzip = typeof CompressionStream === 'function' && isGzipWanted;
  const payload = payloadGzip ? await through(json, new CompressionStream('gzip')) : json;
  const sealed = await sealBytes(seal.key, payload, SEAL_CONTEXT);
  const { salt, iv, wrapped, iterations } = seal.wrapped;
  return {
    format: ENCRYPTED_BACKUP_FORMAT, app: 'so-tay-antt', exportedAt: file.exportedAt, account: file.account, keyBy: seal.by,
    key: { salt: toBase64(salt), iv: toBase64(iv), wrapped: toBase64(wrapped), iterations }, payloadGzip,
    sealed: { iv: toBase64(sealed.iv), data: toBase64(sealed.data) },
  };
}

/** The file to download, encrypted (format 2): `so-tay-antt-<username>-<yyyy-MM-dd>.json(.gz)`. */
export async function encodeBackup(file: BackupFile, seal: BackupSeal, options: { isGzipWanted?: boolean } = {}): Promise<EncodedBackup> {
  const isGzipWanted = options.isGzipWanted ?? true;
  const json = new TextEncoder().encode(JSON.stringify(await sealPayload(file, seal, isGzipWanted)));
  const name = `so-tay-antt-${file.account.username}-${file.exportedAt.slice(0, 10)}.json`;
  const canGzip = typeof CompressionStream === 'function' && isGzipWanted;
  if (!canGzip) return { bytes: json, fileName: name, mimeType: 'application/json' };
  return { bytes: await through(json, new CompressionStream('gzip')), fileName: `${name}.gz`, mimeType: 'application/gzip' };
}

/** The backup inside a format-2 envelope, opened with the key in memory or the secret. */
async function openEnvelope(envelope: Envelope, unlock: BackupUnlock): Promise<unknown> {
  const sealed = { iv: fromBase64(envelope.sealed.iv), data: fromBase64(envelope.sealed.data) };
  const tryKey = async (key: CryptoKey | null | undefined): Promise<ArrayBuffer | null> => (key ? openBytes(key, sealed, SEAL_CONTEXT).catch(() => null) : null);
  let payload = await tryKey(unlock.key);
  if (!payload && unlock.secret !== undefined) {
    const { salt, iv, wrapped, iterations } = envelope.key;
    const key = await unwrapDataKey({ salt: fromBase64(salt), iv: fromBase64(iv), wrapped: fromBase64(wrapped), iterations }, unlock.secret);
    payload = await tryKey(key);
  }
  if (!payload) throw new BackupSecretError(envelope.keyBy, unlock.secret !== undefined);
  const bytes = new Uint8Array(payload);
  const json = envelope.payloadGzip ? await unzip(bytes) : bytes;
  return parseJson(json);
}

/** What may open an encrypted backup: the account's key in memory, and/or a secret typed by the user. */
export interface BackupUnlock {
  key?: CryptoKey | null;
  secret?: string;
}

async function unzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof DecompressionStream !== 'function') throw new BackupError(backupMessages.noGzip);
  try {
    return await through(bytes, new DecompressionStream('gzip'));
  } catch {
    throw new BackupError(backupMessages.notBackup);
  }
}

function parseJson(bytes: Uint8Array<ArrayBuffer>): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BackupError(backupMessages.notBackup);
  }
}

/**
 * Reads a backup file's bytes (format 2 opened with `unlock`); a BackupError with words for the
 * user when it is not one this app can import, a BackupSecretError when it needs the password.
 */
export async function decodeBackup(bytes: Uint8Array<ArrayBuffer>, unlock: BackupUnlock = {}): Promise<BackupFile> {
  const isGzip = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
  let value = parseJson(isGzip ? await unzip(bytes) : bytes);
  const format = (value as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > ENCRYPTED_BACKUP_FORMAT) throw new BackupError(backupMessages.newerFormat);
  if (format === ENCRYPTED_BACKUP_FORMAT) {
    const envelope = envelopeSchema.safeParse(value);
    if (!envelope.success) throw new BackupError(backupMessages.notBackup);
    value = await openEnvelope(envelope.data, unlock);
    if ((value as { format?: unknown } | null)?.format !== BACKUP_FORMAT) throw new BackupError(backupMessages.notBackup);
  }
  const parsed = backupFileSchema.safeParse(value);
  if (!parsed.success) throw new BackupError(backupMessages.notBackup);
  return parsed.data;
}
