/**
 * Rows as either database returns them, made into the store's records. A column comes back in the type
 * its database keeps it in (schema.ts): a time is ISO text from SQLite and a Date from PostgreSQL, a
 * serial id a number or a numeric string, JSON a text or an already parsed value, bytes a Buffer. The
 * store hands out the same values whichever it is: ISO strings, numbers, parsed JSON, Uint8Arrays.
 */
import type {
  ActivityEntry,
  ActivityKind,
  ErasedWords,
  ErasureKind,
  Role,
  VersionKind,
  VersionRestoring,
  VersionSummary,
} from '@polyphony/shared';
import type { ErasureRecord, SessionRecord } from '../metadata/protection.js';
import type {
  LinkRequestRecord,
  StaffKind,
  StaffLinkRecord,
  StaffRecord,
  TeamMemberRecord,
  TeamRecord,
  TeamRole,
} from '../metadata/teams.js';
import type { InvitationRecord, MeetingRecord, NetworkRecord, ParticipantRecord } from '../metadata/types.js';

/** A time column: ISO text (SQLite) or a Date (PostgreSQL's timestamptz). */
export type TimeValue = string | Date;
/** A serial or counted number: a number (SQLite) or a numeric string (PostgreSQL's bigint). */
export type NumberValue = number | string;

/** A time as the store hands it out: the ISO text the server wrote. */
export const time = (value: TimeValue): string => (typeof value === 'string' ? value : value.toISOString());
export const timeOrNull = (value: TimeValue | null): string | null => (value === null ? null : time(value));
/** A JSON column: text (SQLite) or parsed already (PostgreSQL's jsonb). */
export const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
/** A blob as bytes of its own (not a view into the driver's buffer). */
export const bytes = (value: Uint8Array): Uint8Array => new Uint8Array(value);

export interface NetworkRow {
  id: string;
  centre_name: string;
  created_at: TimeValue;
  team_id?: string | null;
}

/** A network; `teamId` only when it belongs to a team. */
export const network = (row: NetworkRow): NetworkRecord => ({
  id: row.id,
  centreName: row.centre_name,
  createdAt: time(row.created_at),
  ...(row.team_id ? { teamId: row.team_id } : {}),
});

export interface ParticipantRow {
  id: string;
  network_id: string;
  name: string;
  relation: string;
  role: Role;
  created_at: TimeValue;
  last_seen_at: TimeValue | null;
  staff_id?: string | null;
}

export const participant = (row: ParticipantRow): ParticipantRecord => ({
  id: row.id,
  networkId: row.network_id,
  name: row.name,
  relation: row.relation,
  role: row.role,
  createdAt: time(row.created_at),
  lastSeenAt: timeOrNull(row.last_seen_at),
  ...(row.staff_id ? { staffId: row.staff_id } : {}),
});

export interface MeetingRow {
  id: string;
  network_id: string;
  number: number;
  title: string;
  created_at: TimeValue;
  closed_at: TimeValue | null;
}

export const meeting = (row: MeetingRow): MeetingRecord => ({
  id: row.id,
  networkId: row.network_id,
  number: row.number,
  title: row.title,
  createdAt: time(row.created_at),
  closedAt: timeOrNull(row.closed_at),
});

export interface InvitationRow {
  id: string;
  network_id: string;
  participant_id: string;
  created_at: TimeValue;
  expires_at: TimeValue;
  revoked_at: TimeValue | null;
}

export const invitation = (row: InvitationRow): InvitationRecord => ({
  id: row.id,
  networkId: row.network_id,
  participantId: row.participant_id,
  createdAt: time(row.created_at),
  expiresAt: time(row.expires_at),
  revokedAt: timeOrNull(row.revoked_at),
});

export interface VersionRow {
  id: NumberValue;
  meeting_id: string;
  taken_at: TimeValue;
  kind: VersionKind;
  writers: unknown;
  restoring: unknown;
}

export const version = (row: VersionRow): VersionSummary & { meetingId: string } => ({
  id: Number(row.id),
  meetingId: row.meeting_id,
  takenAt: time(row.taken_at),
  kind: row.kind,
  writers: parsed<VersionSummary['writers']>(row.writers),
  ...(row.restoring ? { restoring: parsed<VersionRestoring>(row.restoring) } : {}),
});

