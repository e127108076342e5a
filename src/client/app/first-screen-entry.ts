// The script index.html runs first (scripts/first-screen-plugin.ts): see first-screen.ts.
import { HINT_KEY, preloadFirstScreen, showFirstScreen } from './first-screen.ts';

let hint: string | null = null;
try {
  hint = globalThis.localStorage?.getItem(HINT_KEY) ?? null;
} catch {
  // Storage refused by the browser's settings: the app starts as for a new visitor, on the login.
}
preloadFirstScreen(document, hint);
const show = () => showFirstScreen(document, hint, navigator.onLine);
// index.html is small and parsed by now; if not, once it is (the app checks it is not on screen yet).
if (document.body) show();
else document.addEventListener('DOMContentLoaded', show, { once: true });
