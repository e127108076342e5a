/**
 * The first script of a start (scripts/first-screen-plugin.ts puts it at the top of index.html,
 * async: nothing waits for it). It asks the browser for the files of the screen the app will
 * open on at once, beside the app shell, instead of after the shell has run and asked for them:
 * about 300 ms later at 4× CPU slowdown, and one more round trip on a new visitor's slow network.
 * When the start hint (src/client/db/start-hint.ts) says the phone opens on an account's PIN
 * screen, that screen's files; otherwise (a new visitor, an account without a PIN on this phone)
 * the login's.
 *
 * It imports nothing, so that it builds into one small file of its own.
 */

/** START_HINT_KEY of start-hint.ts (a test checks they agree; importing it would bring the app with it). */
export const HINT_KEY = 'so-tay-antt-start';
/** The attributes of this script's tag listing the PIN screen's and the login's files, space-separated. */
export const PIN_FILES_ATTRIBUTE = 'data-pin-screen';
export const LOGIN_FILES_ATTRIBUTE = 'data-login-screen';

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

/** Adds a modulepreload link for each file of the screen the phone opens on. */
export function preloadFirstScreen(doc: Document, storage: Pick<Storage, 'getItem'> | null): void {
  const attribute = opensOnPin(storage?.getItem(HINT_KEY) ?? null) ? PIN_FILES_ATTRIBUTE : LOGIN_FILES_ATTRIBUTE;
  const files = doc.querySelector(`script[${attribute}]`)?.getAttribute(attribute)?.split(' ').filter(Boolean) ?? [];
  for (const href of files) {
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    doc.head.append(link);
  }
}
