/**
 * The app's side of the first screen (src/client/app/first-screen.ts): the PIN screen or login
 * shown from index.html before the app loaded. It goes as the app's frame (app-shell.tsx) mounts,
 * in a layout effect: before the browser paints, so nothing flickers or moves. The app's PIN
 * screen and login first take over what the person did there (first-screen-takeover.ts, loaded
 * with them: a child's effects run before its parent's).
 */
import { useLayoutEffect } from 'react';

/** first-screen.ts's own (a test checks they agree; it imports nothing, to build on its own). */
export const FIRST_SCREEN_ID = 'first-screen';
export const STATE_ATTRIBUTE = 'data-first-screen';

/** True while the first screen stands in for the app's. */
export function isFirstScreenShown(doc: Document = document): boolean {
  return doc.documentElement.getAttribute(STATE_ATTRIBUTE) === 'shown';
}

/** Removes the first screen, if it stands, and shows the app's; after this none will show. */
export function releaseFirstScreen(doc: Document = document): void {
  doc.getElementById(FIRST_SCREEN_ID)?.remove();
  doc.documentElement.setAttribute(STATE_ATTRIBUTE, 'done');
}

/** Releases the first screen, if one stood, as the calling component mounts (whatever it shows). */
export function useReleaseFirstScreen(): void {
  useLayoutEffect(() => releaseFirstScreen(), []);
}
