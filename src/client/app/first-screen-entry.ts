// The script index.html runs first (scripts/first-screen-plugin.ts): see first-screen.ts.
import { preloadPinScreen } from './first-screen.ts';

try {
  preloadPinScreen(document, globalThis.localStorage ?? null);
} catch {
  // Storage refused by the browser's settings: the screen loads when the app asks for it.
}
