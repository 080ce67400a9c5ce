/**
 * The schema, once: every table of both databases, column by column, and the changes that made it.
 * SQLite's migrations (sqlite/migrations.ts), PostgreSQL's (postgres/migrations.ts) and the copy from
 * SQLite into PostgreSQL (sqliteToPostgres/) are all read from here.
 *
 * A column has one of a few types, kept the way each database keeps it best (`time` is ISO text in
 * SQLite and a timestamptz in PostgreSQL, `json` a text and a jsonb); actions/rows.ts reads either back
 * as the same value. Tables are listed parents first, so that the foreign keys hold at every step.
 *
 * Changes are never edited once released: a new column or table is a new change, added to the end of
 * both databases' steps, with the change named on what it adds.
 */

/** How a value is kept: see DIALECT_TYPES in the migrations of each database. */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'time' | 'bytes' | 'json';

/** The changes to the schema, in the order they were made. */
export type SchemaChange =
  /** The documents' update log and snapshots. */
  | 'documents'
  /** Networks, people, meetings, links, sessions, the activity log. */
  | 'metadata'
  /** Versions of meetings and last-seen points. */
  | 'history'
  /** The snapshot's state vector beside it. */
  | 'snapshot vectors'
  /** Going back to a version: who went back to which, and the version a log entry is about. */
  | 'restoring'
  /** Data protection: idle sessions, the record of erasures, rewritten documents. */
  | 'protection'
  /** Letting someone new in: "ask to join" codes of a meeting and the requests made with them. */
  | 'admission'
  /** Teams: their staff, members, staff sign-in links and sessions, networks of a team, link requests. */
  | 'teams'
  /**
   * Leaving a team: when a staff member left which team, so that every instance ends their access and a
   * domain or group rule does not let them back in by itself.
   */
  | 'team departures';

/** One column, named the same in both databases. */
export interface Column {
  name: string;
  type: ColumnType;
  /** Whether NULL is allowed. */
  nullable?: boolean;
  /** The table's own serial number: INTEGER PRIMARY KEY AUTOINCREMENT, BIGSERIAL PRIMARY KEY. */
  serial?: boolean;
  /** The table's primary key on its own. */
  primaryKey?: boolean;
  unique?: boolean;
  /** A foreign key: `networks (id)`. */
  references?: string;
  /** Deleting the referenced row deletes this one. */
  cascade?: boolean;
  /**
   * The order rows were inserted in, a column in PostgreSQL only (BIGSERIAL NOT NULL); SQLite keeps it
   * as the rowid. actions/sql.ts `insertionOrder` names whichever it is.
   */
  insertionOrder?: boolean;
  /** The change that added it to the table; without it, it came with the table. */
  added?: SchemaChange;
  /**
   * A person's id kept without a foreign key (who acted, who decided): erasing that person deletes the
   * row (`'row'`: it is theirs) or takes the id out of it (`'forget'`: NULL, or '' where NULL is not
   * allowed). Rows under a foreign key need no mark: actions/erasure.ts follows the foreign keys.
   */
  person?: 'row' | 'forget';
}

/** An index; its columns may differ where PostgreSQL has the insertion-order column SQLite lacks. */
export interface Index {
  name: string;
  columns: string | { sqlite: string; postgres: string };
  /** A partial index's condition. */
  where?: string;
  /** An index that only PostgreSQL has (the sweeps of several instances read by these). */
  postgresOnly?: boolean;
}

/** One table, the same name in both databases. */
export interface Table {
  name: string;
  /** What the copy's summary calls its rows. */
  kind: string;
  /** The change that created it. */
  created: SchemaChange;
  columns: readonly Column[];
  /** The primary key: the order rows are copied and compared in. */
  key: readonly string[];
  /** Columns that are unique together. */
  unique?: readonly (readonly string[])[];
  indexes?: readonly Index[];
  /**
   * A SQLite query for a number the table's serial sequence must pass after a copy (a snapshot's
   * through_seq: updates appended later must be numbered after it).
   */
  sequencePasses?: string;
}

const text = (name: string, more: Partial<Column> = {}): Column => ({ name, type: 'text', ...more });
const time = (name: string, more: Partial<Column> = {}): Column => ({ name, type: 'time', ...more });
const optional = { nullable: true } as const;
const serial = (name: string): Column => ({ name, type: 'bigint', serial: true });
const insertionOrder: Column = { name: 'seq', type: 'bigint', insertionOrder: true };

