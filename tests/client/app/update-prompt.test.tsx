// The update prompt never lets a reload lose typed input or unsent entries.
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UpdatePrompt } from '#src/client/app/update-prompt.tsx';

describe('update prompt', () => {
  it('shows nothing while no new version waits', () => {
    render(<UpdatePrompt isUpdateWaiting={false} hasUnsavedInput={false} pendingCount={0} onUpdate={vi.fn()} />);
    expect(screen.queryByText('Đã có phiên bản mới')).toBeNull();
  });

  it('is blocked while entries wait in the outbox, with the reason beside the button', () => {
    render(<UpdatePrompt isUpdateWaiting hasUnsavedInput={false} pendingCount={3} onUpdate={vi.fn()} />);
    expect(screen.getByText('Đã có phiên bản mới')).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Cập nhật' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(expect.stringContaining('Hãy lưu biểu mẫu và chờ đồng bộ xong'));
  });

  it('is blocked while a form holds unsaved input', () => {
    render(<UpdatePrompt isUpdateWaiting hasUnsavedInput pendingCount={0} onUpdate={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Cập nhật' })).toBeDisabled();
    expect(screen.getByText(/Hãy lưu biểu mẫu và chờ đồng bộ xong/)).toBeInTheDocument();
  });

  it('is blocked while the outbox is still being counted', () => {
    render(<UpdatePrompt isUpdateWaiting hasUnsavedInput={false} pendingCount={undefined} onUpdate={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Cập nhật' })).toBeDisabled();
  });

  it('updates when nothing would be lost', async () => {
    const onUpdate = vi.fn();
    render(<UpdatePrompt isUpdateWaiting hasUnsavedInput={false} pendingCount={0} onUpdate={onUpdate} />);
    expect(screen.queryByText(/Hãy lưu biểu mẫu/)).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Cập nhật' }));
    expect(onUpdate).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Đang cập nhật…' })).toBeDisabled();
  });
});
