/**
 * Dexie's global configuration, set before any database opens. Imported first by main.tsx.
 *
 * Dexie turns its debug mode on by itself when the page's address is localhost or 127.0.0.1:
 * then every table operation creates a DevTools async task (console.createTask, which captures
 * the JavaScript stack) and runs its callbacks inside it, and some queries log advice. A
 * production build runs the same wherever it is served (a phone at the commune office, a
 * benchmark on 127.0.0.1): debug off. At 4× CPU slowdown that took about 40 ms off an offline
 * cold start. The development server and the tests keep Dexie's own choice.
 */
import Dexie from 'dexie';

if (import.meta.env.PROD) Dexie.debug = false;
