// The confirmation after a save: announced (the live region fills after it mounts), and closed
// by the user or by the next form.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SavedNotice } from '#src/client/features/entries/components/saved-notice.tsx';
import { useEntryFormStore } from '#src/client/features/entries/entry-form-store.ts';

beforeEach(() => {
  useEntryFormStore.setState({ hasUnsavedInput: false, notice: null, savedId: null });
});

describe('saved notice', () => {
  it('announces the confirmation of the last save, and closes on request', async () => {
    useEntryFormStore.setState({ notice: 'Đã lưu. Sẽ gửi lên khi có mạng.', savedId: 'x' });
    render(<SavedNotice />);
    const status = screen.getByRole('status');
    // The region mounts empty and the text follows, so screen readers announce it.
    expect(status).toHaveTextContent('');
    await waitFor(() => expect(status).toHaveTextContent('Đã lưu. Sẽ gửi lên khi có mạng.'));

    await userEvent.setup().click(screen.getByRole('button', { name: 'Đóng' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(''));
    expect(useEntryFormStore.getState()).toMatchObject({ notice: null, savedId: null });
    expect(screen.queryByRole('button', { name: 'Đóng' })).toBeNull();
  });
});
