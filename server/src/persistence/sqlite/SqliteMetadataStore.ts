/**
 * The metadata store in the embedded SQLite file, beside the documents: the actions of
 * SqlMetadataStore, run synchronously in BEGIN IMMEDIATE transactions and synced off the event loop
 * (SqliteActions.ts), so that a person joining does not stall every meeting's keystrokes.
 */
import { SqlMetadataStore } from '../metadata/SqlMetadataStore.js';
import type { SqliteDatabase } from './database.js';
import { SqliteActions } from './SqliteActions.js';

/** MetadataStore on the SQLite file (better-sqlite3). */
export class SqliteMetadataStore extends SqlMetadataStore {
  readonly name = 'sqlite';

  /** `db` is shared with the SQLite document store; whoever opened it closes it. */
  constructor(db: SqliteDatabase) {
    super(new SqliteActions(db));
  }

  async close(): Promise<void> {
    // The database belongs to whoever opened it (it also holds the documents).
  }
}
