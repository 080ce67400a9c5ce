/**
 * The metadata store on PostgreSQL, for several instances sharing one source of truth: the actions of
 * SqlMetadataStore, each write one transaction on one pooled connection (PostgresActions.ts). Times are
 * timestamptz and come back as the same ISO strings the SQLite store returns; ids are the app's, except
 * the serial ids of log entries and versions.
 */
import type pg from 'pg';
import { SqlMetadataStore } from '../metadata/SqlMetadataStore.js';
import { PostgresActions } from './PostgresActions.js';
import { migrate, openPool, type PostgresOptions, type SchemaPart } from './pool.js';

export const METADATA_SCHEMA: SchemaPart = {
  component: 'metadata',
  steps: [
    `CREATE TABLE networks (
     id TEXT PRIMARY KEY,
     centre_name TEXT NOT NULL,
     created_at TIMESTAMPTZ NOT NULL
   );
   CREATE TABLE participants (
     id TEXT PRIMARY KEY,
     seq BIGSERIAL NOT NULL,
     network_id TEXT NOT NULL REFERENCES networks (id),
     name TEXT NOT NULL,
     relation TEXT NOT NULL,
     role TEXT NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     last_seen_at TIMESTAMPTZ
   );
   CREATE INDEX participants_by_network ON participants (network_id, created_at, seq);
   CREATE TABLE meetings (
     id TEXT PRIMARY KEY,
     network_id TEXT NOT NULL REFERENCES networks (id),
     number INTEGER NOT NULL,
     title TEXT NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     closed_at TIMESTAMPTZ,
     agreed_state BYTEA,
     UNIQUE (network_id, number)
   );
   CREATE TABLE meeting_attendance (
     meeting_id TEXT NOT NULL REFERENCES meetings (id),
     participant_id TEXT NOT NULL REFERENCES participants (id),
     first_joined_at TIMESTAMPTZ NOT NULL,
     PRIMARY KEY (meeting_id, participant_id)
   );
   CREATE TABLE invitations (
     id TEXT PRIMARY KEY,
     seq BIGSERIAL NOT NULL,
     network_id TEXT NOT NULL REFERENCES networks (id),
     participant_id TEXT NOT NULL REFERENCES participants (id),
     token_hash TEXT NOT NULL UNIQUE,
     created_at TIMESTAMPTZ NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL,
     revoked_at TIMESTAMPTZ
   );
   CREATE INDEX invitations_by_participant ON invitations (participant_id, created_at, seq);
   CREATE INDEX invitations_by_revocation ON invitations (revoked_at) WHERE revoked_at IS NOT NULL;
   CREATE INDEX invitations_by_expiry ON invitations (expires_at);
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     created_at TIMESTAMPTZ NOT NULL
   );
   CREATE TABLE session_members (
     session_hash TEXT NOT NULL REFERENCES sessions (token_hash) ON DELETE CASCADE,
     network_id TEXT NOT NULL REFERENCES networks (id),
     invitation_id TEXT NOT NULL REFERENCES invitations (id),
     PRIMARY KEY (session_hash, network_id)
   );
   CREATE TABLE activity (
     id BIGSERIAL PRIMARY KEY,
     network_id TEXT NOT NULL REFERENCES networks (id),
     at TIMESTAMPTZ NOT NULL,
     kind TEXT NOT NULL,
     actor_id TEXT,
     subject_id TEXT,
     meeting_id TEXT
   );
   CREATE INDEX activity_by_network ON activity (network_id, id);
   CREATE TABLE meeting_versions (
     id BIGSERIAL PRIMARY KEY,
     meeting_id TEXT NOT NULL REFERENCES meetings (id),
     taken_at TIMESTAMPTZ NOT NULL,
     kind TEXT NOT NULL,
     writers JSONB NOT NULL,
     snapshot BYTEA NOT NULL
   );
   CREATE INDEX meeting_versions_by_meeting ON meeting_versions (meeting_id, id);
   CREATE TABLE last_seen (
     participant_id TEXT NOT NULL REFERENCES participants (id),
     meeting_id TEXT NOT NULL REFERENCES meetings (id),
     state_vector BYTEA NOT NULL,
     seen_at TIMESTAMPTZ NOT NULL,
     PRIMARY KEY (participant_id, meeting_id)
   );`,
    // Going back to a version: who went back to which (on the versions just before and after), and the
    // version a log entry is about. NULL on everything written before.
    `ALTER TABLE meeting_versions ADD COLUMN restoring JSONB;
     ALTER TABLE activity ADD COLUMN version_id BIGINT;`,
    // Data protection: when a session was last used (idle expiry; NULL: since it began), the record of
    // erasures (ids only), and when an erasure last rewrote a meeting document (browsers drop older copies).
    `ALTER TABLE sessions ADD COLUMN active_at TIMESTAMPTZ;
   CREATE TABLE erasures (
     id BIGSERIAL PRIMARY KEY,
     at TIMESTAMPTZ NOT NULL,
     kind TEXT NOT NULL,
     network_id TEXT NOT NULL,
     meeting_id TEXT,
     participant_id TEXT,
     erased_by TEXT NOT NULL,
     actor_id TEXT,
     actor_role TEXT,
     words TEXT,
     meeting_ids JSONB NOT NULL,
     done_at TIMESTAMPTZ
   );
   CREATE INDEX erasures_unfinished ON erasures (id) WHERE done_at IS NULL;
   CREATE TABLE document_rewrites (
     meeting_id TEXT PRIMARY KEY REFERENCES meetings (id),
     rewritten_at TIMESTAMPTZ NOT NULL
   );`,
  ],
};

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
    const pool = openPool(connectionString, options);
    try {
      await migrate(pool, METADATA_SCHEMA, options);
    } catch (error) {
      await pool.end();
      throw error;
    }
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
