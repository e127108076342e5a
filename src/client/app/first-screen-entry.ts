// The script index.html runs first (scripts/first-screen-plugin.ts): see first-screen.ts.
import { preloadFirstScreen } from './first-screen.ts';

try {
  preloadFirstScreen(document, globalThis.localStorage ?? null);
} catch {
  // Storage refused by the browser's settings: the app starts as for a new visitor, on the login.
  preloadFirstScreen(document, null);
}
