// No schema message a person can read is zod's own: checks without a message of their own get a
// plain Vietnamese sentence, and a schema's own message still wins.
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldLogSchema } from '#src/shared/domain/field-log.ts';
import { loginRequestSchema } from '#src/shared/domain/account.ts';
import { installVietnameseValidationMessages, vietnameseIssueMessage } from '#src/shared/domain/validation-messages.ts';

beforeAll(() => {
  installVietnameseValidationMessages();
});

function messages(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.') || '_', issue.message]));
}

const validLog = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  teamId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  memberId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d',
  kind: 'outreach',
  date: '2026-03-05',
  householdIds: ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5e'],
  topic: 'Phòng cháy',
  form: 'meeting',
  peopleReached: 3,
  createdAt: '2026-03-05T01:00:00.000Z',
  updatedAt: '2026-03-05T01:00:00.000Z',
};

describe('Vietnamese validation messages', () => {
  it('says a missing team is missing information, not "expected string, received undefined"', () => {
    const found = messages(fieldLogSchema, { ...validLog, teamId: undefined });
    expect(found).toEqual({ teamId: 'Thiếu mã' });
  });

  it('keeps the schema\'s own Vietnamese messages', () => {
    expect(messages(fieldLogSchema, { ...validLog, topic: '  ', householdIds: [] })).toEqual({
      householdIds: 'Chọn ít nhất một hộ',
      topic: 'Nhập nội dung tuyên truyền',
    });
    expect(messages(loginRequestSchema, { username: '', password: 'x' })).toEqual({ username: 'Nhập tên đăng nhập' });
  });

  it('words the checks without a message of their own', () => {
    expect(messages(z.array(z.string()).max(500), Array.from({ length: 501 }, () => 'x'))).toEqual({ _: 'Quá nhiều mục (tối đa 500).' });
    expect(messages(z.string().max(2000), 'x'.repeat(2001))).toEqual({ _: 'Quá dài (tối đa 2.000 ký tự).' });
    expect(messages(z.string().regex(/^\d+$/), 'abc')).toEqual({ _: 'Không đúng định dạng.' });
    expect(messages(fieldLogSchema, { ...validLog, photoIds: 'none' })).toEqual({ photoIds: 'Thông tin không đúng dạng.' });
    expect(messages(z.number().min(1), 0)).toEqual({ _: 'Phải từ 1 trở lên.' });
    expect(messages(z.number(), 'ba')).toEqual({ _: 'Phải là một số.' });
    expect(messages(z.enum(['a', 'b']), 'c')).toEqual({ _: 'Giá trị này không có trong danh sách được chọn.' });
  });

  it('never answers with zod\'s English words, whatever the check', () => {
    const schemas: [z.ZodType, unknown][] = [
      [z.string(), 1], [z.string().min(3), 'a'], [z.string().max(1), 'ab'], [z.email(), 'x'], [z.number().int(), 1.5],
      [z.number().multipleOf(5), 3], [z.array(z.string()).length(2), []], [z.strictObject({ a: z.string() }), { a: 'x', b: 1 }],
      [z.union([z.string(), z.number()]), true], [z.literal('x'), 'y'], [z.boolean(), null], [z.date(), 'x'],
    ];
    for (const [schema, value] of schemas) {
      for (const message of Object.values(messages(schema, value))) {
        expect(message).not.toMatch(/Invalid|expected|received|Too (big|small)|Unrecognized/i);
        expect(message).toBe(message.trim());
      }
    }
    expect(vietnameseIssueMessage({ code: 'custom', input: 1, path: [] })).toBe('Thông tin không hợp lệ.');
  });
});
