/**
 * The server in this process, listening on 127.0.0.1 like `npm start` (real HTTP and TCP, a
 * free port), over a test database of either engine with the demo data.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '#src/server/db/database.ts';
import { demoApp } from '../../support/server-fixtures.ts';

export interface ListeningServer {
  app: FastifyInstance;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listenDemoServer(database: Database): Promise<ListeningServer> {
  const app = await demoApp(database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, port, close: () => app.close() };
}
