/**
 * Moving a deployment from the SQLite file in DATA_DIR into PostgreSQL, for operators who started on
 * one machine and now want several instances (`pnpm polyphony migrate-to-postgres`).
 *
 * All or nothing: everything happens in one PostgreSQL transaction — creating the schema with the
 * stores' own migration steps, copying every row with its id and times, moving the serial sequences on,
 * and checking the copy against the file — and is committed only when the check finds no difference.
 * A refusal, a failure or an interrupted run leaves the target as it was.
 *
 * The file must be at rest: it is opened with an exclusive lock, which fails while a server (or another
 * command) has it open, and keeps a server from opening it until the copy is done. The file's content
 * is not changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { DOCUMENTS_SCHEMA } from '../postgres/PostgresDocumentStore.js';
import { METADATA_SCHEMA } from '../postgres/PostgresMetadataStore.js';
import { connectionConfig, migrateInTransaction, type SchemaPart } from '../postgres/pool.js';
import { CommitFailed, inTransaction } from '../postgres/transaction.js';
import { DATABASE_FILE, SCHEMA_VERSION, type SqliteDatabase } from '../sqlite/database.js';
import { advanceSequences, copyTable, quote } from './copyTables.js';
import { TABLES } from './tables.js';
import { compareDocuments, compareTable } from './verifyCopy.js';

/** The parts of the PostgreSQL schema, as the server creates them at start. */
const SCHEMA_PARTS: readonly SchemaPart[] = [DOCUMENTS_SCHEMA, METADATA_SCHEMA];

/** How long to wait for PostgreSQL to answer, or for a lock someone else holds. */
const CONNECT_TIMEOUT_MS = 10_000;
const LOCK_TIMEOUT = '10s';

/** The copy was refused before anything was written: bad input, a file in use, a target with data. */
export class MigrationRefused extends Error {
  override readonly name = 'MigrationRefused';
}

/** The copy failed, or its check found a difference; the transaction was rolled back. */
export class MigrationFailed extends Error {
  override readonly name = 'MigrationFailed';
}

/** Where to copy from and to (DATA_DIR, DATABASE_URL, DATABASE_SCHEMA). */
export interface MigrationOptions {
  dataDir: string;
  databaseUrl: string | undefined;
  schema: string | undefined;
}

/** What was copied and checked. */
export interface MigrationSummary {
  /** The SQLite file. */
  source: string;
  /** DATABASE_URL without its password. */
  target: string;
  schema: string | null;
  /** Rows per kind (networks, people, meetings, links …), equal on both sides. */
  rows: Record<string, number>;
  /** Meeting documents, each the same Yjs document on both sides. */
  documents: number;
}

/** A connection string fit to print: the password replaced. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

/** Open the file with an exclusive lock; refuses when it is missing, in use, or of another version. */
function openSource(dataDir: string): { db: SqliteDatabase; file: string } {
  if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) {
    throw new MigrationRefused(
      `DATA_DIR ${dataDir} is not a folder; set DATA_DIR to the server's data folder`,
    );
  }
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) throw new MigrationRefused(`there is no ${DATABASE_FILE} in DATA_DIR ${dataDir}`);
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 1000');
    // In WAL mode every open connection holds a shared lock on the file for as long as it is open, so
    // an exclusive one is granted only when no server or other command has the file open — and keeps
    // any from opening it until it is released.
    db.pragma('locking_mode = EXCLUSIVE');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) {
      throw new MigrationRefused(
        version < SCHEMA_VERSION
          ? `${file} is from an older Polyphony (schema ${version}, this one has ${SCHEMA_VERSION}): start this version's server on it once, stop it, and run this again`
          : `${file} is from a newer Polyphony (schema ${version}, this one knows ${SCHEMA_VERSION}): use that version's command`,
      );
    }
    checkTables(db, file);
    return { db, file };
  } catch (error) {
    db?.close();
    if (error instanceof MigrationRefused) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY') {
      throw new MigrationRefused(
        `${file} is in use: stop the Polyphony server (and any other command) using DATA_DIR ${dataDir} first`,
      );
    }
    throw new MigrationRefused(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Every table and column of the file must be one the copy knows; anything else would be left behind. */
function checkTables(db: SqliteDatabase, file: string): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  for (const name of tables) {
    const known = TABLES.find((table) => table.name === name);
    if (!known)
      throw new MigrationRefused(`${file} has a table "${name}" this command does not know how to copy`);
    const columns = (db.pragma(`table_info(${name})`) as { name: string }[]).map((column) => column.name);
    const copied = known.columns.filter((column) => !column.sqlite).map((column) => column.name);
    const unknown = columns.filter((column) => !copied.includes(column));
    if (unknown.length > 0 || copied.length !== columns.length) {
      throw new MigrationRefused(
        `${file}: the table "${name}" has the columns ${columns.join(', ')}; this command copies ${copied.join(', ')}`,
      );
    }
  }
}

