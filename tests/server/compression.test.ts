/**
 * Compression as clients see it: API answers in brotli or gzip as asked, the built app's files
 * sent precompressed from the build, push bodies accepted gzipped, and a gzip "bomb" refused with
 * 413 (counted inflated) while the server goes on serving.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#src/server/app.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { apiPaths, errorResponseSchema, PROTOCOL_VERSION, pullResponseSchema } from '#src/shared/sync/protocol.ts';
import { precompressFolder } from '../../scripts/precompress.ts';
import { demoApp, login, outreachLog, putMutation, storedRecords, type Session } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

forEachDatabase('compression', (getDb) => {
  let app: FastifyInstance;
  let member: Session;
  beforeAll(async () => {
    app = await demoApp(getDb());
    member = await login(app, 'tovien');
  });
  afterAll(async () => {
    await app.close();
  });

  const pullWith = (acceptEncoding: string | undefined) =>
    app.inject({
      method: 'POST', url: apiPaths.pull,
      headers: { ...member.headers, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
      payload: { protocolVersion: PROTOCOL_VERSION, clientId: uuidv7(), cursor: '', limit: 200 },
    });

  it('answers in brotli or gzip as the client asks, and plainly when it does not', async () => {
    const brotli = await pullWith('gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    const page = pullResponseSchema.parse(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString()));
    expect(page.changes).toHaveLength(200);

    const gzip = await pullWith('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(pullResponseSchema.parse(JSON.parse(gunzipSync(gzip.rawPayload).toString())).changes).toHaveLength(200);
    expect(gzip.rawPayload.length * 3).toBeLessThan(gunzipSync(gzip.rawPayload).length);

    const plain = await pullWith(undefined);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(pullResponseSchema.parse(plain.json()).changes).toHaveLength(200);
  });

  const pushGzipped = (body: Buffer, encoding = 'gzip') =>
    app.inject({
      method: 'POST', url: apiPaths.push,
      headers: { ...member.headers, 'content-type': 'application/json', 'content-encoding': encoding },
      payload: body,
    });

  it('accepts a push body sent gzipped', async () => {
    const log = outreachLog(member);
    const body = gzipSync(JSON.stringify({ protocolVersion: PROTOCOL_VERSION, clientId: uuidv7(), mutations: [putMutation(1, 'fieldLog', log)] }));
    const response = await pushGzipped(body);
    expect(response.statusCode).toBe(200);
    expect(response.json().rejected).toEqual([]);
    expect((await storedRecords(getDb(), 'fieldLog')).map((row) => row.id)).toContain(log.id);
  });

  it('refuses a gzip bomb with 413 once it inflates past the body limit, then serves on', async () => {
    // 64 MB of spaces inside a JSON string: about 64 KB gzipped.
    const inflated = Buffer.concat([Buffer.from('{"protocolVersion":2,"clientId":"x","pad":"'), Buffer.alloc(64 * 1024 * 1024, 0x20), Buffer.from('"}')]);
    const bomb = gzipSync(inflated, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const response = await pushGzipped(bomb);
    expect(response.statusCode).toBe(413);
    expect(errorResponseSchema.parse(response.json()).error.reason).toBe('payload-too-large');

    expect((await pushGzipped(Buffer.from('not gzip at all'))).statusCode).toBe(400);
    const unknown = await pushGzipped(Buffer.from('{}'), 'x-unknown');
    expect(unknown.statusCode).toBe(415);
    expect(errorResponseSchema.parse(unknown.json()).error.reason).toBe('invalid-request');
    expect((await pullWith('gzip')).statusCode).toBe(200);
  });
});

forEachDatabase('precompressed app files', (getDb) => {
  let app: FastifyInstance;
  let staticDir: string;
  const script = `console.log(${JSON.stringify('Sổ tay ANTT '.repeat(400))});\n`;
  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'antt-precompressed-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), `<!doctype html><title>Sổ tay ANTT</title>${'<p>Tổ bảo vệ an ninh, trật tự</p>'.repeat(60)}`);
    writeFileSync(join(staticDir, 'sw.js'), script);
    writeFileSync(join(staticDir, 'assets', 'app-1a2b3c.js'), script);
    writeFileSync(join(staticDir, 'assets', 'tiny.js'), 'export {};\n');
    expect(precompressFolder(staticDir)).toBe(1);
    // Too small, or an entry file whose name stays from version to version: no copies.
    for (const file of ['assets/tiny.js', 'index.html', 'sw.js']) expect(existsSync(join(staticDir, `${file}.br`))).toBe(false);
    app = await buildApp({ database: getDb(), staticDir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('sends the build-time brotli or gzip copy of a file, with its own type and cache rules', async () => {
    const brotli = await app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/javascript/);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.rawPayload).toEqual(readFileSync(join(staticDir, 'assets', 'app-1a2b3c.js.br')));
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);

    const gzip = await app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('compresses the app shell and the service worker per request: a new version is never hidden by an old copy', async () => {
    const shell = await app.inject({ method: 'GET', url: '/nhat-ky', headers: { 'accept-encoding': 'br' } });
    expect(shell.statusCode).toBe(200);
    expect(shell.headers['content-encoding']).toBe('br');
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(shell.rawPayload).toString()).toContain('Tổ bảo vệ an ninh');
    writeFileSync(join(staticDir, 'sw.js'), `${script}// next version\n`);
    const worker = await app.inject({ method: 'GET', url: '/sw.js', headers: { 'accept-encoding': 'gzip' } });
    expect(worker.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(worker.rawPayload).toString()).toContain('// next version');
    // Too small to get copies at build time: whatever the answer's encoding, the file arrives whole.
    const tiny = await app.inject({ method: 'GET', url: '/assets/tiny.js', headers: { 'accept-encoding': 'br' } });
    const body = tiny.headers['content-encoding'] === 'br' ? brotliDecompressSync(tiny.rawPayload).toString() : tiny.body;
    expect(body).toBe('export {};\n');
  });
});
