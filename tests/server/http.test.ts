import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#src/server/app.ts';
import { apiPaths, errorResponseSchema } from '#src/shared/sync/protocol.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const INDEX_HTML = '<!doctype html><html lang="vi"><title>Sổ tay ANTT</title></html>';

forEachDatabase('http', (getDb) => {
  let app: FastifyInstance;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'antt-static-'));
    mkdirSync(join(staticDir, 'assets'));
    mkdirSync(join(staticDir, 'icons'));
    writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
    writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("install", () => {});');
    writeFileSync(join(staticDir, 'manifest.webmanifest'), '{"name":"Sổ tay ANTT"}');
    writeFileSync(join(staticDir, 'assets', 'index-3f2a1b.js'), 'console.log("app");');
    writeFileSync(join(staticDir, 'icons', 'icon-192.png'), 'png');
    app = await buildApp({ database: getDb(), staticDir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('report health when the database answers', async () => {
    const response = await app.inject({ method: 'GET', url: apiPaths.health });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', protocolVersion: 2 });
  });

  it('report 503 when the database does not answer', async () => {
    const down = { ...getDb(), query: () => Promise.reject(new Error('connection refused')) };
    const broken = await buildApp({ database: down });
    const response = await broken.inject({ method: 'GET', url: apiPaths.health });
    expect(response.statusCode).toBe(503);
    expect(errorResponseSchema.parse(response.json()).error.reason).toBe('server-error');
    await broken.close();
  });

  it('answer an unknown /api path with a JSON 404, never the app', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const response = await app.inject({ method, url: '/api/khong-co' });
      expect(response.statusCode).toBe(404);
      expect(errorResponseSchema.parse(response.json()).error.reason).toBe('not-found');
    }
  });

  describe('static app', () => {
    it('serve the entry files with no-cache', async () => {
      for (const [url, type] of [['/', 'text/html'], ['/index.html', 'text/html'], ['/sw.js', 'javascript'], ['/manifest.webmanifest', 'manifest']] as const) {
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['cache-control'], url).toBe('no-cache');
        expect(String(response.headers['content-type']), url).toContain(type);
      }
    });

    it('serve hashed assets as immutable for a year', async () => {
      const response = await app.inject({ method: 'GET', url: '/assets/index-3f2a1b.js' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe('console.log("app");');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const icon = await app.inject({ method: 'GET', url: '/icons/icon-192.png' });
      expect(icon.headers['cache-control']).toBe('no-cache');
    });

    it("answer the app's own routes with index.html, but a missing file with 404", async () => {
      for (const url of ['/nhat-ky', '/nhat-ky/moi?ho=1', '/dong-bo']) {
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(200);
        expect(response.body).toBe(INDEX_HTML);
        expect(response.headers['cache-control']).toBe('no-cache');
      }
      for (const url of ['/assets/index-000000.js', '/favicon.ico']) {
        expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
      }
      expect((await app.inject({ method: 'POST', url: '/nhat-ky' })).statusCode).toBe(404);
    });
  });

  it('send the security headers on every kind of response', async () => {
    const responses = await Promise.all([
      app.inject({ method: 'GET', url: '/' }),
      app.inject({ method: 'GET', url: '/assets/index-3f2a1b.js' }),
      app.inject({ method: 'GET', url: apiPaths.health }),
      app.inject({ method: 'GET', url: apiPaths.me }),
      app.inject({ method: 'GET', url: '/api/khong-co' }),
      app.inject({ method: 'POST', url: apiPaths.login, headers: { 'content-type': 'application/json' }, payload: '{' }),
    ]);
    for (const response of responses) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      // Entry photos need the camera; location is offered on entries too.
      expect(String(response.headers['permissions-policy']).split(/,\s*/)).toEqual(expect.arrayContaining(['camera=(self)', 'microphone=()', 'geolocation=(self)']));
      const csp = String(response.headers['content-security-policy']);
      // Phones on a commune's network may reach the server by plain http: never force https.
      expect(csp).not.toContain('upgrade-insecure-requests');
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        // Entry photos are shown from blob: URLs of the device's own copies.
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ]) {
        expect(csp.split(/;\s*/)).toContain(directive);
      }
    }
    expect(responses[2]?.headers['cache-control']).toBe('no-store');
  });
});
