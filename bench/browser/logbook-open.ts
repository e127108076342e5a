// Opening the logbook as a leader sees it: the real LogbookScreen mounted over the device
// database in real Chromium, timed from the render call until the count and the first rows of
// the team's entries are on screen (index walk, virtualised list, first rows read).
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { Profile } from '#src/shared/domain/account.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { DatabaseProvider } from '#src/client/db/database-context.tsx';
import { LogbookScreen } from '#src/client/features/entries/components/logbook-screen.tsx';
import { I18nProvider } from '#src/client/i18n/i18n-context.tsx';

function leaderOf(teamId: string): Profile {
  return {
    user: { id: crypto.randomUUID(), username: 'totruong', displayName: 'Trần Thị Bình', role: 'leader' },
    team: { id: teamId, name: 'Tổ bảo vệ ANTT Ấp 1–2' },
    hamlets: [],
    orgUnits: [],
  };
}

/** Resolves when `isReady` holds, checked every frame. */
function whenReady(isReady: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (isReady() ? resolve() : requestAnimationFrame(check));
    check();
  });
}

/** Milliseconds of each opening, the first one cold. */
export async function timeLogbookOpen(db: AnttDatabase, teamId: string, runs: number): Promise<number[]> {
  const profile = leaderOf(teamId);
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const container = document.createElement('div');
    container.style.cssText = 'width: 360px; height: 740px; overflow: auto;';
    document.body.append(container);
    const root = createRoot(container);
    const start = performance.now();
    const screen = createElement(LogbookScreen, { profile });
    root.render(createElement(DatabaseProvider, { db, children: createElement(I18nProvider, { language: 'vi', children: screen }) }));
    await whenReady(() => container.querySelector('.entry-row') !== null && /\d mục/.test(container.textContent ?? ''));
    samples.push(performance.now() - start);
    root.unmount();
    container.remove();
  }
  return samples;
}
