/**
 * The cryptography of an account's data on this phone (WebCrypto only, no library): a random
 * AES-GCM data key per account, wrapped (AES-GCM key wrap) by a key derived from the PIN with
 * PBKDF2-SHA-256, and sealing of values with the data key. A data key unwrapped for use is
 * non-extractable: script on the page can encrypt and decrypt with it while the app is
 * unlocked, never read it out. app-lock.ts keeps the wrapped keys; sealing.ts uses the key.
 */

/**
 * PBKDF2 iterations for a PIN or a password. Measured on the development machine (one shared
 * core): Node's WebCrypto derives 100,000 in 23 ms, 300,000 in 77 ms, 600,000 in 120 ms, and
 * Chromium unlocks at 600,000 in 132 ms (`npm run bench -- sealed`). A cheap Android phone's
 * Chrome is roughly 5–8× slower, so 600,000 (OWASP's figure for PBKDF2-SHA-256) unlocks in about
 * 0.7–1 s there: the most a person opening the app accepts, and every guess at a 6-digit PIN
 * against a copied database costs as much.
 */
export const PBKDF2_ITERATIONS = 600_000;

/** A key wrapped by a secret (PIN or password): what is stored, never the key itself. */
export interface WrappedKey {
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  wrapped: ArrayBuffer | Uint8Array<ArrayBuffer>;
  iterations: number;
}

/** Sealed bytes: AES-GCM ciphertext (with its tag) and the IV it was made with. */
export interface SealedBytes {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer | Uint8Array<ArrayBuffer>;
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const AES = { name: 'AES-GCM', length: 256 } as const;

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

async function deriveWrappingKey(secret: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, base, AES, false, ['wrapKey', 'unwrapKey']);
}

/** A fresh data key, extractable only so that it can be wrapped; use a re-unwrapped copy. */
export function createDataKey(): Promise<CryptoKey> {
  return subtle().generateKey(AES, true, ['encrypt', 'decrypt']);
}

/** Wraps an extractable data key under a secret (a fresh salt and IV every time). */
export async function wrapDataKey(key: CryptoKey, secret: string, iterations: number = PBKDF2_ITERATIONS): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const wrapping = await deriveWrappingKey(secret, salt, iterations);
  const wrapped = await subtle().wrapKey('raw', key, wrapping, { name: 'AES-GCM', iv });
  return { salt, iv, wrapped, iterations };
}

/**
 * The data key a secret opens, or null when the secret is wrong (AES-GCM's tag does not
 * match). Non-extractable unless `extractable` (only to wrap it again under a new secret).
 */
export async function unwrapDataKey(stored: WrappedKey, secret: string, extractable = false): Promise<CryptoKey | null> {
  const wrapping = await deriveWrappingKey(secret, stored.salt, stored.iterations);
  try {
    return await subtle().unwrapKey('raw', stored.wrapped, wrapping, { name: 'AES-GCM', iv: stored.iv }, AES, extractable, ['encrypt', 'decrypt']);
  } catch {
    return null;
  }
}

/** A non-extractable copy of a key (the extractable one is only ever used to wrap it). */
export async function toNonExtractable(key: CryptoKey): Promise<CryptoKey> {
  return subtle().importKey('raw', await subtle().exportKey('raw', key), AES, false, ['encrypt', 'decrypt']);
}

/** Encrypts bytes; `context` (the table) is authenticated, so a value cannot move between tables. */
export async function sealBytes(key: CryptoKey, bytes: Uint8Array<ArrayBuffer>, context: string): Promise<SealedBytes> {
  const iv = randomBytes(12);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) }, key, bytes);
  return { iv, data };
}

/** Decrypts what sealBytes made with the same key and context; throws when either differs. */
export async function openBytes(key: CryptoKey, sealed: SealedBytes, context: string): Promise<ArrayBuffer> {
  return subtle().decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: new TextEncoder().encode(context) }, key, sealed.data);
}
