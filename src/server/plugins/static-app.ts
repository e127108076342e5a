/**
 * Serves the built PWA (dist/client). Cache rules follow how a service-worker app updates:
 * - sw.js, index.html, manifest.webmanifest: `no-cache` (revalidate every time), or a new
 *   version would never be noticed;
 * - /assets/*: file names carry a content hash, so they never change: immutable for a year;
 * - anything else (icons, workbox runtime): revalidate.
 * A GET that is neither /api nor a file gets index.html (the SPA's routes, e.g. /nhat-ky); a
 * missing /assets file or any path with an extension stays a 404, because answering HTML for a
 * missing script only trades a clear error for a confusing one.
 */
import { basename, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const REVALIDATE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ENTRY_FILES = new Set(['sw.js', 'index.html', 'manifest.webmanifest']);

export async function registerStaticApp(app: FastifyInstance, staticDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: staticDir,
    wildcard: true,
    redirect: false,
    dotfiles: 'ignore',
    cacheControl: false,
    // The build writes .br and .gz beside every text file (scripts/precompress.ts): served as
    // they are when the browser accepts them, with no compression work per request.
    preCompressed: true,
    setHeaders(response, filePath) {
      const inAssets = relative(staticDir, filePath).split(sep)[0] === 'assets';
      const isEntry = ENTRY_FILES.has(basename(filePath).replace(/\.(br|gz)$/, '')) && !inAssets;
      response.setHeader('Cache-Control', inAssets && !isEntry ? IMMUTABLE : REVALIDATE);
    },
  });
}

/** True for a navigation the SPA should answer: GET/HEAD, not /api, no file extension. */
export function isAppRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path === '/api' || path.startsWith('/assets/')) return false;
  return !basename(path).includes('.');
}

export function sendAppShell(reply: FastifyReply): FastifyReply {
  return reply.header('Cache-Control', REVALIDATE).type('text/html; charset=utf-8').sendFile('index.html');
}
