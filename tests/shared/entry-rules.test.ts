// The cross-field rules of the entry kinds carry keys: each broken rule's Vietnamese message is
// found again under its key, so the client can show it in the user's language.
import { describe, expect, it } from 'vitest';
import { entryRuleKeyOf, entryRuleMessages, type EntryRuleKey } from '#src/shared/domain/entry-rules.ts';
import { fieldLogSchema } from '#src/shared/domain/field-log.ts';
import { validEntries } from './kinds/entry-fixtures.ts';

function ruleKeys(record: unknown): Record<string, EntryRuleKey | null> {
  const result = fieldLogSchema.safeParse(record);
  if (result.success) return {};
  const found: Record<string, EntryRuleKey | null> = {};
  for (const issue of result.error.issues) found[issue.path.join('.')] ??= entryRuleKeyOf(issue.message);
  return found;
}

describe('entry rule messages', () => {
  it('are distinct, so a message names one rule', () => {
    const messages = Object.values(entryRuleMessages);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it.each([
    ['patrol', { endAt: validEntries.patrol.startAt }, { endAt: 'patrolEndBeforeStart' }],
    ['patrol', { endAt: '2026-03-07T15:00:00.000Z', startAt: '2026-03-05T15:00:00.000Z' }, { endAt: 'patrolTooLong' }],
    ['incident', { arrivedAt: '2000-01-01T00:00:00.000Z' }, { arrivedAt: 'incidentArrivedBeforeReport' }],
    ['tip', { isAnonymous: true, sourceName: 'Ông Tư' }, { sourceName: 'tipAnonymousWithName' }],
    ['tip', { isAnonymous: false, sourceName: '' }, { sourceName: 'tipSourceMissing' }],
    ['mobilisation', { date: '2000-01-01' }, { date: 'mobilisationDay' }],
  ] as const)('finds the key of a broken %s rule', (kind, change, expected) => {
    expect(ruleKeys({ ...validEntries[kind], ...change })).toMatchObject(expected);
  });

  it('finds no key for a message that is not a cross-field rule\'s', () => {
    expect(entryRuleKeyOf('Nhập nội dung tuyên truyền')).toBeNull();
  });
});
