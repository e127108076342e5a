/**
 * The pull cursor must never skip a change. The race that would make it skip: a push takes change
 * number N, another push takes N+1 and commits first, a puller receives N+1 and moves its cursor
 * past N, then N commits. Here several devices push at once while a puller pulls with its cursor
 * throughout; a test-only hook holds each push transaction open for a random while after it took
 * its numbers, so commits really do interleave. PostgreSQL only: PGlite has one connection and
 * runs transactions one at a time, so it cannot race.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { seededRandom } from '#src/server/db/demo-households.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { ServerRecord } from '#src/shared/sync/protocol.ts';
import { demoApp, login, outreachLog, pull, pullAll, push, putMutation } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const WRITERS = 6;
const BATCHES_PER_WRITER = 8;
const LOGS_PER_BATCH = 2;

forEachDatabase(
  'concurrent writers',
  (getDb) => {
    it('a puller pulling during parallel pushes receives every record exactly once', async () => {
      const random = seededRandom(42);
      let commitsHeld = 0;
      const app = await demoApp(getDb(), {
        testHooks: {
          beforePushCommit: async () => {
            commitsHeld += 1;
            await sleep(Math.floor(random() * 40));
          },
        },
      });
      const [member, leader, puller] = await Promise.all([login(app, 'tovien'), login(app, 'totruong'), login(app, 'congan')]);
      const writers = Array.from({ length: WRITERS }, (_, i) => ({ session: i % 2 === 0 ? member : leader, clientId: uuidv7() }));
      const start = (await pullAll(app, puller)).cursor;

      const written: string[] = [];
      const received: ServerRecord[] = [];
      let isWriting = true;
      let pullsDuringWrites = 0;
      const pulling = (async () => {
        let cursor = start;
        for (;;) {
          const wasWriting = isWriting;
          const page = await pull(app, puller, cursor, { limit: 1000 });
          received.push(...page.changes);
          cursor = page.cursor;
          if (wasWriting) pullsDuringWrites += 1;
          else if (!page.hasMore) return;
          if (!page.hasMore) await sleep(3);
        }
      })();

      await Promise.all(
        writers.map(async ({ session, clientId }) => {
          for (let batch = 0; batch < BATCHES_PER_WRITER; batch += 1) {
            const logs = Array.from({ length: LOGS_PER_BATCH }, () => outreachLog(session));
            written.push(...logs.map((log) => log.id));
            const mutations = logs.map((log, i) => putMutation(batch * LOGS_PER_BATCH + i + 1, 'fieldLog', log));
            const { statusCode, body } = await push(app, session, clientId, mutations);
            expect(statusCode).toBe(200);
            expect(body.rejected).toEqual([]);
          }
        }),
      );
      isWriting = false;
      await pulling;
      await app.close();

      expect(commitsHeld).toBe(WRITERS * BATCHES_PER_WRITER);
      expect(pullsDuringWrites).toBeGreaterThan(10);
      const receivedIds = received.filter((change) => change.collection === 'fieldLog').map((change) => change.id);
      expect(receivedIds.length).toBe(written.length);
      expect([...receivedIds].sort()).toEqual([...written].sort());
    });
  },
  { engines: ['postgres'] },
);
