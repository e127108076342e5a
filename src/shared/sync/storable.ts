/**
 * What the server can store, checked before anything recursive touches a record: PostgreSQL's
 * text and jsonb refuse the NUL character and unpaired UTF-16 surrogates (a push holding one used
 * to fail whole, on every retry); a record nested thousands of levels deep overflows the stack of
 * JSON.stringify; a record of megabytes or of tens of thousands of keys is sent to every device
 * of its scope. The same check runs on the device before a save (so a device never queues what
 * the server must refuse) and on the server per record (so one bad record is refused alone).
 *
 * The walk is iterative: it must not itself overflow on the deep records it exists to refuse.
 */

/** Bounds of one record's JSON (photos travel apart and do not count). */
export const recordLimits = {
  /** UTF-8 bytes of the record's JSON. */
  maxBytes: 64 * 1024,
  /** Objects and arrays nested inside each other, the record itself being depth 1. */
  maxDepth: 12,
  /** Keys of all objects of the record together. */
  maxKeys: 2000,
} as const;

export type UnstorableReason = 'bad-text' | 'too-deep' | 'too-large' | 'too-many-keys';

/** Vietnamese words for each reason, shown to the author beside the refused entry. */
export const unstorableMessages: Record<UnstorableReason, string> = {
  'bad-text': 'Nội dung có ký tự không hợp lệ (ký tự rỗng hoặc ký tự hỏng). Hãy xoá ký tự đó rồi lưu lại.',
  'too-deep': 'Dữ liệu lồng nhau quá nhiều tầng, máy chủ không lưu được.',
  'too-large': `Bản ghi quá lớn (tối đa ${recordLimits.maxBytes / 1024} KB, chưa kể ảnh). Hãy rút gọn nội dung.`,
  'too-many-keys': 'Bản ghi có quá nhiều trường dữ liệu, máy chủ không lưu được.',
};

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL can store the string in text and jsonb. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Why `value` cannot be stored as a record, or null when it can. Counts JSON bytes roughly
 * (strings, keys and punctuation) without serialising, so a huge record is refused cheaply.
 */
export function unstorableReason(value: unknown): UnstorableReason | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  let bytes = 0;
  let keys = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return 'bad-text';
      bytes += utf8Length(current) + 2;
    } else if (current === null || typeof current !== 'object') {
      bytes += 8;
    } else {
      if (depth > recordLimits.maxDepth) return 'too-deep';
      const entries = Array.isArray(current) ? current.map((item) => ['', item] as const) : Object.entries(current);
      if (!Array.isArray(current)) {
        keys += entries.length;
        if (keys > recordLimits.maxKeys) return 'too-many-keys';
      }
      for (const [key, item] of entries) {
        if (key !== '') {
          if (!isStorableText(key)) return 'bad-text';
          bytes += utf8Length(key) + 3;
        }
        stack.push({ value: item, depth: depth + 1 });
      }
      bytes += 2;
    }
    if (bytes > recordLimits.maxBytes) return 'too-large';
  }
  return null;
}

/**
 * True when every string of a request body (keys included) is storable and the body is not
 * deeper than `maxDepth`. For request envelopes other than records (login, admin forms).
 */
export function isStorableBody(value: unknown, maxDepth = 32): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return false;
    } else if (current !== null && typeof current === 'object') {
      if (depth > maxDepth) return false;
      for (const [key, item] of Object.entries(current)) {
        if (!isStorableText(key)) return false;
        stack.push({ value: item, depth: depth + 1 });
      }
    }
  }
  return true;
}
