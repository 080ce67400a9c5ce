/**
 * The metadata store's data-protection actions: sessions that end, erasure, retention. Like every
 * action of the store, each is one transaction; an erasure deletes every row of what it erases in it
 * and records that it happened — who, when, what kind, ids only — in the same commit. The documents
 * themselves are then deleted or rewritten by the erasure service (erasure/ErasureService.ts), which
 * marks the record finished.
 */
import type { ErasedWords, ErasureKind, Role } from '@polyphony/shared';
import type { InvitationRecord, NetworkRecord } from './types.js';

/** A browser session, known by the hash of its cookie's token. */
export interface SessionRecord {
  tokenHash: string;
  createdAt: string;
  /** When someone last used a page with it (or opened a link); its idle time counts from here. */
  activeAt: string;
}

/** Who erases: a member of the network (from the interface), the operator command, or retention. */
export type ErasedBy = 'member' | 'operator' | 'retention';

/** Who asks for an erasure, and when. */
export interface ErasureInput {
  at: string;
  by: ErasedBy;
  /** The member who asked (null for the operator and for retention). */
  actorId: string | null;
  actorRole: Role | null;
}

/** The record of an erasure: no name, no text, only what kind, of which ids, by whom, when. */
export interface ErasureRecord {
  id: number;
  at: string;
  kind: ErasureKind;
  networkId: string;
  meetingId: string | null;
  participantId: string | null;
  by: ErasedBy;
  actorId: string | null;
  actorRole: Role | null;
  /** For a person: what happened to their words. */
  words: ErasedWords | null;
  /** The meeting documents to delete (network, meeting) or to rewrite without the person (person). */
  meetingIds: string[];
  /** When the documents were deleted or rewritten and the store purged; null while in progress. */
  doneAt: string | null;
}

/** How many rows of each kind an erasure takes away (for its confirmation and --dry-run). */
export interface ErasureCounts {
  versions: number;
  activityEntries: number;
  links: number;
  sessions: number;
}

/** What can be erased: the rows named by one of these. */
export type ErasureTarget =
  | { kind: 'network'; networkId: string }
  | { kind: 'meeting'; meetingId: string }
  | { kind: 'person'; participantId: string };

/** Sessions that end: idle expiry, an absolute lifetime, leaving a device, a fresh value per link. */
export interface SessionStore {
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  /** The sessions among these that exist (the sweep of live sockets asks for all of them at once). */
  findSessions(tokenHashes: readonly string[]): Promise<SessionRecord[]>;
  /** Someone used a page with this session now. */
  touchSession(tokenHash: string, at: string): Promise<void>;
  /** End a session: it and its memberships are deleted ("leave this device"). */
  endSession(tokenHash: string): Promise<void>;
  /**
   * A fresh session value (opening a link): a new session, which takes over the memberships of `from`
   * when `carry` (a session that was still valid), after which `from` is deleted; one transaction.
   */
  renewSession(input: { from: string | null; to: string; at: string; carry: boolean }): Promise<void>;
  /** The invitation a session's membership of a network came from, whatever its state now. */
  sessionInvitation(sessionHash: string, networkId: string): Promise<InvitationRecord | undefined>;
  /** Delete sessions that began before `createdBefore` or were last used before `activeBefore`. */
  purgeSessions(createdBefore: Date, activeBefore: Date): Promise<number>;
}

/** Erasing networks, meetings and people, and the record of it. */
export interface ErasureStore {
  /** How many versions, log entries, links and sessions an erasure would take away. */
  erasureCounts(target: ErasureTarget): Promise<ErasureCounts>;
  /**
   * Every `table.column` of the metadata (documents aside) that still holds this text anywhere in a
   * value: after an erasure, nothing but the erasure's own record should hold an erased id.
   */
  whereHeld(text: string): Promise<string[]>;
  /**
   * Delete the network and every row of it (people, links, their sessions' memberships and sessions
   * left with none, meetings, attendance, versions, last-seen points, the activity log) and record the
   * erasure; undefined (nothing written) when there is no such network.
   */
  eraseNetwork(networkId: string, input: ErasureInput): Promise<ErasureRecord | undefined>;
  /** Delete a meeting and its rows (attendance, versions, last-seen points), log it, record it. */
  eraseMeeting(meetingId: string, input: ErasureInput): Promise<ErasureRecord | undefined>;
  /**
   * Delete a person: their row, links, sessions' memberships (and sessions left with none), attendance,
   * last-seen points, their name among the writers of versions; their id leaves the activity log. Log
   * it, record it with the network's meetings to rewrite.
   */
  erasePerson(
    participantId: string,
    input: ErasureInput & { words: ErasedWords },
  ): Promise<ErasureRecord | undefined>;
  /** Replace a closed meeting's frozen "as agreed" state (rewritten without an erased person). */
  replaceAgreedState(meetingId: string, agreedState: Uint8Array): Promise<void>;
  /** The erasure's documents are deleted or rewritten: mark it done, and the rewritten documents. */
  finishErasure(id: number, at: string, rewritten: readonly string[]): Promise<void>;
  /** Erasures recorded after the one with this id, oldest first. */
  erasuresAfter(id: number): Promise<ErasureRecord[]>;
  /** Erasures not finished yet, oldest first. */
  unfinishedErasures(): Promise<ErasureRecord[]>;
  /** Every erasure, newest first (the operator command). */
  listErasures(): Promise<ErasureRecord[]>;
  /** When each of these meetings' documents was last rewritten by an erasure (only those that were). */
  documentRewrites(meetingIds: readonly string[]): Promise<Map<string, string>>;
}

/** How long networks are kept: the last activity of each. */
export interface RetentionStore {
  /**
   * When anyone last did anything in a network: its start, its newest log entry, its people's last
   * visits, whichever is latest.
   */
  lastActivity(networkId: string): Promise<string | undefined>;
  /** Networks whose last activity is before `before`, oldest activity first. */
  inactiveNetworks(before: Date): Promise<{ network: NetworkRecord; lastActivityAt: string }[]>;
}

/** What a person may download about themselves. */
export interface OwnDataStore {
  /** Every personal link a person has had, oldest first (the tokens are not stored). */
  invitationsOf(participantId: string): Promise<InvitationRecord[]>;
}

/** The data-protection part of the metadata store. */
export interface ProtectionStore extends SessionStore, ErasureStore, RetentionStore, OwnDataStore {}
