/**
 * The PostgreSQL connection pool and schema migrations, shared by the document store and the metadata
 * store. Several instances may start at the same moment against one database: migrations run under an
 * advisory lock, each step in its own transaction, and a table of applied versions says where each part
 * of the schema stands, so each step runs exactly once.
 */
import pg from 'pg';

/** Where to connect, and optionally a schema of its own (tests, or several deployments in one database). */
export interface PostgresOptions {
  schema?: string | undefined;
}

/** A schema name as a quoted identifier; only letters, digits and underscores are accepted. */
function schemaIdentifier(schema: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) {
    throw new Error(`a PostgreSQL schema name is letters, digits and underscores, got "${schema}"`);
  }
  return `"${schema}"`;
}

/** A pool on the database, with the schema (when given) first on the search path of every connection. */
export function openPool(connectionString: string, options: PostgresOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(options.schema ? { options: `-c search_path=${schemaIdentifier(options.schema)}` } : {}),
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next query.
  });
  return pool;
}

/**
 * Bring one part of the schema (`component`: 'documents', 'metadata') up to date. Step n of `steps` runs
 * once, in a transaction with the record that it ran. An advisory lock (per schema) makes an instance
 * that starts while another is migrating wait for it, instead of racing it to CREATE TABLE.
 */
export async function migrate(
  pool: pg.Pool,
  component: string,
  steps: readonly string[],
  options: PostgresOptions = {},
): Promise<void> {
  const client = await pool.connect();
  const lockKey = `polyphony migrations ${options.schema ?? ''}`;
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      if (options.schema)
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schemaIdentifier(options.schema)}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_versions (
           component TEXT PRIMARY KEY,
           version INTEGER NOT NULL,
           migrated_at TIMESTAMPTZ NOT NULL
         )`,
      );
      const current = await client.query<{ version: number }>(
        'SELECT version FROM schema_versions WHERE component = $1',
        [component],
      );
      for (let version = current.rows[0]?.version ?? 0; version < steps.length; version++) {
        await client.query('BEGIN');
        try {
          await client.query(steps[version] as string);
          await client.query(
            `INSERT INTO schema_versions (component, version, migrated_at) VALUES ($1, $2, now())
             ON CONFLICT (component) DO UPDATE SET version = excluded.version, migrated_at = now()`,
            [component, version + 1],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => {
        broken = true;
      });
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // A connection in an unknown state (maybe still holding the lock) is closed, not reused.
    client.release(broken);
  }
}
