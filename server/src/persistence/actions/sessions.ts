/**
 * Sessions that end (protection.ts): idle expiry, an absolute lifetime, leaving a device, a fresh value
 * per link opening. The actions, once for both databases.
 */
import type { SessionRecord, SessionStore } from '../metadata/protection.js';
import type { InvitationRecord } from '../metadata/types.js';
import { memberInvitations } from './access.js';
import { type SessionRow, session } from './rows.js';
import { type Action, changes, inList, row, rows, sql } from './sql.js';

const SESSION_COLUMNS = sql`token_hash, created_at, active_at`;

export function* findSession(tokenHash: string): Action<SessionRecord | undefined> {
  const found = yield* row<SessionRow>(
    sql`SELECT ${SESSION_COLUMNS} FROM sessions WHERE token_hash = ${tokenHash}`,
  );
  return found && session(found);
}

/** The sessions among these that exist (one statement however many are asked for). */
export function* findSessions(tokenHashes: readonly string[]): Action<SessionRecord[]> {
  if (tokenHashes.length === 0) return [];
  const found = yield* rows<SessionRow>(
    sql`SELECT ${SESSION_COLUMNS} FROM sessions WHERE token_hash ${inList(tokenHashes)}`,
  );
  return found.map(session);
}

export function* touchSession(tokenHash: string, at: string): Action<void> {
  yield* changes(sql`UPDATE sessions SET active_at = ${at} WHERE token_hash = ${tokenHash}`);
}

function* deleteSession(tokenHash: string, keepMembers: string | null): Action<void> {
  if (keepMembers) {
    yield* changes(
      sql`UPDATE session_members SET session_hash = ${keepMembers} WHERE session_hash = ${tokenHash}`,
    );
    // A staff session's fresh value is still that staff member's.
    yield* changes(
      sql`UPDATE staff_sessions SET session_hash = ${keepMembers} WHERE session_hash = ${tokenHash}`,
    );
  } else {
    yield* changes(sql`DELETE FROM session_members WHERE session_hash = ${tokenHash}`);
  }
  yield* changes(sql`DELETE FROM sessions WHERE token_hash = ${tokenHash}`);
}

/** End a session: it and its memberships are deleted. */
export const endSession = (tokenHash: string): Action<void> => deleteSession(tokenHash, null);

/** A fresh session value; it takes over the memberships of `from` when `carry`, and `from` is deleted. */
export function* renewSession(input: Parameters<SessionStore['renewSession']>[0]): Action<void> {
  const { from, to, at, carry } = input;
  yield* changes(sql`INSERT INTO sessions (token_hash, created_at, active_at) VALUES (${to}, ${at}, ${at})`);
  if (!from || from === to) return;
  yield* deleteSession(from, carry ? to : null);
}

/** The invitation a session's membership of a network came from, whatever its state now. */
export function* sessionInvitation(
  sessionHash: string,
  networkId: string,
): Action<InvitationRecord | undefined> {
  return (yield* memberInvitations(sessionHash, networkId))[0];
}

/** Delete sessions that began before `createdBefore` or were last used before `activeBefore`. */
export function* purgeSessions(createdBefore: Date, activeBefore: Date): Action<number> {
  // Memberships go with their sessions (ON DELETE CASCADE).
  return yield* changes(sql`DELETE FROM sessions
    WHERE created_at < ${createdBefore.toISOString()}
      OR COALESCE(active_at, created_at) < ${activeBefore.toISOString()}`);
}

/** Delete these sessions if they are left without any membership. */
export function* dropEmptySessions(tokenHashes: readonly string[]): Action<void> {
  if (tokenHashes.length === 0) return;
  yield* changes(sql`DELETE FROM sessions WHERE token_hash ${inList(tokenHashes)}
    AND NOT EXISTS (SELECT 1 FROM session_members m WHERE m.session_hash = sessions.token_hash)`);
}
