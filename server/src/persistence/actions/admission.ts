/** Letting someone new in: the actions, once for both databases (see metadata/admission.ts). */
import type { AdmissionCodeRecord, AdmissionStore, JoinRequestRecord } from '../metadata/admission.js';
import { insertInvitation } from './access.js';
import { insertActivity } from './activity.js';
import { insertParticipant } from './networks.js';
import { type TimeValue, time, timeOrNull } from './rows.js';
import { type Action, changes, forUpdate, row, rows, sql } from './sql.js';

type Input<K extends keyof AdmissionStore> = Parameters<AdmissionStore[K]>[0];

interface CodeRow {
  id: string;
  code: string;
  meeting_id: string;
  network_id: string;
  opened_by: string;
  opened_at: TimeValue;
  closed_at: TimeValue | null;
}

interface RequestRow {
  id: string;
  code_id: string;
  meeting_id: string;
  network_id: string;
  name: string;
  relation: string;
  asked_at: TimeValue;
  decision: string | null;
  decided_by: string | null;
  decided_at: TimeValue | null;
  participant_id: string | null;
}

const CODE_COLUMNS = sql`id, code, meeting_id, network_id, opened_by, opened_at, closed_at`;
const REQUEST_COLUMNS = sql`id, code_id, meeting_id, network_id, name, relation, asked_at, decision,
  decided_by, decided_at, participant_id`;

const code = (found: CodeRow): AdmissionCodeRecord => ({
  id: found.id,
  code: found.code,
  meetingId: found.meeting_id,
  networkId: found.network_id,
  openedBy: found.opened_by,
  openedAt: time(found.opened_at),
  closedAt: timeOrNull(found.closed_at),
});

const request = (found: RequestRow): JoinRequestRecord => ({
  id: found.id,
  codeId: found.code_id,
  meetingId: found.meeting_id,
  networkId: found.network_id,
  name: found.name,
  relation: found.relation,
  askedAt: time(found.asked_at),
  decision: found.decision === 'admitted' || found.decision === 'refused' ? found.decision : null,
  decidedBy: found.decided_by,
  decidedAt: timeOrNull(found.decided_at),
  participantId: found.participant_id,
});

/** End the meeting's code still shown; the network it belongs to, when there was one. */
function* endCode(meetingId: string, at: string): Action<string | undefined> {
  const ended = yield* rows<{ network_id: string }>(sql`UPDATE admission_codes SET closed_at = ${at}
    WHERE meeting_id = ${meetingId} AND closed_at IS NULL RETURNING network_id`);
  return ended[0]?.network_id;
}

export function* openAdmission({ code: record }: Input<'openAdmission'>): Action<void> {
  yield* endCode(record.meetingId, record.openedAt);
  yield* changes(sql`INSERT INTO admission_codes (id, code, meeting_id, network_id, opened_by, opened_at)
    VALUES (${record.id}, ${record.code}, ${record.meetingId}, ${record.networkId}, ${record.openedBy},
      ${record.openedAt})`);
  yield* insertActivity({
    networkId: record.networkId,
    kind: 'admission_opened',
    actorId: record.openedBy,
    meetingId: record.meetingId,
    at: record.openedAt,
  });
}

export function* closeAdmission(input: Input<'closeAdmission'>): Action<boolean> {
  const networkId = yield* endCode(input.meetingId, input.at);
  if (!networkId) return false;
  yield* insertActivity({
    networkId,
    kind: 'admission_closed',
    actorId: input.actorId,
    meetingId: input.meetingId,
    at: input.at,
  });
  return true;
}

export function* openAdmissionCode(meetingId: string): Action<AdmissionCodeRecord | undefined> {
  const found = yield* row<CodeRow>(sql`SELECT ${CODE_COLUMNS} FROM admission_codes
    WHERE meeting_id = ${meetingId} AND closed_at IS NULL`);
  return found && code(found);
}

export function* findAdmissionCode(shown: string): Action<AdmissionCodeRecord | undefined> {
  const found = yield* row<CodeRow>(sql`SELECT ${CODE_COLUMNS} FROM admission_codes WHERE code = ${shown}`);
  return found && code(found);
}

