/**
 * How long networks are kept (the last activity of each), and what a person may download about
 * themselves: the actions, once for both databases.
 */
import type { InvitationRecord, NetworkRecord } from '../metadata/types.js';
import { INVITATION_COLUMNS } from './access.js';
import { type InvitationRow, invitation, type NetworkRow, network, type TimeValue, time } from './rows.js';
import { type Action, greatest, insertionOrder, row, rows, sql } from './sql.js';

/** Each network with its last activity: its start, its newest log entry, its people's last visits. */
const LAST_ACTIVITY = sql`SELECT n.id, n.centre_name, n.created_at,
  ${greatest}(n.created_at,
    COALESCE((SELECT MAX(a.at) FROM activity a WHERE a.network_id = n.id), n.created_at),
    COALESCE((SELECT MAX(p.last_seen_at) FROM participants p WHERE p.network_id = n.id), n.created_at)
  ) AS last_at
  FROM networks n`;

export function* lastActivity(networkId: string): Action<string | undefined> {
  const found = yield* row<{ last_at: TimeValue }>(sql`${LAST_ACTIVITY} WHERE n.id = ${networkId}`);
  return found && time(found.last_at);
}

/** Networks whose last activity is before `before`, oldest activity first. */
export function* inactiveNetworks(
  before: Date,
): Action<{ network: NetworkRecord; lastActivityAt: string }[]> {
  const found = yield* rows<NetworkRow & { last_at: TimeValue }>(sql`SELECT * FROM (${LAST_ACTIVITY}) AS last
    WHERE last_at < ${before.toISOString()} ORDER BY last_at`);
  return found.map((each) => ({ network: network(each), lastActivityAt: time(each.last_at) }));
}

/** Every personal link a person has had, oldest first. */
export function* invitationsOf(participantId: string): Action<InvitationRecord[]> {
  const found = yield* rows<InvitationRow>(sql`SELECT ${INVITATION_COLUMNS} FROM invitations i
    WHERE i.participant_id = ${participantId} ORDER BY i.created_at, ${insertionOrder('i')}`);
  return found.map(invitation);
}
