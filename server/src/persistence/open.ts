/**
 * Where everything is kept, opened once: for the server and for the operator command. With DATABASE_URL,
 * documents and metadata are both in PostgreSQL (one pool) and the SQLite file is not opened at all, so
 * several instances on several machines share one source of truth. Without it, both are in the SQLite
 * file in DATA_DIR.
 */
import type { Config } from '../config.js';
import { openDatabase } from './database.js';
import { PostgresMetadataStore } from './metadata/PostgresMetadataStore.js';
import { SqliteMetadataStore } from './metadata/SqliteMetadataStore.js';
import type { MetadataStore } from './metadata/types.js';
import { PostgresDocumentStore } from './postgres.js';
import { openPool } from './postgresSchema.js';
import { SqliteDocumentStore } from './sqlite.js';
import type { DocumentStore } from './types.js';

/** The open stores. */
export interface Persistence {
  /** 'sqlite' or 'postgres'. */
  name: string;
  documents: DocumentStore;
  metadata: MetadataStore;
  /** Resolves if the database answers (a trivial query). */
  ping(): Promise<unknown>;
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
    close: () => documents.close(),
  };
}
