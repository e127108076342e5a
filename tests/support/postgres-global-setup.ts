/**
 * Vitest globalSetup of the server project: a real PostgreSQL 15 for the suite's PostgreSQL
 * variant. TEST_DATABASE_URL (an admin URL that may CREATE DATABASE) wins; otherwise a throwaway
 * cluster is made with initdb in a temp folder, on a free port of 127.0.0.1, its unix socket in
 * that folder, and removed in teardown. PostgreSQL refuses to run as root, so as root the
 * binaries run as the `postgres` user.
 *
 * When no PostgreSQL can start: with CI=true the run fails loudly; elsewhere the PostgreSQL
 * variant is reported as skipped with the reason (tests/support/test-databases.ts).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './server-process.ts';
import { createPgliteTemplate } from './server-pglite-template.ts';
import { makeDemoDataFolder } from './demo-data-folder.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin connection string of the test PostgreSQL, or null when it could not start. */
    postgresAdminUrl: string | null;
    /** Why there is no PostgreSQL (shown in the skipped suite's name). */
    postgresSkipReason: string | null;
    /** A dump of a migrated PGlite that suites start from (server-pglite-template.ts). */
    pgliteTemplatePath: string;
  }
}

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';


interface Cluster {
  url: string;
  stop(): void;
}

async function startCluster(): Promise<Cluster> {
  if (!existsSync(join(PG_BIN, 'initdb'))) throw new Error(`PostgreSQL binaries not found in ${PG_BIN}`);
  const folder = mkdtempSync(join(tmpdir(), 'antt-pg-'));
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, uid, gid);
  }
  const run = (binary: string, args: string[]) => {
    const [command, fullArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, binary), ...args]] : [join(PG_BIN, binary), args];
    execFileSync(command as string, fullArgs as string[], { stdio: 'pipe', timeout: 60_000 });
  };
  const dataDir = join(folder, 'data');
  const stop = () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped or never started: nothing to stop.
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--no-locale']);
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${folder}`,
      '-c listen_addresses=127.0.0.1',
      // A throwaway cluster: durability buys nothing, speed does.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    run('pg_ctl', ['-D', dataDir, '-o', settings, '-l', join(folder, 'postgres.log'), '-w', '-t', '60', 'start']);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Also here, not PostgreSQL but the same kind of job, made meanwhile: the PGlite template the
  // server and fault suites start from, and the demo server's data folder of the browser suites
  // (demo-data-folder.ts).
  const needsTemplate = project.name === 'server' || project.name === 'faults';
  const creatingTemplate = needsTemplate ? createPgliteTemplate() : Promise.resolve(null);
  const makingDemoFolder = project.name === 'e2e' ? makeDemoDataFolder() : Promise.resolve(null);
  const removeMade = async () => {
    for (const result of await Promise.allSettled([creatingTemplate, makingDemoFolder])) if (result.status === 'fulfilled') result.value?.remove();
  };
  let postgres: (() => void) | undefined;
  try {
    postgres = await setupPostgres(project);
    const [template, demoFolder] = await Promise.all([creatingTemplate, makingDemoFolder]);
    project.provide('pgliteTemplatePath', template?.path ?? '');
    project.provide('demoDataFolder', demoFolder?.path ?? '');
  } catch (error) {
    postgres?.();
    await removeMade();
    throw error;
  }
  return async () => {
    postgres?.();
    await removeMade();
  };
}

async function setupPostgres(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresAdminUrl', given);
    project.provide('postgresSkipReason', null);
    return undefined;
  }
  try {
    const cluster = await startCluster();
    project.provide('postgresAdminUrl', cluster.url);
    project.provide('postgresSkipReason', null);
    return () => cluster.stop();
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    const reason = `PostgreSQL could not start: ${stderr || (error instanceof Error ? error.message : String(error))}`;
    if (process.env.CI === 'true') throw new Error(reason, { cause: error });
    console.warn(`${reason}\nThe PostgreSQL variant of the server tests is skipped.`);
    project.provide('postgresAdminUrl', null);
    project.provide('postgresSkipReason', reason.slice(0, 200));
    return undefined;
  }
}
