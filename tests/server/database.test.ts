import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/test-databases.ts';

forEachDatabase('database', (getDb) => {
  it('return bigint as number, jsonb as objects and timestamptz as Date on both engines', async () => {
    const [row] = await getDb().query<{ big: unknown; count: unknown; data: unknown; at: unknown }>(
      `SELECT 9007199254740991::bigint AS big, (SELECT count(*) FROM org_units) AS count,
              '{"tên": "Ấp 1", "n": [1, 2]}'::jsonb AS data, '2026-01-01T00:00:00Z'::timestamptz AS at`,
    );
    expect(row).toEqual({ big: 9007199254740991, count: 0, data: { tên: 'Ấp 1', n: [1, 2] }, at: new Date('2026-01-01T00:00:00Z') });
  });

  it('commit a transaction when its function resolves and roll it back when it throws', async () => {
    await getDb().exec('CREATE TABLE scratch (n int)');
    await getDb().transaction(async (tx) => {
      await tx.query('INSERT INTO scratch VALUES ($1)', [1]);
    });
    await expect(
      getDb().transaction(async (tx) => {
        await tx.query('INSERT INTO scratch VALUES ($1)', [2]);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await getDb().query('SELECT n FROM scratch')).toEqual([{ n: 1 }]);
  });

  it('run every statement of a transaction on one connection', async () => {
    // A transaction-local setting is visible only on the connection that set it.
    const seen = await getDb().transaction(async (tx) => {
      await tx.query("SELECT set_config('antt.marker', 'here', true)");
      const rows = await tx.query<{ value: string }>("SELECT current_setting('antt.marker', true) AS value");
      return rows[0]?.value;
    });
    expect(seen).toBe('here');
  });
});
