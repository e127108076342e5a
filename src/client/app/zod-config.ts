/**
 * zod's global configuration, set before zod itself loads: zod adopts the object it finds at
 * `globalThis.__zod_globalConfig`. So the app shell needs no zod at all (zod arrives with the
 * first screen or sync module that validates), and every schema, whenever its module loads:
 * - never probes `new Function` to compile faster validators (the CSP forbids eval, and the
 *   probe alone would report a CSP violation on every page; the interpreted path is fast enough);
 * - speaks Vietnamese when it has no message of its own (vietnameseIssueMessage).
 * Imported first by main.tsx, and by App.tsx for screens rendered without main.
 */
import type { z } from 'zod';
import { vietnameseIssueMessage } from '#src/shared/domain/validation-messages.ts';

declare global {
  var __zod_globalConfig: z.core.$ZodConfig | undefined;
}

// Mutated, not replaced: a zod already loaded holds the object it adopted.
Object.assign((globalThis.__zod_globalConfig ??= {}), { jitless: true, customError: vietnameseIssueMessage });
