/**
 * Schemas of their own for tests against the test PostgreSQL: a fresh name, dropping it afterwards, and
 * a fingerprint of everything in it (tables, their rows, constraints, triggers and sequences) to show
 * that something left it exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TEST_DATABASE_URL } from './services.js';

/** A schema name no other test uses. */
export const newSchemaName = (prefix: string) => `${prefix}_${randomBytes(5).toString('hex')}`;

/** Run `work` on a plain connection to the test database. */
export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drop a test schema and everything in it. */
export function dropSchema(schema: string): Promise<void> {
  return withAdmin(async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });
}

/** Everything a schema holds, as one comparable value; null when the schema does not exist. */
export function fingerprint(schema: string): Promise<Record<string, unknown> | null> {
  return withAdmin(async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) return null;
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema],
    );
    const result: Record<string, unknown> = {};
    for (const { table_name: table } of tables.rows) {
      const rows = await client.query<{ n: string; digest: string | null }>(
        `SELECT COUNT(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${schema}.${table} t`,
      );
      result[`rows ${table}`] = rows.rows[0];
    }
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS on_table, conname, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE connamespace = $1::regnamespace ORDER BY 1, 2`,
      [schema],
    );
    result.constraints = constraints.rows;
    const triggers = await client.query(
      `SELECT tgrelid::regclass::text AS on_table, tgname FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = $1::regnamespace AND NOT tgisinternal
       ORDER BY 1, 2`,
      [schema],
    );
    result.triggers = triggers.rows;
    const sequences = await client.query<{ sequencename: string; last_value: string | null }>(
      'SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = $1 ORDER BY 1',
      [schema],
    );
    result.sequences = sequences.rows;
    return result;
  });
}
