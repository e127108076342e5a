// docs/architecture.md's dependency rules are lint errors, not conventions: this lints small pieces of code as
// if they sat at the given paths and checks that ESLint refuses exactly the forbidden imports.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function lintAt(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules (docs/architecture.md)', () => {
  it('keeps src/shared pure', async () => {
    const errors = await lintAt('src/shared/domain/example.ts', [
      "import Dexie from 'dexie';",
      "import { useState } from 'react';",
      "import { readFile } from 'node:fs';",
      "import { buildApp } from '#src/server/app.ts';",
      'export const all = [Dexie, useState, readFile, buildApp, window.location, process.env];',
    ].join('\n'));
    expect(errors.filter((e) => e.startsWith('no-restricted-imports'))).toHaveLength(4);
    expect(errors.filter((e) => e.startsWith('no-restricted-globals'))).toHaveLength(2);
  });

  it('lets only src/client/db import dexie, and only *-store.ts import zustand', async () => {
    expect(await lintAt('src/client/db/example-repository.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n")).toEqual([]);
    expect(await lintAt('src/client/sync/example.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n")).toHaveLength(1);
    expect(await lintAt('src/client/app/example-store.ts', "import { create } from 'zustand';\nexport const s = create(() => ({}));\n")).toEqual([]);
    expect(await lintAt('src/client/app/example.ts', "import { create } from 'zustand';\nexport const s = create(() => ({}));\n")).toHaveLength(1);
  });

  it('lets only src/server/db talk SQL, and keeps client and server apart', async () => {
    expect(await lintAt('src/server/db/example-repository.ts', "import pg from 'pg';\nexport const p = pg;\n")).toEqual([]);
    expect(await lintAt('src/server/routes/example.ts', "import pg from 'pg';\nexport const p = pg;\n")).toHaveLength(1);
    expect(await lintAt('src/server/routes/example.ts', "import { putRecord } from '#src/client/db/record-repository.ts';\nexport const p = putRecord;\n")).toHaveLength(1);
    expect(await lintAt('src/client/app/example.ts', "import { buildApp } from '#src/server/app.ts';\nexport const b = buildApp;\n")).toHaveLength(1);
  });

  it('keeps presentational components away from data, and no barrel files', async () => {
    expect(await lintAt('src/client/components/example.tsx', "import { useDatabase } from '#src/client/db/database-context.tsx';\nexport const u = useDatabase;\n")).toHaveLength(1);
    expect(await lintAt('src/client/db/index.ts', "export * from './database.ts';\n")).toHaveLength(1);
  });
});

describe('feature isolation (docs/architecture.md rule 3)', () => {
  it('refuses a feature importing another feature, by alias or by relative path', async () => {
    const alias = await lintAt('src/client/features/outreach/components/example.tsx', "import { x } from '#src/client/features/progress/x.ts';\nexport const y = x;\n");
    expect(alias).toEqual([expect.stringContaining('antt/feature-isolation')]);
    const relative = await lintAt('src/client/features/outreach/components/example.tsx', "import { x } from '../../progress/x.ts';\nexport const y = x;\n");
    expect(relative).toEqual([expect.stringContaining('antt/feature-isolation')]);
  });

  it('allows imports within the feature and from shared, db and components', async () => {
    const errors = await lintAt('src/client/features/outreach/components/example.tsx', [
      "import { a } from '../hooks/use-a.ts';",
      "import { b } from '#src/client/features/outreach/b.ts';",
      "import { putRecord } from '#src/client/db/record-repository.ts';",
      "import { uuidv7 } from '#src/shared/domain/ids.ts';",
      'export const all = [a, b, putRecord, uuidv7];',
    ].join('\n'));
    expect(errors.filter((e) => !e.startsWith('import-x/'))).toEqual([]);
  });
});
