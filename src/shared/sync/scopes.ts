/**
 * Scopes as a set the device can compare cheaply with the server's: every pull carries the hash of
 * the user's scopes; only when it changes does the server send the list (protocol.ts, "Reach
 * changes"). The hash is not a secret and needs no cryptography, only to change whenever the set
 * does: 2 × 53 bits of cyrb53 over the sorted list, plus its length.
 */

function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The same string for the same set of scopes, whatever their order or repetition. */
export function hashScopes(scopes: Iterable<string>): string {
  const sorted = [...new Set(scopes)].sort();
  const text = sorted.join('\n');
  return `${sorted.length}-${cyrb53(text, 1).toString(36)}-${cyrb53(text, 2).toString(36)}`;
}

/** What a device must drop and backfill when its scopes change from `held` to `now`. */
export function diffScopes(held: Iterable<string>, now: Iterable<string>): { lost: string[]; gained: string[] } {
  const before = new Set(held);
  const after = new Set(now);
  return {
    lost: [...before].filter((scope) => !after.has(scope)),
    gained: [...after].filter((scope) => !before.has(scope)),
  };
}
