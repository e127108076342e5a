/**
 * The first script of a start (scripts/first-screen-plugin.ts puts it at the top of index.html,
 * async: nothing waits for it). When the start hint (src/client/db/start-hint.ts) says the phone
 * opens on an account's PIN screen, it asks the browser for that screen's files at once, beside
 * the app shell, instead of after the shell has run and asked for them: about 300 ms later at 4×
 * CPU slowdown. A new visitor's phone, with no hint, fetches nothing more.
 *
 * It imports nothing, so that it builds into one small file of its own.
 */

/** START_HINT_KEY of start-hint.ts (a test checks they agree; importing it would bring the app with it). */
export const HINT_KEY = 'so-tay-antt-start';
/** The attribute of this script's tag listing the PIN screen's files, space-separated. */
export const PIN_FILES_ATTRIBUTE = 'data-pin-screen';

/** True when the hint's text says the phone opens on a PIN screen. */
export function opensOnPin(hint: string | null): boolean {
  if (!hint) return false;
  try {
    const value = JSON.parse(hint) as { hasPin?: unknown; account?: unknown } | null;
    return value?.hasPin === true && typeof value.account === 'object' && value.account !== null;
  } catch {
    return false;
  }
}

/** Adds a modulepreload link for each of the PIN screen's files when the phone opens on it. */
export function preloadPinScreen(doc: Document, storage: Pick<Storage, 'getItem'> | null): void {
  const files = doc.querySelector(`script[${PIN_FILES_ATTRIBUTE}]`)?.getAttribute(PIN_FILES_ATTRIBUTE)?.split(' ').filter(Boolean) ?? [];
  if (files.length === 0 || !opensOnPin(storage?.getItem(HINT_KEY) ?? null)) return;
  for (const href of files) {
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    doc.head.append(link);
  }
}
