/**
 * The PostgreSQL runner of the metadata actions against a real PostgreSQL: a write's statements are one
 * transaction on one connection, which other instances see only once it has committed, and of which a
 * failure leaves nothing.
 */
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, newSchemaName } from '../../../../tests/integration/helpers/postgresSchemas.js';
import { postgresForSuite, TEST_DATABASE_URL } from '../../../../tests/integration/helpers/services.js';
import { type Action, changes, row, sql } from '../actions/sql.js';
import { PostgresActions } from './PostgresActions.js';
import { openPool } from './pool.js';

const available = await postgresForSuite('PostgreSQL actions');
const schema = newSchemaName('actions');

async function poolWithTable(): Promise<pg.Pool> {
  const pool = openPool(TEST_DATABASE_URL, { schema });
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await pool.query('CREATE TABLE IF NOT EXISTS notes (id TEXT PRIMARY KEY)');
  await pool.query('TRUNCATE notes');
  return pool;
}

const count = async (pool: pg.Pool) =>
  Number((await pool.query('SELECT COUNT(*) AS n FROM notes')).rows[0].n);

function* addNote(id: string): Action<void> {
  yield* changes(sql`INSERT INTO notes (id) VALUES (${id})`);
}

describe.runIf(available)('PostgreSQL actions', () => {
  afterAll(() => dropSchema(schema));

  it('[PG1] a write is one transaction: another connection sees none of it until it has committed', async () => {
    const pool = await poolWithTable();
    try {
      let seenMeanwhile: Promise<number> | undefined;
      await new PostgresActions(pool).write(
        (function* () {
          yield* addNote('a');
          // Between two statements of the action, another instance looks.
          seenMeanwhile = count(pool);
          yield* row(sql`SELECT pg_sleep(0.2)`);
          yield* addNote('b');
        })(),
      );
      expect(await seenMeanwhile).toBe(0);
      expect(await count(pool)).toBe(2);
    } finally {
      await pool.end();
    }
  });

  it('[PG2] a statement that fails takes the earlier ones with it; the pool carries on', async () => {
    const pool = await poolWithTable();
    try {
      const actions = new PostgresActions(pool);
      const failing = actions.write(
        (function* () {
          yield* addNote('a');
          yield* addNote('a');
        })(),
      );
      await expect(failing).rejects.toMatchObject({ code: '23505' });
      expect(await count(pool)).toBe(0);
      await actions.write(addNote('c'));
      expect(await actions.read(row<{ id: string }>(sql`SELECT id FROM notes`))).toEqual({ id: 'c' });
    } finally {
      await pool.end();
    }
  });
});
