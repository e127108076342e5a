/**
 * The pull cursor must never skip a change. Change numbers come from a sequence, so they do not
 * follow commit order: a push draws number N, another draws N+1 and commits first, a puller
 * receives N+1 and, were its cursor a bare position, moves past N before N commits. Pull reads
 * only rows whose writer transaction is older than the oldest one still running
 * (db/pull-repository.ts), so it waits for N instead. Here several devices push at once while a
 * puller pulls with its cursor throughout; a test-only hook holds each push transaction open
 * for a random while after it took its numbers, so commits really do interleave.
 *
 * This test catches the skip: with the horizon filter (`xid < h.xmin`) removed from
 * readChangesAfter and the cursor set to the last row returned, it fails (88 of 96 records
 * received in a run). PostgreSQL only: PGlite has one connection and runs transactions one at
 * a time, so it cannot race.
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

    it('one record created and edited from several devices at once keeps versions that only grow', async () => {
      const random = seededRandom(7);
      const app = await demoApp(getDb(), { testHooks: { beforePushCommit: () => sleep(Math.floor(random() * 30)) } });
      const member = await login(app, 'tovien');
      const log = outreachLog(member);
      // Every device sends the same new record (base 0): all but one find it created meanwhile.
      const answers = await Promise.all(
        Array.from({ length: WRITERS }, (_, i) => push(app, member, uuidv7(), [putMutation(1, 'fieldLog', { ...log, note: `máy ${i + 1}` })])),
      );
      await app.close();

      expect(answers.map((answer) => answer.statusCode)).toEqual(Array(WRITERS).fill(200));
      expect(answers.flatMap((answer) => answer.body.rejected)).toEqual([]);
      const history = await getDb().query<{ seq: number }>('SELECT seq FROM record_changes WHERE id = $1', [log.id]);
      expect(history).toHaveLength(WRITERS);
      const [stored] = await getDb().query<{ seq: number }>('SELECT seq FROM records WHERE id = $1', [log.id]);
      // The record holds the last version written, and no version is below one written before it.
      expect(stored!.seq).toBe(Math.max(...history.map((row) => row.seq)));
      const versions = answers.map((answer) => answer.body.written[0]!.version).sort((a, b) => a - b);
      expect(new Set(versions).size).toBe(WRITERS);
      expect(versions.at(-1)).toBe(stored!.seq);
    });
  },
  { engines: ['postgres'] },
);