export interface ActivityRow {
  id: NumberValue;
  at: TimeValue;
  kind: ActivityKind;
  actor_id: string | null;
  actor_name: string | null;
  subject_id: string | null;
  subject_name: string | null;
  meeting_id: string | null;
  version_id: NumberValue | null;
  version_taken_at: TimeValue | null;
}

export const activityEntry = (row: ActivityRow): ActivityEntry => ({
  id: Number(row.id),
  at: time(row.at),
  kind: row.kind,
  actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
  subject: row.subject_id ? { id: row.subject_id, name: row.subject_name ?? '' } : null,
  meetingId: row.meeting_id,
  ...(row.version_id !== null && row.version_taken_at
    ? { version: { id: Number(row.version_id), takenAt: time(row.version_taken_at) } }
    : {}),
});

export interface SessionRow {
  token_hash: string;
  created_at: TimeValue;
  active_at: TimeValue | null;
}

export const session = (row: SessionRow): SessionRecord => ({
  tokenHash: row.token_hash,
  createdAt: time(row.created_at),
  activeAt: time(row.active_at ?? row.created_at),
});

export interface ErasureRow {
  id: NumberValue;
  at: TimeValue;
  kind: ErasureKind;
  network_id: string;
  meeting_id: string | null;
  participant_id: string | null;
  erased_by: ErasureRecord['by'];
  actor_id: string | null;
  actor_role: Role | null;
  words: ErasedWords | null;
  meeting_ids: unknown;
  done_at: TimeValue | null;
}

export const erasure = (row: ErasureRow): ErasureRecord => ({
  id: Number(row.id),
  at: time(row.at),
  kind: row.kind,
  networkId: row.network_id,
  meetingId: row.meeting_id,
  participantId: row.participant_id,
  by: row.erased_by,
  actorId: row.actor_id,
  actorRole: row.actor_role,
  words: row.words,
  meetingIds: parsed<string[]>(row.meeting_ids),
  doneAt: timeOrNull(row.done_at),
});

export interface TeamRow {
  id: string;
  name: string;
  created_at: TimeValue;
  domains: unknown;
  groups: unknown;
}

export const team = (row: TeamRow): TeamRecord => ({
  id: row.id,
  name: row.name,
  createdAt: time(row.created_at),
  domains: parsed<string[]>(row.domains),
  groups: parsed<string[]>(row.groups),
});

export interface StaffRow {
  id: string;
  name: string;
  email: string;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: TimeValue;
}

export const staff = (row: StaffRow): StaffRecord => ({
  id: row.id,
  name: row.name,
  email: row.email,
  issuer: row.oidc_issuer,
  subject: row.oidc_subject,
  createdAt: time(row.created_at),
});

export interface TeamMemberRow extends StaffRow {
  team_id: string;
  role: TeamRole;
  kind: StaffKind;
  joined_at: TimeValue;
}

export const teamMember = (row: TeamMemberRow): TeamMemberRecord => ({
  teamId: row.team_id,
  staff: staff(row),
  role: row.role,
  kind: row.kind,
  joinedAt: time(row.joined_at),
});

export interface StaffLinkRow {
  id: string;
  staff_id: string;
  created_at: TimeValue;
  expires_at: TimeValue;
  revoked_at: TimeValue | null;
}

export const staffLink = (row: StaffLinkRow): StaffLinkRecord => ({
  id: row.id,
  staffId: row.staff_id,
  createdAt: time(row.created_at),
  expiresAt: time(row.expires_at),
  revokedAt: timeOrNull(row.revoked_at),
});

export interface LinkRequestRow {
  id: string;
  network_id: string;
  participant_id: string;
  created_at: TimeValue;
  answered_at: TimeValue | null;
  answered_by: string | null;
}

export const linkRequest = (row: LinkRequestRow): LinkRequestRecord => ({
  id: row.id,
  networkId: row.network_id,
  participantId: row.participant_id,
  createdAt: time(row.created_at),
  answeredAt: timeOrNull(row.answered_at),
  answeredBy: row.answered_by,
});
