// Renaming and moving units and teams on the management screens, against the real server (demo data
// on an in-memory PGlite, reached through a fetch that injects): commune police rename a hamlet and
// a team and see a duplicate name refused beside the field; a province admin moves a commune under
// a district, never offered the commune itself as its own parent; commune police cannot edit their
// own commune.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminScreen } from '#src/client/features/admin/components/admin-screen.tsx';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { adminPaths } from '#src/shared/domain/admin.ts';
import { freshDb, renderWithDb } from '../test-kit.tsx';
import { login, startTestServer, type TestServer } from '../../sync/support/server-harness.ts';

let server: TestServer;
const links = { unitPath: (id: string) => `/quan-tri/don-vi/${id}`, homePath: '/quan-tri' };

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function online(): void {
  vi.stubGlobal('fetch', server.fetch);
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
}

async function createUnit(token: string | undefined, parentId: string, kind: string, name: string): Promise<string> {
  const answer = await server.fetch(adminPaths.units, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ parentId, kind, name }),
  });
  expect(answer.status).toBe(201);
  return ((await answer.json()) as { id: string }).id;
}

async function unitRow(id: string): Promise<{ name: string; parent_id: string | null }> {
  const rows = await server.database.query<{ name: string; parent_id: string | null }>('SELECT name, parent_id FROM org_units WHERE id = $1', [id]);
  return rows[0]!;
}

describe('editing units and teams', () => {
  it('let commune police rename a hamlet, refusing a name its commune already has', async () => {
    online();
    const { token } = await login(server, 'congan');
    renderWithDb(freshDb(), <AdminScreen token={token ?? null} unitId={DEMO_IDS.hamlets[2]} {...links} />);
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Sửa đơn vị' });
    const name = within(form).getByLabelText('Tên đơn vị');
    expect(within(form).queryByLabelText('Trực thuộc')).not.toBeInTheDocument();
    await user.clear(name);
    await user.type(name, 'Ấp 1');
    await user.click(within(form).getByRole('button', { name: 'Lưu đơn vị' }));
    expect(await within(form).findByText('Đã có “Ấp 1” trong đơn vị này.')).toBeInTheDocument();
    expect((await unitRow(DEMO_IDS.hamlets[2])).name).toBe('Ấp 3');
    await user.clear(name);
    await user.type(name, 'Ấp Ba');
    await user.click(within(form).getByRole('button', { name: 'Lưu đơn vị' }));
    expect(await screen.findByRole('heading', { name: /Ấp Ba/ })).toBeInTheDocument();
    expect((await unitRow(DEMO_IDS.hamlets[2])).name).toBe('Ấp Ba');
  });

  it('let commune police rename a team and correct its founding day, but not edit their own commune', async () => {
    online();
    const { token } = await login(server, 'congan');
    renderWithDb(freshDb(), <AdminScreen token={token ?? null} unitId={DEMO_IDS.commune} {...links} />);
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Sửa thông tin tổ Tổ bảo vệ ANTT Ấp 3' });
    expect(screen.queryByRole('form', { name: 'Sửa đơn vị' })).not.toBeInTheDocument();
    const day = within(form).getByLabelText(/Ngày thành lập/);
    await user.clear(day);
    await user.type(day, '31/02/2024');
    await user.click(within(form).getByRole('button', { name: 'Lưu thông tin tổ' }));
    expect(await within(form).findByText('Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm.')).toBeInTheDocument();
    expect(day).toHaveAttribute('aria-invalid', 'true');
    await user.clear(day);
    await user.type(day, '15/03/2024');
    const name = within(form).getByLabelText('Tên tổ');
    await user.clear(name);
    await user.type(name, 'Tổ bảo vệ ANTT Ấp Ba');
    await user.click(within(form).getByRole('button', { name: 'Lưu thông tin tổ' }));
    expect(await screen.findByRole('heading', { name: 'Tổ bảo vệ ANTT Ấp Ba' })).toBeInTheDocument();
    const rows = await server.database.query<{ name: string; established_on: string | Date }>('SELECT name, established_on FROM teams WHERE id = $1', [DEMO_IDS.teamAp3]);
    expect(rows[0]?.name).toBe('Tổ bảo vệ ANTT Ấp Ba');
    expect(String(rows[0]?.established_on instanceof Date ? rows[0].established_on.toISOString() : rows[0]?.established_on)).toContain('2024-03-1');
  });

  it('let a province admin move a commune under a district, never under itself', async () => {
    online();
    const { token } = await login(server, 'tinh');
    const district = await createUnit(token, DEMO_IDS.province, 'district', 'Huyện Định Quán');
    const commune = await createUnit(token, DEMO_IDS.province, 'commune', 'Xã Phú Hòa');
    renderWithDb(freshDb(), <AdminScreen token={token ?? null} unitId={commune} {...links} />);
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Sửa đơn vị' });
    const parent = within(form).getByLabelText('Trực thuộc');
    await within(parent).findByRole('option', { name: /Huyện Định Quán/ });
    const offered = within(parent).getAllByRole('option').map((option) => option.textContent);
    expect(offered.some((text) => text?.startsWith('Xã Phú Hòa'))).toBe(false);
    expect(offered.some((text) => text?.startsWith('Ấp'))).toBe(false);
    await user.selectOptions(parent, within(parent).getByRole('option', { name: /Huyện Định Quán/ }));
    await user.click(within(form).getByRole('button', { name: 'Lưu đơn vị' }));
    expect(await within(form).findByText('Đã lưu.')).toBeInTheDocument();
    expect((await unitRow(commune)).parent_id).toBe(district);
  });
});
