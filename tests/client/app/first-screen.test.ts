// The first script of a start (src/client/app/first-screen.ts): a phone that opens on its PIN
// screen asks for that screen's files at once; a new visitor's phone, or one whose hint says no
// PIN, asks for the login's.
import { afterEach, describe, expect, it } from 'vitest';
import { HINT_KEY, LOGIN_FILES_ATTRIBUTE, opensOnPin, PIN_FILES_ATTRIBUTE, preloadFirstScreen } from '#src/client/app/first-screen.ts';
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
    preloadFirstScreen(doc, localStorage);
    expect(preloads(doc)).toEqual(FILES);
  });

  it('asks for the login\'s files on a new visitor\'s phone, without a PIN, or with a hint it cannot read', () => {
    for (const hint of [null, JSON.stringify({ language: 'vi', account, hasPin: false }), JSON.stringify({ language: 'vi', account: null, hasPin: true }), '{not json']) {
      if (hint === null) localStorage.removeItem(HINT_KEY);
      else localStorage.setItem(HINT_KEY, hint);
      const doc = page();
      preloadFirstScreen(doc, localStorage);
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
