/**
 * The first script of a start (scripts/first-screen-plugin.ts puts it at the top of index.html,
 * async: nothing waits for it). Two things, before the app shell has loaded and run:
 *
 * - It asks the browser for the files of the screen the app will open on, beside the app shell,
 *   instead of after the shell has run and asked for them: about 300 ms later at 4× CPU slowdown,
 *   and one more round trip on a new visitor's slow network. When the start hint
 *   (src/client/db/start-hint.ts) says the phone opens on an account's PIN screen, that screen's
 *   files; otherwise (a new visitor, an account without a PIN on this phone) the login's.
 * - It shows that screen at once, from the plain HTML the build wrote into index.html
 *   (first-screen-markup.ts): the PIN screen in the hint's language with the account's name, or
 *   for a new visitor (no hint at all) the login. The person can type while the app loads; the
 *   app's own screen takes over what was typed, where the focus was and a press of the submit
 *   button (first-screen-handoff.ts), and this one goes. `<html data-first-screen>` says which
 *   stands: `shown` (styles.css then hides the app's #root), `done` once the app's took over.
 *
 * It imports nothing, so that it builds into one small file of its own.
 */

/** START_HINT_KEY of start-hint.ts (a test checks they agree; importing it would bring the app with it). */
export const HINT_KEY = 'so-tay-antt-start';
/** The attributes of this script's tag listing the PIN screen's and the login's files, space-separated. */
export const PIN_FILES_ATTRIBUTE = 'data-pin-screen';
export const LOGIN_FILES_ATTRIBUTE = 'data-login-screen';
/** The attribute of `<html>` saying whether the first screen stands (`shown`) or the app's took over (`done`). */
export const STATE_ATTRIBUTE = 'data-first-screen';
/** The id of the element holding the first screen while it stands. */
export const FIRST_SCREEN_ID = 'first-screen';
/** The id of a first screen's template: `first-screen-login`, `first-screen-pin-vi`, `first-screen-pin-en`. */
export const templateId = (screen: 'login' | 'pin', language?: string) => `${FIRST_SCREEN_ID}-${screen}${language ? `-${language}` : ''}`;

/** What the script reads of the hint: the PIN screen's language and name, when it opens on one. */
export function readPinHint(hint: string | null): { language: string; name: string } | null {
  try {
    const value = JSON.parse(hint ?? 'null') as { hasPin?: unknown; language?: unknown; account?: { displayName?: unknown; username?: unknown } | null } | null;
    const account = value?.account;
    if (value?.hasPin !== true || typeof account !== 'object' || !account) return null;
    return { language: String(value.language ?? 'vi'), name: String(account.displayName || account.username || '') };
  } catch {
    return null;
  }
}

/** True when the hint's text says the phone opens on a PIN screen. */
export function opensOnPin(hint: string | null): boolean {
  return readPinHint(hint) !== null;
}

/** Adds a modulepreload link for each file of the screen the phone opens on. */
export function preloadFirstScreen(doc: Document, hint: string | null): void {
  const attribute = opensOnPin(hint) ? PIN_FILES_ATTRIBUTE : LOGIN_FILES_ATTRIBUTE;
  const files = doc.querySelector(`script[${attribute}]`)?.getAttribute(attribute)?.split(' ').filter(Boolean) ?? [];
  for (const href of files) {
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    doc.head.append(link);
  }
}

/**
 * Shows the screen the phone opens on from its template, unless the app is already on screen:
 * the PIN screen when the hint says so (a template in its language, or none), the login when
 * there is no hint at all. With a hint that names no PIN (signed out, an account without a PIN)
 * nothing: what the app shows then (accounts kept on the phone, notices) is not known here.
 */
export function showFirstScreen(doc: Document, hint: string | null, isOnline: boolean): void {
  const html = doc.documentElement;
  const pin = readPinHint(hint);
  const template = doc.getElementById(pin ? templateId('pin', pin.language) : hint ? '' : templateId('login'));
  if (html.hasAttribute(STATE_ATTRIBUTE) || !(template instanceof HTMLTemplateElement)) return;
  const screen = doc.createElement('div');
  screen.id = FIRST_SCREEN_ID;
  screen.lang = template.lang;
  screen.append(template.content.cloneNode(true));
  const name = screen.querySelector('[data-name]');
  if (name) name.textContent = pin?.name ?? '';
  if (!isOnline) screen.querySelector('[data-offline]')?.removeAttribute('hidden');
  const form = screen.querySelector('form')!;
  // The login's box shows the password (the app's PIN field keeps digits only: it strips the rest).
  const password = form.elements.namedItem('password') as HTMLInputElement | null;
  form.addEventListener('change', ({ target }) => {
    if (password && (target as HTMLInputElement).type === 'checkbox') password.type = (target as HTMLInputElement).checked ? 'text' : 'password';
  });
  // Pressed before the app took over: the app does it when it does (first-screen-handoff.ts).
  const button = form.querySelector('button')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    screen.dataset.action = 'submit';
    button.textContent = button.dataset.busy!;
    button.disabled = true;
  });
  screen.querySelector<HTMLElement>('[data-action]')?.addEventListener('click', ({ currentTarget }) => {
    screen.dataset.action = (currentTarget as HTMLElement).dataset.action;
  });
  doc.body.prepend(screen);
  html.setAttribute(STATE_ATTRIBUTE, 'shown');
  screen.querySelector<HTMLElement>('[autofocus]')?.focus();
}
