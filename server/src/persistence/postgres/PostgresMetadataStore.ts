/**
 * The metadata store on PostgreSQL, for several instances sharing one source of truth: the actions of
 * SqlMetadataStore, each write one transaction on one pooled connection (PostgresActions.ts). Times are
 * timestamptz and come back as the same ISO strings the SQLite store returns; ids are the app's, except
 * the serial ids of log entries and versions.
 */
import type pg from 'pg';
import { SqlMetadataStore } from '../metadata/SqlMetadataStore.js';
import { METADATA_SCHEMA } from './migrations.js';
import { PostgresActions } from './PostgresActions.js';
import { migrate, openMigrated, type PostgresOptions } from './pool.js';

export { METADATA_SCHEMA } from './migrations.js';

/** MetadataStore on PostgreSQL (node-postgres pool). */
export class PostgresMetadataStore extends SqlMetadataStore {
  readonly name = 'postgres';

  private constructor(
    private readonly pool: pg.Pool,
    private readonly ownsPool: boolean,
  ) {
    super(new PostgresActions(pool));
  }

  /** Connect with a pool of its own and bring the tables up to date. */
  static async open(connectionString: string, options: PostgresOptions = {}): Promise<PostgresMetadataStore> {
    const pool = await openMigrated(connectionString, METADATA_SCHEMA, options);
    return new PostgresMetadataStore(pool, true);
  }

  /** Use a pool shared with the document store; `close` leaves it open for its owner to end. */
  static async withPool(pool: pg.Pool, options: PostgresOptions = {}): Promise<PostgresMetadataStore> {
    await migrate(pool, METADATA_SCHEMA, options);
    return new PostgresMetadataStore(pool, false);
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}
