import { describe, expect, it } from 'vitest';
import { collections } from '#src/shared/sync/collections.ts';
import { pullResponseSchema, pushRequestSchema, PROTOCOL_VERSION } from '#src/shared/sync/protocol.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';

const clientId = uuidv7();

describe('sync protocol v2 messages', () => {
  it('accepts a batch in increasing client sequence and refuses one out of order', () => {
    const mutation = (seq: number) => ({ seq, collection: 'fieldLog', id: uuidv7(), op: 'delete' as const, base: 0 });
    expect(pushRequestSchema.safeParse({ protocolVersion: PROTOCOL_VERSION, clientId, mutations: [mutation(1), mutation(2)] }).success).toBe(true);
    expect(pushRequestSchema.safeParse({ protocolVersion: PROTOCOL_VERSION, clientId, mutations: [mutation(2), mutation(2)] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ protocolVersion: PROTOCOL_VERSION, clientId, mutations: [] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ protocolVersion: PROTOCOL_VERSION, clientId: 'phone-1', mutations: [mutation(1)] }).success).toBe(false);
  });

  it('needs the version every edit started from', () => {
    const { base: _base, ...withoutBase } = { seq: 1, collection: 'fieldLog', id: uuidv7(), op: 'delete' as const, base: 0 };
    expect(pushRequestSchema.safeParse({ protocolVersion: PROTOCOL_VERSION, clientId, mutations: [withoutBase] }).success).toBe(false);
  });

  it('keeps fields it does not know (a newer server can add them)', () => {
    const parsed = pullResponseSchema.parse({
      protocolVersion: 3, cursor: '10.4', hasMore: false, scopesHash: '1-a-b', serverNote: 'mới',
      changes: [{ collection: 'fieldLog', id: uuidv7(), seq: 10, deleted: false, data: { a: 1 }, origin: 'x' }],
    });
    expect(parsed).toMatchObject({ serverNote: 'mới', changes: [{ origin: 'x' }] });
  });

  it('takes a change whose data is an object or null (a tombstone), and refuses any other data', () => {
    const page = (data: unknown) => ({ protocolVersion: 2, cursor: '10.4', hasMore: false, scopesHash: '1-a-b', changes: [{ collection: 'fieldLog', id: uuidv7(), seq: 10, deleted: data === null, data }] });
    expect(pullResponseSchema.parse(page({ note: 'Nhà ông Tư' })).changes[0]!.data).toEqual({ note: 'Nhà ông Tư' });
    expect(pullResponseSchema.parse(page(null)).changes[0]!.data).toBeNull();
    for (const wrong of [['a'], 'Nhà ông Tư', 7, true, undefined]) expect(pullResponseSchema.safeParse(page(wrong)).success).toBe(false);
  });
});

describe('collection registry', () => {
  it('scopes households by hamlet, logs by team (tips to their author) and plans by org unit', () => {
    const hamletId = uuidv7();
    const teamId = uuidv7();
    const household = collections.household.schema.parse({ id: uuidv7(), hamletId, headName: 'Nguyễn Văn An', updatedAt: '' });
    expect(collections.household.scopeOf(household)).toBe(`unit:${hamletId}`);
    const log = collections.fieldLog.schema.parse({
      id: uuidv7(), kind: 'outreach', teamId, memberId: uuidv7(), date: '2026-11-22', householdIds: [uuidv7()],
      topic: 'An toàn giao thông', form: 'meeting', peopleReached: 30, createdAt: '', updatedAt: '',
    });
    expect(collections.fieldLog.scopeOf(log)).toBe(`team:${teamId}`);
    expect(log.reviewStatus).toBe('pending');
    const memberId = uuidv7();
    expect(collections.fieldLog.scopeOf({ ...log, kind: 'tip', memberId } as never)).toBe(`restricted:${teamId}:${memberId}`);
  });

  it('gives Vietnamese messages for a bad outreach log', () => {
    const result = collections.fieldLog.schema.safeParse({
      id: uuidv7(), kind: 'outreach', teamId: uuidv7(), memberId: uuidv7(), date: '2026-11-22', householdIds: [],
      topic: ' ', form: 'meeting', peopleReached: 0, createdAt: '', updatedAt: '',
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => issue.message);
    expect(messages).toEqual(expect.arrayContaining(['Chọn ít nhất một hộ', 'Nhập nội dung tuyên truyền', 'Số người phải từ 1 trở lên']));
  });
});
