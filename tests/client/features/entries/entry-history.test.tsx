// The change history on an entry's view: loaded online when opened, each change in Vietnamese
// with who, when, the device, the fields and the values before; offline it says it needs the network.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntryHistory } from '#src/client/features/entries/components/entry-history.tsx';
import { freshDb, renderWithDb } from '../test-kit.tsx';

const ENTRY_ID = '0190a000-0000-7000-8000-0000000000aa';
const answer = {
  changes: [
    { version: 5, at: '2026-03-14T02:00:00.000Z', userId: 'u1', userName: 'Nguyễn Văn An', clientId: '0190a000-0000-7000-8000-00000000c1c1', changed: null, deleted: false, previous: null },
    { version: 9, at: '2026-03-15T03:30:00.000Z', userId: 'u1', userName: 'Nguyễn Văn An', clientId: '0190a000-0000-7000-8000-00000000c1c1', changed: ['note'], deleted: false, previous: { note: 'cũ' } },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('entry history', () => {
  it('lists every change with who, when, the device and the values before, once opened online', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    renderWithDb(freshDb(), <EntryHistory entryId={ENTRY_ID} />);
    expect(fetch).not.toHaveBeenCalled();
    await userEvent.setup().click(screen.getByText('Lịch sử thay đổi'));
    expect(await screen.findByText('Tạo nhật ký')).toBeInTheDocument();
    expect(screen.getByText('Sửa: note')).toBeInTheDocument();
    expect(screen.getByText('Giá trị trước đó: note: "cũ"')).toBeInTheDocument();
    expect(screen.getByText('15/03/2026 10:30 · Nguyễn Văn An · thiết bị …0000c1c1')).toBeInTheDocument();
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/entries/${ENTRY_ID}/history`);
    expect(new Headers(init.headers).get('x-so-tay')).toBe('1');
  });

  it('says the history needs the network when offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderWithDb(freshDb(), <EntryHistory entryId={ENTRY_ID} />);
    await userEvent.setup().click(screen.getByText('Lịch sử thay đổi'));
    expect(screen.getByText('Cần kết nối mạng để xem lịch sử thay đổi.')).toBeInTheDocument();
  });
});
