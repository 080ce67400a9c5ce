/** Everything the embedded database holds, opened once: for the server and for the operator command. */
import type { Config } from '../config.js';
import { AccessRepository } from './access.js';
import { ActivityRepository } from './activity.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { NetworkRepository } from './networks.js';
import { SqliteDocumentStore } from './sqlite.js';

/** The open database and its repositories. */
export interface Persistence {
  db: SqliteDatabase;
  store: SqliteDocumentStore;
  networks: NetworkRepository;
  access: AccessRepository;
  activity: ActivityRepository;
}

/** Open the SQLite file in DATA_DIR with its repositories. */
export function openPersistence(config: Pick<Config, 'dataDir' | 'sqliteSynchronous'>): Persistence {
  const db = openDatabase(config.dataDir, { synchronous: config.sqliteSynchronous });
  return {
    db,
    store: new SqliteDocumentStore(db, { backgroundCheckpoints: true }),
    networks: new NetworkRepository(db),
    access: new AccessRepository(db),
    activity: new ActivityRepository(db),
  };
}
