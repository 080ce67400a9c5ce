/**
 * Every table of the SQLite file and its PostgreSQL counterpart, column by column, in an order that
 * respects the foreign keys (parents first). The copy, its checks and its summary all read this list;
 * a table or column of the SQLite file that is not here makes the copy refuse rather than leave it
 * behind (sqliteToPostgres.test.ts checks the list against both schemas).
 */

/**
 * How a value is kept: `time` is an ISO-8601 text in SQLite and a timestamptz in PostgreSQL; `json` is
 * a text in SQLite and a jsonb in PostgreSQL; `bytes` is a BLOB and a bytea.
 */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'time' | 'bytes' | 'json';

/** One column, named as in both databases. */
export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Whether NULL is allowed. */
  nullable?: boolean;
  /**
   * The SQLite expression giving the value, when the column exists only in PostgreSQL: participants'
   * and invitations' `seq` there keeps the insertion order that SQLite's rowid keeps.
   */
  sqlite?: string;
}

/** A serial column whose sequence must continue after the copied values. */
export interface SequenceSpec {
  column: string;
  /** The table is AUTOINCREMENT in SQLite: sqlite_sequence remembers numbers already handed out. */
  autoincrement: boolean;
  /** A SQLite query for another number the sequence must pass (a snapshot's through_seq). */
  alsoPast?: string;
}

/** One table, the same name in both databases. */
export interface TableSpec {
  name: string;
  /** What the summary calls its rows. */
  kind: string;
  columns: readonly ColumnSpec[];
  /** The primary key: the order rows are copied and compared in. */
  key: readonly string[];
  sequence?: SequenceSpec;
}

const text = (name: string, nullable = false): ColumnSpec => ({ name, type: 'text', nullable });
const time = (name: string, nullable = false): ColumnSpec => ({ name, type: 'time', nullable });

/** The tables, parents before children. */
export const TABLES: readonly TableSpec[] = [
  {
    name: 'networks',
    kind: 'networks',
    columns: [text('id'), text('centre_name'), time('created_at')],
    key: ['id'],
  },
  {
    name: 'participants',
    kind: 'people',
    columns: [
      text('id'),
      { name: 'seq', type: 'bigint', sqlite: 'rowid' },
      text('network_id'),
      text('name'),
      text('relation'),
      text('role'),
      time('created_at'),
      time('last_seen_at', true),
    ],
    key: ['id'],
    sequence: { column: 'seq', autoincrement: false },
  },
  {
    name: 'meetings',
    kind: 'meetings',
    columns: [
      text('id'),
      text('network_id'),
      { name: 'number', type: 'integer' },
      text('title'),
      time('created_at'),
      time('closed_at', true),
      { name: 'agreed_state', type: 'bytes', nullable: true },
    ],
    key: ['id'],
  },
  {
    name: 'meeting_attendance',
    kind: 'attendance',
    columns: [text('meeting_id'), text('participant_id'), time('first_joined_at')],
    key: ['meeting_id', 'participant_id'],
  },
  {
    name: 'invitations',
    kind: 'links',
    columns: [
      text('id'),
      { name: 'seq', type: 'bigint', sqlite: 'rowid' },
      text('network_id'),
      text('participant_id'),
      text('token_hash'),
      time('created_at'),
      time('expires_at'),
      time('revoked_at', true),
    ],
    key: ['id'],
    sequence: { column: 'seq', autoincrement: false },
  },
  {
    name: 'sessions',
    kind: 'sessions',
    columns: [text('token_hash'), time('created_at'), time('active_at', true)],
    key: ['token_hash'],
  },
  {
    name: 'session_members',
    kind: 'session memberships',
    columns: [text('session_hash'), text('network_id'), text('invitation_id')],
    key: ['session_hash', 'network_id'],
  },
  {
    name: 'activity',
    kind: 'activity entries',
    columns: [
      { name: 'id', type: 'bigint' },
      text('network_id'),
      time('at'),
      text('kind'),
      text('actor_id', true),
      text('subject_id', true),
      text('meeting_id', true),
      { name: 'version_id', type: 'bigint', nullable: true },
    ],
    key: ['id'],
    sequence: { column: 'id', autoincrement: true },
  },
  {
    name: 'meeting_versions',
    kind: 'versions',
    columns: [
      { name: 'id', type: 'bigint' },
      text('meeting_id'),
      time('taken_at'),
      text('kind'),
      { name: 'writers', type: 'json' },
      { name: 'snapshot', type: 'bytes' },
      { name: 'restoring', type: 'json', nullable: true },
    ],
    key: ['id'],
    sequence: { column: 'id', autoincrement: true },
  },
  {
    name: 'last_seen',
    kind: 'last-seen points',
    columns: [
      text('participant_id'),
      text('meeting_id'),
      { name: 'state_vector', type: 'bytes' },
      time('seen_at'),
    ],
    key: ['participant_id', 'meeting_id'],
  },
  {
    name: 'erasures',
    kind: 'erasures',
    columns: [
      { name: 'id', type: 'bigint' },
      time('at'),
      text('kind'),
      text('network_id'),
      text('meeting_id', true),
      text('participant_id', true),
      text('erased_by'),
      text('actor_id', true),
      text('actor_role', true),
      text('words', true),
      { name: 'meeting_ids', type: 'json' },
      time('done_at', true),
    ],
    key: ['id'],
    sequence: { column: 'id', autoincrement: true },
  },
  {
    name: 'document_rewrites',
    kind: 'document rewrites',
    columns: [text('meeting_id'), time('rewritten_at')],
    key: ['meeting_id'],
  },
  {
    name: 'doc_snapshots',
    kind: 'document snapshots',
    columns: [
      text('doc_id'),
      { name: 'data', type: 'bytes' },
      { name: 'through_seq', type: 'bigint' },
      time('compacted_at'),
      // The snapshot's state vector; NULL for snapshots written before it was kept.
      { name: 'state_vector', type: 'bytes', nullable: true },
    ],
    key: ['doc_id'],
  },
  {
    name: 'doc_updates',
    kind: 'document updates',
    columns: [{ name: 'seq', type: 'bigint' }, text('doc_id'), { name: 'data', type: 'bytes' }],
    key: ['seq'],
    // A compacted log may hold no update at all: new ones must still be numbered after the snapshot's
    // through_seq, or loading would skip them.
    sequence: { column: 'seq', autoincrement: true, alsoPast: 'SELECT MAX(through_seq) FROM doc_snapshots' },
  },
];

/** PostgreSQL's array type for a column type: the copy sends each batch as one array per column. */
export const ARRAY_TYPE: Record<ColumnType, string> = {
  text: 'text[]',
  integer: 'integer[]',
  bigint: 'bigint[]',
  time: 'timestamptz[]',
  bytes: 'bytea[]',
  json: 'text[]',
};
