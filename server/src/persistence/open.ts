/**
 * Where everything is kept, opened once: for the server and for the operator command. With DATABASE_URL,
 * documents and metadata are both in PostgreSQL (one pool) and the SQLite file is not opened at all, so
 * several instances on several machines share one source of truth. Without it, both are in the SQLite
 * file in DATA_DIR.
 */
import type { Config } from '../config.js';
import { type PurgeReport, purgePostgres, purgeSqlite, withSecureDelete } from '../erasure/purge.js';
import type { MetadataStore } from './metadata/types.js';
import { PostgresDocumentStore } from './postgres/PostgresDocumentStore.js';
import { PostgresMetadataStore } from './postgres/PostgresMetadataStore.js';
import { openPool } from './postgres/pool.js';
import { openDatabase } from './sqlite/database.js';
import { SqliteDocumentStore } from './sqlite/SqliteDocumentStore.js';
import { SqliteMetadataStore } from './sqlite/SqliteMetadataStore.js';
import type { DocumentStore } from './types.js';

/** The open stores. */
export interface Persistence {
  /** 'sqlite' or 'postgres'. */
  name: string;
  documents: DocumentStore;
  metadata: MetadataStore;
  /** Resolves if the database answers (a trivial query). */
  ping(): Promise<unknown>;
  /** Wipe the bytes of deleted rows from the database's files (after an erasure; erasure/purge.ts). */
  purge(options?: { full?: boolean }): Promise<PurgeReport>;
  /** Run `work` so that what it deletes is overwritten at once where the store can (SQLite). */
  deleting<T>(work: () => Promise<T>): Promise<T>;
  /** Close both stores and their connection. */
  close(): Promise<void>;
}

/** Open PostgreSQL when DATABASE_URL is set, the SQLite file in DATA_DIR otherwise. */
export async function openPersistence(
  config: Pick<Config, 'dataDir' | 'sqliteSynchronous' | 'databaseUrl' | 'databaseSchema'>,
): Promise<Persistence> {
  if (config.databaseUrl) {
    const options = { schema: config.databaseSchema };
    const pool = openPool(config.databaseUrl, options);
    try {
      const documents = await PostgresDocumentStore.withPool(pool, options);
      const metadata = await PostgresMetadataStore.withPool(pool, options);
      return {
        name: 'postgres',
        documents,
        metadata,
        ping: () => pool.query('SELECT 1'),
        purge: (options) => purgePostgres(pool, options),
        deleting: (work) => work(),
        close: async () => {
          await documents.close();
          await metadata.close();
          await pool.end();
        },
      };
    } catch (error) {
      await pool.end();
      throw error;
    }
  }
  const db = openDatabase(config.dataDir, { synchronous: config.sqliteSynchronous });
  const documents = new SqliteDocumentStore(db, { backgroundCheckpoints: true });
  return {
    name: 'sqlite',
    documents,
    metadata: new SqliteMetadataStore(db),
    ping: async () => db.prepare('SELECT 1').get(),
    purge: () => purgeSqlite(db),
    deleting: (work) => withSecureDelete(db, work),
    close: () => documents.close(),
  };
}