/** The target's connection settings; refuses a missing URL, one that is not PostgreSQL's, a bad schema name. */
function targetConfig({ databaseUrl: url, schema }: MigrationOptions): pg.ClientConfig {
  if (!url) {
    throw new MigrationRefused(
      'set DATABASE_URL (and DATABASE_SCHEMA, if the servers will use one) to the PostgreSQL to copy into',
    );
  }
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // not a URL at all
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new MigrationRefused('DATABASE_URL must be a postgres://user:password@host:port/database URL');
  }
  try {
    return { ...connectionConfig(url, { schema }), connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
  } catch (error) {
    throw new MigrationRefused(`DATABASE_SCHEMA: ${(error as Error).message}`);
  }
}

/** Connect to the target; refuses when PostgreSQL does not answer or does not let us in. */
async function connect(config: pg.ClientConfig, url: string): Promise<pg.Client> {
  const client = new pg.Client(config);
  client.on('error', () => {
    // A lost connection also fails the query in progress, which reports it.
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new MigrationRefused(
      `cannot connect to PostgreSQL at ${withoutPassword(url)}: ${(error as Error).message}`,
    );
  }
  return client;
}

/** Names of the target's Polyphony tables that hold rows. */
async function tablesWithRows(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    TABLES.map(
      (table) => `SELECT '${table.name}' AS name WHERE EXISTS (SELECT 1 FROM ${quote(table.name)})`,
    ).join(' UNION ALL '),
  );
  return result.rows.map((row) => row.name);
}

/**
 * Copy the SQLite deployment in `dataDir` into PostgreSQL and check it. Throws MigrationRefused when it
 * will not start (nothing written), MigrationFailed when the copy or its check failed (rolled back).
 */
export async function migrateToPostgres(options: MigrationOptions): Promise<MigrationSummary> {
  const config = targetConfig(options);
  const url = options.databaseUrl as string;
  const source = openSource(options.dataDir);
  try {
    const client = await connect(config, url);
    try {
      const copied = await inTransaction(client, async () => {
        await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
        return copyAndCheck(source.db, client, options.schema);
      });
      return { source: source.file, target: withoutPassword(url), schema: options.schema ?? null, ...copied };
    } catch (error) {
      if (error instanceof MigrationRefused || error instanceof MigrationFailed) throw error;
      if (error instanceof CommitFailed) {
        // The answer to COMMIT was lost: PostgreSQL may or may not have committed.
        throw new MigrationFailed(
          `committing failed (${error.message}); whether the copy was kept is unknown: run this again, which refuses if it was`,
        );
      }
      throw new MigrationFailed(`${(error as Error).message}; nothing was written`);
    } finally {
      await client.end().catch(() => undefined);
    }
  } finally {
    source.db.close();
  }
}

/** Inside the transaction: schema, refusal checks, copy, sequences, check. */
async function copyAndCheck(
  db: SqliteDatabase,
  client: pg.Client,
  schema: string | undefined,
): Promise<Pick<MigrationSummary, 'rows' | 'documents'>> {
  try {
    await migrateInTransaction(client, SCHEMA_PARTS, { schema });
  } catch (error) {
    throw new MigrationFailed(`creating the tables failed: ${(error as Error).message}; nothing was written`);
  }
  const versions = await client.query<{ component: string; version: number }>(
    'SELECT component, version FROM schema_versions',
  );
  for (const part of SCHEMA_PARTS) {
    const version = versions.rows.find((row) => row.component === part.component)?.version;
    if (version !== part.steps.length) {
      throw new MigrationRefused(
        `the target's ${part.component} tables are at version ${version}, this Polyphony's at ${part.steps.length}: use the matching version`,
      );
    }
  }
  // Nobody else writes these tables until the copy is committed (or rolled back).
  await client.query(`LOCK TABLE ${TABLES.map((table) => quote(table.name)).join(', ')} IN EXCLUSIVE MODE`);
  const occupied = await tablesWithRows(client);
  if (occupied.length > 0) {
    throw new MigrationRefused(
      `the target already holds Polyphony data (in ${occupied.join(', ')}); copy only into an empty database or a new DATABASE_SCHEMA`,
    );
  }
  for (const table of TABLES) {
    try {
      await copyTable(db, client, table);
    } catch (error) {
      throw new MigrationFailed(
        `copying ${table.name} failed: ${(error as Error).message}; nothing was written`,
      );
    }
  }
  await advanceSequences(db, client);

  const rows: Record<string, number> = {};
  const problems: string[] = [];
  for (const table of TABLES) {
    const compared = await compareTable(db, client, table);
    rows[table.kind] = compared.rows;
    if (compared.problem) problems.push(compared.problem);
  }
  const documents = await compareDocuments(db, client);
  problems.push(...documents.problems);
  if (problems.length > 0) {
    throw new MigrationFailed(
      `the copy in PostgreSQL does not match the SQLite file, so it was rolled back:\n  ${problems.join('\n  ')}`,
    );
  }
  return { rows, documents: documents.documents };
}
