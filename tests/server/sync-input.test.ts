/**
 * Input the server cannot store is refused per record with a Vietnamese reason, never a 5xx, and
 * never blocks the records around it: text PostgreSQL rejects (NUL, half a surrogate pair),
 * records nested thousands of levels deep, records of megabytes or of tens of thousands of keys,
 * dates in the year 0001, 1900 or 2999. The same text anywhere else (a login name) is a 400.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { apiPaths, errorResponseSchema, PROTOCOL_VERSION, pushResponseSchema } from '#src/shared/sync/protocol.ts';
import { demoApp, login, outreachLog, push, putMutation, storedRecords, type Session } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

/** JSON of objects nested `depth` deep, written as text: JSON.stringify itself overflows on it. */
function nestedJson(depth: number): string {
  return '{"next":'.repeat(depth) + '{"leaf":1}' + '}'.repeat(depth);
}

const DEEP = '"__deep__"';

/** A JSON body whose `"__deep__"` placeholders are replaced by a deeply nested object. */
function withDeep(body: unknown, depth: number): string {
  return JSON.stringify(body).replaceAll(DEEP, nestedJson(depth));
}

forEachDatabase('sync input', (getDb) => {
  let app: FastifyInstance;
  let member: Session;
  beforeAll(async () => {
    app = await demoApp(getDb(), { now: () => new Date('2026-11-30T03:00:00.000Z') });
    member = await login(app, 'tovien');
  });

  it('lands the valid records of a batch and sets each poisoned one aside with its reason', async () => {
    const valid = [outreachLog(member, { topic: 'Trước' }), outreachLog(member, { topic: 'Giữa' }), outreachLog(member, { topic: 'Sau' })];
    const manyKeys = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));
    const poisoned = [
      outreachLog(member, { topic: 'Có ký tự\u0000rỗng' }),
      outreachLog(member, { note: 'Nửa cặp \ud83d thay thế' }),
      { ...outreachLog(member), extra: '__deep__' },
      { ...outreachLog(member), extra: 'x'.repeat(100_000) },
      { ...outreachLog(member), ...manyKeys },
      outreachLog(member, { date: '0001-01-01' }),
      outreachLog(member, { date: '1900-05-01' }),
      outreachLog(member, { date: '2999-12-31' }),
      { ...outreachLog(member), 'khóa\u0000': 1 },
    ];
    const mutations = [
      putMutation(1, 'fieldLog', valid[0]!),
      ...poisoned.slice(0, 5).map((record, i) => putMutation(2 + i, 'fieldLog', record)),
      putMutation(7, 'fieldLog', valid[1]!),
      ...poisoned.slice(5).map((record, i) => putMutation(8 + i, 'fieldLog', record)),
      putMutation(12, 'fieldLog', valid[2]!),
    ];
    const response = await app.inject({
      method: 'POST', url: apiPaths.push, headers: { ...member.headers, 'content-type': 'application/json' },
      payload: withDeep({ protocolVersion: PROTOCOL_VERSION, clientId: uuidv7(), mutations }, 5000),
    });
    expect(response.statusCode).toBe(200);
    const body = pushResponseSchema.parse(response.json());
    expect(body.lastAppliedSeq).toBe(12);
    expect(body.written.map((w) => w.seq)).toEqual([1, 7, 12]);
    expect(body.rejected.map((r) => [r.seq, r.reason])).toEqual([
      [2, 'invalid-record'], [3, 'invalid-record'], [4, 'invalid-record'], [5, 'invalid-record'], [6, 'invalid-record'],
      [8, 'date-out-of-range'], [9, 'date-out-of-range'], [10, 'date-out-of-range'], [11, 'invalid-record'],
    ]);
    const messages = body.rejected.map((r) => r.message);
    expect(messages.slice(0, 2)).toEqual([
      'Nội dung có ký tự không hợp lệ (ký tự rỗng hoặc ký tự hỏng). Hãy xoá ký tự đó rồi lưu lại.',
      'Nội dung có ký tự không hợp lệ (ký tự rỗng hoặc ký tự hỏng). Hãy xoá ký tự đó rồi lưu lại.',
    ]);
    expect(messages[2]).toBe('Dữ liệu lồng nhau quá nhiều tầng, máy chủ không lưu được.');
    expect(messages[3]).toBe('Bản ghi quá lớn (tối đa 64 KB, chưa kể ảnh). Hãy rút gọn nội dung.');
    expect(messages[4]).toBe('Bản ghi có quá nhiều trường dữ liệu, máy chủ không lưu được.');
    expect(messages[5]).toMatch(/^Ngày 01\/01\/0001 không hợp lệ: ngày làm việc phải từ 01\/07\/2024 đến 01\/12\/2026\.$/);
    const stored = (await storedRecords(getDb(), 'fieldLog')).map((r) => r.data?.topic);
    expect(stored).toEqual(['Trước', 'Giữa', 'Sau']);
  });

  it('refuses a record with an unknown field of 4.5 MB alone, keeping the batch', async () => {
    const before = outreachLog(member, { topic: 'Trước bản ghi lớn' });
    const after = outreachLog(member, { topic: 'Sau bản ghi lớn' });
    const { statusCode, body } = await push(app, member, uuidv7(), [
      putMutation(1, 'fieldLog', before),
      putMutation(2, 'fieldLog', { ...outreachLog(member), extra: 'x'.repeat(4_500_000) }),
      putMutation(3, 'fieldLog', after),
    ]);
    expect(statusCode).toBe(200);
    expect(body.written.map((w) => w.seq)).toEqual([1, 3]);
    expect(body.rejected).toMatchObject([{ seq: 2, reason: 'invalid-record', message: 'Bản ghi quá lớn (tối đa 64 KB, chưa kể ảnh). Hãy rút gọn nội dung.' }]);
  });

  it('accepts a day ahead of the server clock (a phone a day fast) but not two', async () => {
    const now = new Date('2026-11-30T03:00:00.000Z');
    const tomorrow = dayInVietnam(new Date(now.getTime() + 24 * 3600_000));
    const later = dayInVietnam(new Date(now.getTime() + 48 * 3600_000));
    const { body } = await push(app, member, uuidv7(), [
      putMutation(1, 'fieldLog', outreachLog(member, { date: tomorrow })),
      putMutation(2, 'fieldLog', outreachLog(member, { date: later })),
      putMutation(3, 'fieldLog', outreachLog(member, { date: '2026-11-29' })),
    ]);
    expect(body.written.map((w) => w.seq)).toEqual([1, 3]);
    expect(body.rejected.map((r) => [r.seq, r.reason])).toEqual([[2, 'date-out-of-range']]);
  });

  it('answers text it cannot store elsewhere with a 400, never a 500', async () => {
    const bodies = [
      JSON.stringify({ username: 'to\u0000vien', password: 'antt2026' }),
      JSON.stringify({ username: 'tovien', password: '\udc00' }),
      // Deep beyond what a stored value may hold, yet within the login route's 16 KB body limit.
      withDeep({ username: '__deep__', password: 'x' }, 1_000),
    ];
    for (const payload of bodies) {
      const response = await app.inject({ method: 'POST', url: apiPaths.login, headers: { 'content-type': 'application/json' }, payload });
      expect(response.statusCode).toBe(400);
      expect(errorResponseSchema.parse(response.json()).error.reason).toBe('invalid-request');
    }
    // Deeper still: the login body exceeds its limit and is refused before it is read.
    const deepLogin = await app.inject({
      method: 'POST', url: apiPaths.login, headers: { 'content-type': 'application/json' }, payload: withDeep({ username: '__deep__', password: 'x' }, 20_000),
    });
    expect(deepLogin.statusCode).toBe(413);
    expect(errorResponseSchema.parse(deepLogin.json()).error.reason).toBe('payload-too-large');
    const deepEnvelope = await app.inject({
      method: 'POST', url: apiPaths.pull, headers: { ...member.headers, 'content-type': 'application/json' },
      payload: withDeep({ protocolVersion: 2, clientId: uuidv7(), cursor: '', extra: '__deep__' }, 20_000),
    });
    expect(deepEnvelope.statusCode).toBe(400);
  });
});
