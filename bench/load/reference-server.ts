// The load bench's reference limits, as a server process like the real one:
//   bare:  a plain Fastify with the push and pull routes, answering canned bytes (what HTTP,
//          keep-alive and JSON body parsing cost on this machine, nothing else);
//   empty: the real app (buildApp: security headers, limits, error handling, storable-input
//          checks, compression when registered) whose push and pull answer the same canned bytes
//          from a preHandler hook, before authentication or any SQL.
// Canned answers come from files (CANNED_PUSH, CANNED_PULL) holding real answers of the app.
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '#src/server/app.ts';
import { openDatabase } from '#src/server/db/database.ts';
import { migrate } from '#src/server/db/migrate.ts';
import { apiPaths } from '#src/shared/sync/protocol.ts';

const mode = process.argv[2];
const canned: Record<string, string> = { [apiPaths.push]: readFileSync(process.env.CANNED_PUSH!, 'utf8'), [apiPaths.pull]: readFileSync(process.env.CANNED_PULL!, 'utf8') };

async function bare(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 5 * 1024 * 1024 });
  app.get(apiPaths.health, async () => ({ status: 'ok' }));
  for (const [path, body] of Object.entries(canned)) {
    app.post(path, async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
  }
  return app;
}

async function empty(): Promise<FastifyInstance> {
  const database = await openDatabase({ dataDir: 'memory' });
  await migrate(database);
  const app = await buildApp({ database, logger: false });
  app.addHook('preHandler', async (request, reply) => {
    const body = canned[request.routeOptions.url ?? ''];
    if (body !== undefined) return reply.type('application/json; charset=utf-8').send(body);
  });
  return app;
}

const app = mode === 'bare' ? await bare() : mode === 'empty' ? await empty() : null;
if (!app) throw new Error(`usage: reference-server.ts bare|empty (got ${mode})`);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
