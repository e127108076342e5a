/**
 * Arbitrary requests for the API fuzzer (tests/server/api-fuzz.property.test.ts): for any route,
 * a body that is random JSON, a valid-looking body with one field broken (wrong type, huge or
 * deep, NUL or a lone surrogate, missing, unknown), or raw text that is not JSON; odd content
 * types; a good, missing, unknown or malformed Authorization; good and bad path ids.
 */
import fc from 'fast-check';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const breakers = [
  'delete', 'null', 'number', 'negative', 'fraction', 'string', 'empty-string', 'huge-string', 'nul', 'lone-surrogate',
  'deep', 'very-deep', 'array', 'object', 'boolean', 'unicode', 'unknown-field', 'too-large',
] as const;
type Breaker = (typeof breakers)[number];

function nested(depth: number): Json {
  let value: Json = 'đáy';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

function replacement(breaker: Exclude<Breaker, 'delete' | 'unknown-field'>): Json {
  switch (breaker) {
    case 'null': return null;
    case 'number': return 123_456_789_012;
    case 'negative': return -1;
    case 'fraction': return 0.5;
    case 'string': return 'abc';
    case 'empty-string': return '';
    case 'huge-string': return 'Ư'.repeat(100_000);
    case 'too-large': return 'x'.repeat(6 * 1024 * 1024);
    case 'nul': return 'a\u0000b';
    case 'lone-surrogate': return 'a\uD800b';
    case 'deep': return nested(40);
    case 'very-deep': return nested(3_000);
    case 'array': return [1, 'x', null];
    case 'object': return { a: 1 };
    case 'boolean': return true;
    case 'unicode': return 'Nguyễn Văn 😀 \u202e';
  }
}

/** Every path (keys and indices) inside a JSON value, the value itself as []. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

/** A copy of `body` with the value at `path` broken by `breaker`. */
export function breakAt(body: Json, path: (string | number)[], breaker: Breaker): Json {
  if (path.length === 0) {
    if (breaker === 'delete') return null;
    if (breaker !== 'unknown-field') return replacement(breaker);
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...body, khongBiet: 'lạ' } : [body];
  }
  const copy = structuredClone(body) as Record<string | number, Json>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (breaker === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (breaker === 'unknown-field') {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, Json>).khongBiet = 'lạ';
    else parent[last] = { value: target ?? null, extra: 1 };
  } else parent[last] = replacement(breaker);
  return copy as Json;
}

/** A valid-looking body with exactly one thing wrong (or, now and then, nothing wrong). */
export function brokenBody(valid: Json): fc.Arbitrary<Json> {
  const paths = pathsOf(valid);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(valid) },
    {
      weight: 24,
      arbitrary: fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...breakers))
        .filter(([, breaker]) => breaker !== 'too-large' && breaker !== 'very-deep')
        .map(([path, breaker]) => breakAt(valid, path, breaker)),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...paths), fc.constantFrom<Breaker>('too-large', 'very-deep')).map(([path, breaker]) => breakAt(valid, path, breaker)) },
  );
}

/** Raw payloads that are not a JSON object. */
export const rawPayloads = fc.oneof(
  fc.constantFrom('', '{', '{"a":', 'null', '[]', '"chuỗi"', '42', 'NaN', '{"a":1}{"b":2}', '\u0000', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}'),
  fc.string({ maxLength: 200 }),
);

export const contentTypes = [
  'application/json', 'application/json; charset=utf-8', 'application/JSON', 'application/json; charset=latin1', 'text/plain',
  'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/octet-stream', 'application/vnd.api+json', null,
] as const;

/** Path ids: real ones (given), a random UUID, and values that are no id at all. */
export function pathIds(real: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: fc.uuid({ version: 7 }) },
    { weight: 2, arbitrary: fc.constantFrom('abc', '0', '%00', '%F0%9F%98%80', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(3000), '%ED%A0%80', 'null', ' ') },
  );
}