/** Every table, parents before children. */
export const TABLES: readonly Table[] = [
  {
    name: 'teams',
    kind: 'teams',
    created: 'teams',
    // Who may sign in through the identity provider: verified e-mail domains and group claim values.
    columns: [
      text('id', { primaryKey: true }),
      text('name'),
      time('created_at'),
      { name: 'domains', type: 'json' },
      { name: 'groups', type: 'json' },
    ],
    key: ['id'],
  },
  {
    name: 'staff',
    kind: 'staff',
    created: 'teams',
    // The identity provider's issuer and subject once they have signed in through it; NULL before.
    columns: [
      text('id', { primaryKey: true }),
      text('name'),
      text('email', { unique: true }),
      text('oidc_issuer', optional),
      text('oidc_subject', optional),
      time('created_at'),
    ],
    key: ['id'],
    unique: [['oidc_issuer', 'oidc_subject']],
  },
  {
    name: 'team_members',
    kind: 'team memberships',
    created: 'teams',
    columns: [
      text('team_id', { references: 'teams (id)' }),
      text('staff_id', { references: 'staff (id)' }),
      // 'admin' or 'member'; 'professional' or 'peer_worker'.
      text('role'),
      text('kind'),
      time('joined_at'),
    ],
    key: ['team_id', 'staff_id'],
    indexes: [{ name: 'team_members_by_staff', columns: 'staff_id' }],
  },
  {
    name: 'team_invitations',
    kind: 'team invitations',
    created: 'teams',
    columns: [
      text('team_id', { references: 'teams (id)' }),
      text('email'),
      text('invited_by', optional),
      time('created_at'),
    ],
    key: ['team_id', 'email'],
  },
  {
    name: 'staff_links',
    kind: 'staff sign-in links',
    created: 'teams',
    columns: [
      text('id', { primaryKey: true }),
      insertionOrder,
      text('staff_id', { references: 'staff (id)' }),
      text('token_hash', { unique: true }),
      time('created_at'),
      time('expires_at'),
      time('revoked_at', optional),
    ],
    key: ['id'],
    indexes: [{ name: 'staff_links_by_staff', columns: 'staff_id' }],
  },
  {
    // A staff member taken out of a team: every instance's access sweep reads these (as it reads revoked
    // links) and closes their sockets and video in the team's networks.
    name: 'team_departures',
    kind: 'team departures',
    created: 'team departures',
    columns: [
      serial('id'),
      text('team_id', { references: 'teams (id)' }),
      text('staff_id', { references: 'staff (id)' }),
      time('left_at'),
    ],
    key: ['id'],
    indexes: [{ name: 'team_departures_by_time', columns: 'left_at', postgresOnly: true }],
  },
  {
    name: 'networks',
    kind: 'networks',
    created: 'metadata',
    columns: [
      text('id', { primaryKey: true }),
      text('centre_name'),
      time('created_at'),
      // The team the network belongs to; NULL for a network started without one. (No foreign key: a
      // column added later is kept plain, as SQLite cannot drop one that has it.)
      text('team_id', { nullable: true, added: 'teams' }),
    ],
    key: ['id'],
  },
  {
    name: 'participants',
    kind: 'people',
    created: 'metadata',
    columns: [
      text('id', { primaryKey: true }),
      insertionOrder,
      text('network_id', { references: 'networks (id)' }),
      text('name'),
      text('relation'),
      text('role'),
      time('created_at'),
      time('last_seen_at', optional),
      // The staff member this professional is, when they came from the team; NULL for everyone else.
      text('staff_id', { nullable: true, added: 'teams' }),
    ],
    key: ['id'],
    indexes: [
      {
        name: 'participants_by_network',
        columns: { sqlite: 'network_id', postgres: 'network_id, created_at, seq' },
      },
    ],
  },
  {
    name: 'meetings',
    kind: 'meetings',
    created: 'metadata',
    columns: [
      text('id', { primaryKey: true }),
      text('network_id', { references: 'networks (id)' }),
      { name: 'number', type: 'integer' },
      text('title'),
      time('created_at'),
      time('closed_at', optional),
      { name: 'agreed_state', type: 'bytes', nullable: true },
    ],
    key: ['id'],
    unique: [['network_id', 'number']],
  },
  {
    name: 'meeting_attendance',
    kind: 'attendance',
    created: 'metadata',
    columns: [
      text('meeting_id', { references: 'meetings (id)' }),
      text('participant_id', { references: 'participants (id)' }),
      time('first_joined_at'),
    ],
    key: ['meeting_id', 'participant_id'],
  },
  {
    name: 'invitations',
    kind: 'links',
    created: 'metadata',
    columns: [
      text('id', { primaryKey: true }),
      insertionOrder,
      text('network_id', { references: 'networks (id)' }),
      text('participant_id', { references: 'participants (id)' }),
      text('token_hash', { unique: true }),
      time('created_at'),
      time('expires_at'),
      time('revoked_at', optional),
    ],
    key: ['id'],
    indexes: [
      {
        name: 'invitations_by_participant',
        columns: { sqlite: 'participant_id', postgres: 'participant_id, created_at, seq' },
      },
      {
        name: 'invitations_by_revocation',
        columns: 'revoked_at',
        where: 'revoked_at IS NOT NULL',
        postgresOnly: true,
      },
      { name: 'invitations_by_expiry', columns: 'expires_at', postgresOnly: true },
    ],
  },
  {
    name: 'sessions',
    kind: 'sessions',
    created: 'metadata',
    columns: [
      text('token_hash', { primaryKey: true }),
      time('created_at'),
      // When it was last used (idle expiry); NULL: since it began.
      time('active_at', { nullable: true, added: 'protection' }),
    ],
    key: ['token_hash'],
  },
  {
    name: 'session_members',
    kind: 'session memberships',
    created: 'metadata',
    columns: [
      text('session_hash', { references: 'sessions (token_hash)', cascade: true }),
      text('network_id', { references: 'networks (id)' }),
      text('invitation_id', { references: 'invitations (id)' }),
    ],
    key: ['session_hash', 'network_id'],
  },
  {
    name: 'staff_sessions',
    kind: 'staff sessions',
    created: 'teams',
    // A session a staff member signed in with: it lasts and idles as every session does (sessions).
    columns: [
      text('session_hash', { primaryKey: true, references: 'sessions (token_hash)', cascade: true }),
      text('staff_id', { references: 'staff (id)' }),
    ],
    key: ['session_hash'],
    indexes: [{ name: 'staff_sessions_by_staff', columns: 'staff_id' }],
  },
  {
    name: 'link_requests',
    kind: 'link requests',
    created: 'teams',
    // A relative whose link lapsed asks for a new one; answered when someone re-issues it.
    columns: [
      text('id', { primaryKey: true }),
      text('network_id', { references: 'networks (id)' }),
      text('participant_id', { references: 'participants (id)' }),
      time('created_at'),
      time('answered_at', optional),
      text('answered_by', { nullable: true, person: 'forget' }),
    ],
    key: ['id'],
    indexes: [{ name: 'link_requests_by_network', columns: 'network_id' }],
  },
  {
    name: 'activity',
    kind: 'activity entries',
    created: 'metadata',
    columns: [
      serial('id'),
      text('network_id', { references: 'networks (id)' }),
      time('at'),
      text('kind'),
      text('actor_id', { nullable: true, person: 'forget' }),
      text('subject_id', { nullable: true, person: 'forget' }),
      text('meeting_id', optional),
      // The version an entry is about ('version_restored'); NULL on everything written before.
      { name: 'version_id', type: 'bigint', nullable: true, added: 'restoring' },
    ],
    key: ['id'],
    indexes: [{ name: 'activity_by_network', columns: 'network_id, id' }],
  },
  {
    name: 'meeting_versions',
    kind: 'versions',
    created: 'history',
    columns: [
      serial('id'),
      text('meeting_id', { references: 'meetings (id)' }),
      time('taken_at'),
      text('kind'),
      { name: 'writers', type: 'json' },
      { name: 'snapshot', type: 'bytes' },
      // Who went back to which version, on the versions just before and after; NULL otherwise.
      { name: 'restoring', type: 'json', nullable: true, added: 'restoring' },
    ],
    key: ['id'],
    indexes: [{ name: 'meeting_versions_by_meeting', columns: 'meeting_id, id' }],
  },
  {
    name: 'last_seen',
    kind: 'last-seen points',
    created: 'history',
    columns: [
      text('participant_id', { references: 'participants (id)' }),
      text('meeting_id', { references: 'meetings (id)' }),
      { name: 'state_vector', type: 'bytes' },
      time('seen_at'),
    ],
    key: ['participant_id', 'meeting_id'],
  },
  {
    name: 'erasures',
    kind: 'erasures',
    created: 'protection',
    columns: [
      serial('id'),
      time('at'),
      text('kind'),
      text('network_id'),
      text('meeting_id', optional),
      // The person this record erased: kept, so that every process forgets them (no name is kept).
      text('participant_id', optional),
      text('erased_by'),
      text('actor_id', { nullable: true, person: 'forget' }),
      text('actor_role', optional),
      text('words', optional),
      { name: 'meeting_ids', type: 'json' },
      time('done_at', optional),
    ],
    key: ['id'],
    indexes: [{ name: 'erasures_unfinished', columns: 'id', where: 'done_at IS NULL', postgresOnly: true }],
  },
  {
    name: 'document_rewrites',
    kind: 'document rewrites',
    created: 'protection',
    columns: [text('meeting_id', { primaryKey: true, references: 'meetings (id)' }), time('rewritten_at')],
    key: ['meeting_id'],
  },
  {
    // A meeting's "ask to join" code: valid while the meeting is open and until someone turns it off.
    name: 'admission_codes',
    kind: 'ask-to-join codes',
    created: 'admission',
    columns: [
      text('id', { primaryKey: true }),
      text('meeting_id', { references: 'meetings (id)' }),
      text('network_id', { references: 'networks (id)' }),
      // The code itself, not a hash: it lets no one in, only ask, and any member must be able to show it
      // again (the shared screen reloads). A request's token, which becomes a link, is kept as a hash.
      text('code', { unique: true }),
      text('opened_by', { person: 'forget' }),
      time('opened_at'),
      time('closed_at', optional),
    ],
    key: ['id'],
    indexes: [{ name: 'admission_codes_by_meeting', columns: 'meeting_id' }],
  },
  {
    // Someone new asking to join, and what the network decided. Admitted, the token hash is their link's.
    name: 'join_requests',
    kind: 'requests to join',
    created: 'admission',
    columns: [
      text('id', { primaryKey: true }),
      text('code_id', { references: 'admission_codes (id)' }),
      text('meeting_id', { references: 'meetings (id)' }),
      text('network_id', { references: 'networks (id)' }),
      text('name'),
      text('relation'),
      text('token_hash', { unique: true }),
      time('asked_at'),
      text('decision', optional),
      text('decided_by', { nullable: true, person: 'forget' }),
      time('decided_at', optional),
      // Their own request to join (their name as they gave it): erasing them takes it.
      text('participant_id', { nullable: true, person: 'row' }),
    ],
    key: ['id'],
    indexes: [{ name: 'join_requests_by_meeting', columns: 'meeting_id, asked_at' }],
  },
  {
    name: 'doc_snapshots',
    kind: 'document snapshots',
    created: 'documents',
    columns: [
      text('doc_id', { primaryKey: true }),
      { name: 'data', type: 'bytes' },
      { name: 'through_seq', type: 'bigint' },
      time('compacted_at'),
      // The snapshot's state vector, so that opening a meeting need not decode the snapshot for it;
      // NULL for snapshots written before (the server then computes it from the snapshot).
      { name: 'state_vector', type: 'bytes', nullable: true, added: 'snapshot vectors' },
    ],
    key: ['doc_id'],
  },
  {
    name: 'doc_updates',
    kind: 'document updates',
    created: 'documents',
    columns: [serial('seq'), text('doc_id'), { name: 'data', type: 'bytes' }],
    key: ['seq'],
    indexes: [{ name: 'doc_updates_by_doc', columns: 'doc_id, seq' }],
    // A compacted log may hold no update at all: new ones must still be numbered after the snapshot's
    // through_seq, or loading would skip them.
    sequencePasses: 'SELECT MAX(through_seq) FROM doc_snapshots',
  },
];
