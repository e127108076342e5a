/**
 * Security headers on every response, through @fastify/helmet. The CSP allows exactly what the
 * built PWA needs: its own scripts and service worker, inline styles (React style props), data:
 * and blob: images (entry photos are shown from the device's own copies), and fetches to this
 * origin; no upgrade-insecure-requests, because phones on a commune's network may reach a server
 * by plain http. Permissions-Policy (helmet has none)
 * allows the camera (entry photos) and location for this origin only. Responses of /api carry
 * personal data: no-store keeps them out of shared caches and the browser's disk cache (the app
 * keeps its own copy in IndexedDB).
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

const directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(self)';

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    // A province's domain may have other sites below it: no includeSubDomains.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });
}
