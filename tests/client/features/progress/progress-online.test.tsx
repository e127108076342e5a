// The progress screens' two answers from the real server (Fastify with the demo data on an
// in-memory PGlite, through a fetch that injects): province staff read every commune's figures
// as the server computed them; a leader's phone stores when each member last synced, so the
// screen can say it offline later.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ProgressScreen } from '#src/client/features/progress/components/progress-screen.tsx';
import { DEMO_IDS, demoCampaignPlan } from '#src/server/db/demo-data.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { communeProgressResponseSchema, progressPaths } from '#src/shared/domain/progress-api.ts';
import { freshDb, renderWithDb } from '../test-kit.tsx';
import { login, signIn, startTestServer, type TestServer } from '../../sync/support/server-harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('progress screens online', () => {
  it('shows province staff each commune as the server computed it', async () => {
    vi.stubGlobal('fetch', server.fetch);
    const session = await login(server, 'tinh');
    const db = freshDb();
    await signIn(db, session);
    const plan = demoCampaignPlan(new Date());
    await db.campaignPlan.put(plan);
    const today = dayInVietnam();
    const direct = communeProgressResponseSchema.parse(await (await server.fetch(`${progressPaths.communes}?planId=${plan.planId}&asOfDay=${today}`, {
      headers: { authorization: `Bearer ${session.token}` },
    })).json());
    const first = direct.indicators[0]!;
    const result = first.results.find((candidate) => candidate.communeId === DEMO_IDS.commune)!;

    renderWithDb(db, <ProgressScreen profile={session.profile} params={{}} today={today} />);

    const table = await screen.findByRole('table', { name: /^Kết quả từng xã theo chỉ tiêu/ }, { timeout: 10_000 });
    const row = within(table).getByRole('rowheader', { name: 'Xã Tân Lập' }).closest('tr')!;
    const shown = within(row).getAllByRole('cell')[0]!.textContent;
    expect(shown).toContain(result.denominator === null ? String(result.numerator) : `${result.numerator}/${result.denominator}`);
    expect(screen.getByText(/^Máy chủ tính lúc .*, từ mọi nhật ký đã đồng bộ đến lúc đó\.$/)).toBeInTheDocument();
  });

  it('keeps on a leader\'s phone when each member last synced, as the server said', async () => {
    vi.stubGlobal('fetch', server.fetch);
    const member = await login(server, 'tovien');
    const session = await login(server, 'totruong');
    const db = freshDb();
    await signIn(db, session);
    await db.campaignPlan.put(demoCampaignPlan(new Date()));

    renderWithDb(db, <ProgressScreen profile={session.profile} params={{}} />);

    await waitFor(async () => expect(await db.memberSync.count()).toBeGreaterThan(0));
    const rows = await db.memberSync.toArray();
    expect(rows.every((row) => row.teamId === session.profile.team!.id)).toBe(true);
    expect(rows.find((row) => row.userId === member.profile.user.id)).toMatchObject({ lastSyncAt: null });
  });
});
