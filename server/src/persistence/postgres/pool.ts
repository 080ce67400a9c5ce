/**
 * The PostgreSQL connection pool and schema migrations, shared by the document store and the metadata
 * store. Several instances may start at the same moment against one database: migrations run under an
 * advisory lock, each step in its own transaction, and a table of applied versions says where each part
 * of the schema stands, so each step runs exactly once. The copy from SQLite (sqliteToPostgres/) runs the
 * same steps inside its own single transaction instead.
 */
import pg from 'pg';
import { inTransaction } from './transaction.js';

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

/** Connection settings: the URL, and the schema (when given) first on the search path of the connection. */
export function connectionConfig(connectionString: string, options: PostgresOptions = {}): pg.ClientConfig {
  return {
    connectionString,
    ...(options.schema ? { options: `-c search_path=${schemaIdentifier(options.schema)}` } : {}),
  };
}

/** A pool on the database, with the schema (when given) first on the search path of every connection. */
export function openPool(connectionString: string, options: PostgresOptions = {}): pg.Pool {
  const pool = new pg.Pool({ ...connectionConfig(connectionString, options), max: 10 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next query.
  });
  return pool;
}

/** One part of the schema: its name in schema_versions ('documents', 'metadata') and its steps, in order. */
export interface SchemaPart {
  component: string;
  steps: readonly string[];
}

/** The advisory lock that orders migrations of one schema. */
const lockKey = (options: PostgresOptions) => `polyphony migrations ${options.schema ?? ''}`;

/** The schema itself (when named) and the table of applied versions. */
async function prepareSchema(client: pg.PoolClient | pg.Client, options: PostgresOptions): Promise<void> {
  if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schemaIdentifier(options.schema)}`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS schema_versions (
       component TEXT PRIMARY KEY,
       version INTEGER NOT NULL,
       migrated_at TIMESTAMPTZ NOT NULL
     )`,
  );
}

/**
 * Run the steps of `part` not applied yet, each with the record that it ran; `each` wraps a step (in a
 * transaction of its own, or not).
 */
async function applySteps(
  client: pg.PoolClient | pg.Client,
  { component, steps }: SchemaPart,
  each: (step: () => Promise<void>) => Promise<void>,
): Promise<void> {
  const current = await client.query<{ version: number }>(
    'SELECT version FROM schema_versions WHERE component = $1',
    [component],
  );
  for (let version = current.rows[0]?.version ?? 0; version < steps.length; version++) {
    await each(async () => {
      await client.query(steps[version] as string);
      await client.query(
        `INSERT INTO schema_versions (component, version, migrated_at) VALUES ($1, $2, now())
         ON CONFLICT (component) DO UPDATE SET version = excluded.version, migrated_at = now()`,
        [component, version + 1],
      );
    });
  }
}

/**
 * Bring parts of the schema up to date inside a transaction the caller has begun on `client`, so that
 * they commit or roll back with whatever else it writes (the copy from SQLite). The same advisory lock
 * as `migrate`, held until that transaction ends, makes instances starting meanwhile wait.
 */
export async function migrateInTransaction(
  client: pg.PoolClient | pg.Client,
  parts: readonly SchemaPart[],
  options: PostgresOptions = {},
): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey(options)]);
  await prepareSchema(client, options);
  for (const part of parts) await applySteps(client, part, (step) => step());
}

/**
 * Bring one part of the schema up to date, as an instance does at start. Step n of its steps runs once, in a transaction with the record that it ran. An advisory lock (per schema) makes an instance
 * that starts while another is migrating wait for it, instead of racing it to CREATE TABLE.
 */
export async function migrate(pool: pg.Pool, part: SchemaPart, options: PostgresOptions = {}): Promise<void> {
  const client = await pool.connect();
  const key = lockKey(options);
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    try {
      await prepareSchema(client, options);
      await applySteps(client, part, (step) => inTransaction(client, step));
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => {
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

/** A pool of its own with `part` of the schema brought up to date (a store opened alone); ended if that fails. */
export async function openMigrated(
  connectionString: string,
  part: SchemaPart,
  options: PostgresOptions = {},
): Promise<pg.Pool> {
  const pool = openPool(connectionString, options);
  try {
    await migrate(pool, part, options);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}
