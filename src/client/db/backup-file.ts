/**
 * A backup (backup-repository.ts) as bytes on disk and back: JSON, gzipped when the browser has
 * CompressionStream (every current Chrome on Android does; the file is then a fraction of the
 * size). Reading recognises gzip by its first two bytes, so either kind of file imports.
 */
import { BACKUP_FORMAT, BackupError, backupFileSchema, backupMessages, type BackupFile } from './backup-repository.ts';

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

/** The file to download: `so-tay-antt-<username>-<yyyy-MM-dd>.json(.gz)`. */
export async function encodeBackup(file: BackupFile, options: { isGzipWanted?: boolean } = {}): Promise<EncodedBackup> {
  const json = new TextEncoder().encode(JSON.stringify(file));
  const name = `so-tay-antt-${file.account.username}-${file.exportedAt.slice(0, 10)}.json`;
  const canGzip = typeof CompressionStream === 'function' && (options.isGzipWanted ?? true);
  if (!canGzip) return { bytes: json, fileName: name, mimeType: 'application/json' };
  return { bytes: await through(json, new CompressionStream('gzip')), fileName: `${name}.gz`, mimeType: 'application/gzip' };
}

/** Reads a backup file's bytes; a BackupError with words for the user when it is not one this app can import. */
export async function decodeBackup(bytes: Uint8Array<ArrayBuffer>): Promise<BackupFile> {
  let json = bytes;
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
    if (typeof DecompressionStream !== 'function') throw new BackupError(backupMessages.noGzip);
    try {
      json = await through(bytes, new DecompressionStream('gzip'));
    } catch {
      throw new BackupError(backupMessages.notBackup);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new BackupError(backupMessages.notBackup);
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > BACKUP_FORMAT) throw new BackupError(backupMessages.newerFormat);
  const parsed = backupFileSchema.safeParse(value);
  if (!parsed.success) throw new BackupError(backupMessages.notBackup);
  return parsed.data;
}
