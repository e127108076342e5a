// The first script of a start (src/client/app/first-screen.ts): a phone that opens on its PIN
// screen asks for that screen's files at once; a new visitor's phone, or one whose hint says no
// PIN, asks for the login's.
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_SCREEN_ID, HINT_KEY, LOGIN_FILES_ATTRIBUTE, opensOnPin, PIN_FILES_ATTRIBUTE, preloadFirstScreen, showFirstScreen, STATE_ATTRIBUTE } from '#src/client/app/first-screen.ts';
import { firstScreenTemplates } from '#src/client/app/first-screen-markup.ts';
import * as handoff from '#src/client/components/first-screen-handoff.ts';
import { takeFirstScreen } from '#src/client/components/first-screen-takeover.ts';
import { en } from '#src/client/i18n/en.ts';
import { vi } from '#src/client/i18n/vi.ts';
import { START_HINT_KEY, writeStartHint } from '#src/client/db/start-hint.ts';

const FILES = ['/assets/pin-entry-screen-a1.js', '/assets/field-b2.js'];
const LOGIN_FILES = ['/assets/login-screen-c3.js', '/assets/field-b2.js'];
const account = { userId: 'u1', username: 'tovien', displayName: 'Hoàng Văn Tổ', dbName: 'so-tay-antt-user-u1', lastActiveAt: '2026-12-01T00:00:00.000Z', role: 'member' as const };

function page(): Document {
  const doc = document.implementation.createHTMLDocument('Sổ tay ANTT');
  const script = doc.createElement('script');
  script.setAttribute(PIN_FILES_ATTRIBUTE, FILES.join(' '));
  script.setAttribute(LOGIN_FILES_ATTRIBUTE, LOGIN_FILES.join(' '));
  doc.head.append(script);
  return doc;
}

const preloads = (doc: Document) => [...doc.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.getAttribute('href'));

afterEach(() => localStorage.clear());

describe('the first screen of a start', () => {
  it('reads the hint where the app writes it', () => {
    expect(HINT_KEY).toBe(START_HINT_KEY);
  });

  it('asks for the PIN screen\'s files when the hint the app wrote says the phone opens on a PIN', () => {
    writeStartHint({ language: 'vi', account, hasPin: true });
    const doc = page();
    preloadFirstScreen(doc, localStorage.getItem(HINT_KEY));
    expect(preloads(doc)).toEqual(FILES);
  });

  it('asks for the login\'s files on a new visitor\'s phone, without a PIN, or with a hint it cannot read', () => {
    for (const hint of [null, JSON.stringify({ language: 'vi', account, hasPin: false }), JSON.stringify({ language: 'vi', account: null, hasPin: true }), '{not json']) {
      if (hint === null) localStorage.removeItem(HINT_KEY);
      else localStorage.setItem(HINT_KEY, hint);
      const doc = page();
      preloadFirstScreen(doc, localStorage.getItem(HINT_KEY));
      expect(preloads(doc), String(hint)).toEqual(LOGIN_FILES);
      expect(opensOnPin(hint)).toBe(false);
    }
  });

  it('asks for the login\'s files when the browser gives no storage', () => {
    const doc = page();
    preloadFirstScreen(doc, null);
    expect(preloads(doc)).toEqual(LOGIN_FILES);
  });
});

describe('the first screen shown before the app loads', () => {
  /** The page as it loads (the test's own document, where focus works), the script run with `hint`. */
  function loading(hint: string | null, isOnline = true): Document {
    const doc = document;
    doc.head.innerHTML = firstScreenTemplates({ vi, en });
    doc.body.innerHTML = '<div id="root"></div>';
    doc.documentElement.removeAttribute(STATE_ATTRIBUTE);
    showFirstScreen(doc, hint, isOnline);
    return doc;
  }
  const shown = (doc: Document) => doc.getElementById(FIRST_SCREEN_ID);
  const pinHint = (language: string, displayName: string) => JSON.stringify({ language, account: { ...account, displayName }, hasPin: true });

  it('agrees with the app on the names it shares', () => {
    expect([FIRST_SCREEN_ID, STATE_ATTRIBUTE]).toEqual([handoff.FIRST_SCREEN_ID, handoff.STATE_ATTRIBUTE]);
  });

  it('shows the PIN screen in the hint\'s language, with the account\'s name as text, its field focused', () => {
    const doc = loading(pinHint('vi', '<b>Hoàng</b> Văn Tổ'));
    expect(shown(doc)?.querySelector('h1')?.textContent).toBe('Nhập mã PIN');
    expect(shown(doc)?.querySelector('p')?.textContent).toBe('Dữ liệu của <b>Hoàng</b> Văn Tổ trên máy này đang được khoá. Nhập mã PIN để mở.');
    expect(shown(doc)?.querySelector('b')).toBeNull();
    expect(doc.activeElement?.getAttribute('name')).toBe('pin');
    expect(doc.documentElement.getAttribute(STATE_ATTRIBUTE)).toBe('shown');

    const english = loading(pinHint('en', 'Lê Thị Bảy'));
    expect(shown(english)?.lang).toBe('en');
    expect(shown(english)?.querySelector('h1')?.textContent).toBe('Enter your PIN');
    expect(shown(english)?.querySelector('p')?.textContent).toContain('The data of Lê Thị Bảy on this phone');
  });

  it('shows a new visitor the login, with the offline notice when offline', () => {
    const online = loading(null);
    expect(shown(online)?.querySelector('h1')?.textContent).toBe('Đăng nhập');
    expect(shown(online)?.querySelector<HTMLElement>('[data-offline]')?.hidden).toBe(true);
    expect(loading(null, false).querySelector<HTMLElement>('[data-offline]')?.hidden).toBe(false);
  });

  it('shows nothing when the phone is signed out or its account has no PIN: the app knows what to show then', () => {
    for (const hint of [JSON.stringify({ language: 'vi', account: null, hasPin: false }), JSON.stringify({ language: 'vi', account, hasPin: false })]) {
      const doc = loading(hint);
      expect(shown(doc), hint).toBeNull();
      expect(doc.documentElement.hasAttribute(STATE_ATTRIBUTE)).toBe(false);
    }
  });

  it('shows nothing once the app is on screen', () => {
    const doc = document.implementation.createHTMLDocument('Sổ tay ANTT');
    doc.head.insertAdjacentHTML('beforeend', firstScreenTemplates({ vi, en }));
    handoff.releaseFirstScreen(doc);
    showFirstScreen(doc, null, true);
    expect(shown(doc)).toBeNull();
  });

  it('marks a submit it cannot do yet for the app to do', () => {
    const doc = loading(pinHint('vi', 'Hoàng Văn Tổ'));
    const field = shown(doc)!.querySelector<HTMLInputElement>('input[name="pin"]')!;
    field.value = '1234';
    const form = shown(doc)!.querySelector('form')!;
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const button = form.querySelector('button')!;
    expect([button.textContent, button.disabled]).toEqual(['Đang mở khoá…', true]);

    const taken = takeFirstScreen('pin', doc);
    expect(taken).toEqual({ values: { pin: '1234' }, checked: {}, focused: 'pin', action: 'submit' });
    expect(shown(doc)).toBeNull();
    expect(doc.documentElement.getAttribute(STATE_ATTRIBUTE)).toBe('done');
  });

  it('gives the app nothing of a screen it does not show, and still goes', () => {
    const doc = loading(pinHint('vi', 'Hoàng Văn Tổ'));
    expect(takeFirstScreen('username', doc)).toBeUndefined();
    expect(shown(doc)).toBeNull();
  });
});