export function* askToJoin(input: Input<'askToJoin'>): Action<boolean> {
  const { request: asked } = input;
  // The meeting's row lock makes two asking at once count one after the other: the bound holds.
  const meeting = yield* row(sql`SELECT id FROM meetings WHERE id = ${asked.meetingId} ${forUpdate}`);
  if (!meeting) return false;
  const counted = yield* row<{ waiting: number | string }>(sql`SELECT COUNT(*) AS waiting FROM join_requests
    WHERE meeting_id = ${asked.meetingId} AND decision IS NULL`);
  if (Number(counted?.waiting ?? 0) >= input.maxWaiting) return false;
  yield* changes(sql`INSERT INTO join_requests
      (id, code_id, meeting_id, network_id, name, relation, token_hash, asked_at)
    VALUES (${asked.id}, ${asked.codeId}, ${asked.meetingId}, ${asked.networkId}, ${asked.name},
      ${asked.relation}, ${input.tokenHash}, ${asked.askedAt})`);
  return true;
}

function* oneRequest(where: ReturnType<typeof sql>): Action<JoinRequestRecord | undefined> {
  const found = yield* row<RequestRow>(sql`SELECT ${REQUEST_COLUMNS} FROM join_requests WHERE ${where}`);
  return found && request(found);
}

export const findJoinRequest = (id: string) => oneRequest(sql`id = ${id}`);
export const findJoinRequestByTokenHash = (tokenHash: string) => oneRequest(sql`token_hash = ${tokenHash}`);

export function* waitingRequests(meetingId: string): Action<JoinRequestRecord[]> {
  const found = yield* rows<RequestRow>(sql`SELECT ${REQUEST_COLUMNS} FROM join_requests
    WHERE meeting_id = ${meetingId} AND decision IS NULL ORDER BY asked_at, id`);
  return found.map(request);
}

/** Mark a waiting request decided; the network it belongs to, or undefined when it was decided before. */
function* decide(
  requestId: string,
  decision: 'admitted' | 'refused',
  actorId: string,
  at: string,
  participantId: string | null,
): Action<{ network_id: string; meeting_id: string; token_hash: string } | undefined> {
  return yield* row<{ network_id: string; meeting_id: string; token_hash: string }>(sql`UPDATE join_requests
    SET decision = ${decision}, decided_by = ${actorId}, decided_at = ${at}, participant_id = ${participantId}
    WHERE id = ${requestId} AND decision IS NULL RETURNING network_id, meeting_id, token_hash`);
}

export function* admit(input: Input<'admit'>): Action<boolean> {
  const { participant: person } = input;
  const decided = yield* decide(input.requestId, 'admitted', input.actorId, input.at, person.id);
  if (!decided) return false;
  yield* insertParticipant(person);
  yield* insertInvitation({ record: input.link.record, tokenHash: decided.token_hash });
  yield* insertActivity({
    networkId: decided.network_id,
    kind: 'admitted',
    actorId: input.actorId,
    subjectId: person.id,
    meetingId: decided.meeting_id,
    at: input.at,
  });
  return true;
}

export function* refuse(input: Input<'refuse'>): Action<boolean> {
  const decided = yield* decide(input.requestId, 'refused', input.actorId, input.at, null);
  if (!decided) return false;
  yield* insertActivity({
    networkId: decided.network_id,
    kind: 'join_refused',
    actorId: input.actorId,
    meetingId: decided.meeting_id,
    at: input.at,
  });
  return true;
}

export function* admittedBy(networkId: string): Action<Map<string, string>> {
  const found = yield* rows<{
    participant_id: string;
    decided_by: string;
  }>(sql`SELECT participant_id, decided_by
    FROM join_requests WHERE network_id = ${networkId} AND decision = 'admitted'
      AND participant_id IS NOT NULL AND decided_by IS NOT NULL`);
  return new Map(found.map((each) => [each.participant_id, each.decided_by]));
}
