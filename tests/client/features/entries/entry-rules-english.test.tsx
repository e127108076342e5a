// The kinds' cross-field rules in the user's language: English users read English beside the
// field; Vietnamese stays the default, word for word as the server says it.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entryRuleMessages, type EntryRuleKey } from '#src/shared/domain/entry-rules.ts';
import { EntryFormScreen } from '#src/client/features/entries/components/entry-form-screen.tsx';
import { useEntryFormStore } from '#src/client/features/entries/entry-form-store.ts';
import { englishRuleMessages, inLanguage } from '#src/client/features/entries/rule-messages.ts';
import { I18nProvider } from '#src/client/i18n/i18n-context.tsx';
import { freshDb, memberProfile, renderWithDb } from '../test-kit.tsx';

beforeEach(() => {
  useEntryFormStore.setState({ hasUnsavedInput: false, notice: null });
  window.history.pushState(null, '', '/nhat-ky/moi/patrol');
});

describe('cross-field rule messages', () => {
  it('say in Vietnamese exactly what the shared schema says, and have English words of their own', () => {
    for (const [key, message] of Object.entries(entryRuleMessages) as [EntryRuleKey, string][]) {
      expect(inLanguage(message, 'vi')).toBe(message);
      expect(inLanguage(message, 'en')).toBe(englishRuleMessages[key]);
      expect(englishRuleMessages[key]).not.toBe(message);
    }
    expect(englishRuleMessages.patrolTooLong).toBe('A patrol shift lasts at most 24 hours');
    expect(inLanguage('Nhập nội dung tuyên truyền', 'en')).toBe('Nhập nội dung tuyên truyền');
  });

  it('show a patrol that ends before it starts in English beside the end', async () => {
    const user = userEvent.setup();
    renderWithDb(freshDb(), <I18nProvider language="en"><EntryFormScreen profile={memberProfile()} kind="patrol" /></I18nProvider>);
    const endDay = await screen.findByLabelText('Patrol ended: Day');
    for (const [label, value] of [['Patrol started: Day', '05/03/2026'], ['Patrol started: Time', '22:00'], ['Patrol ended: Day', '05/03/2026'], ['Patrol ended: Time', '21:00']]) {
      await user.clear(screen.getByLabelText(label!));
      await user.type(screen.getByLabelText(label!), value!);
    }
    await user.type(screen.getByLabelText('Area or route'), 'Đường liên ấp 1–2');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByLabelText('Patrol ended: Time')).toHaveAccessibleDescription('The end must be after the start');
    expect(endDay).toBeInTheDocument();
    expect(screen.queryByText(entryRuleMessages.patrolEndBeforeStart)).toBeNull();
  });
});
