/**
 * Erasing networks, meetings and people, and the record of it (protection.ts): the actions, once for
 * both databases. Each deletes every row of what it erases, child rows first (the foreign keys are
 * enforced), and records that it happened — who, when, what kind, ids only — in the same transaction.
 *
 * Which rows those are is read from schema.ts, not listed here: every row that reaches the erased
 * network, meeting or person through foreign keys (`owned`), and for a person also the columns that
 * hold their id without one (`person: 'row' | 'forget'`). A table added later is erased with the rest
 * without anyone remembering to add it; protectionContract.ts [DP12] looks through every table after.
 */
import type { ErasedWords, ErasureKind } from '@polyphony/shared';
import type { ErasureCounts, ErasureInput, ErasureRecord, ErasureTarget } from '../metadata/protection.js';
import { type Column, TABLES } from '../schema.js';
import { type ErasureRow, erasure, parsed, type TimeValue, time } from './rows.js';
import { dropEmptySessions } from './sessions.js';
import {
  type Action,
  changes,
  forUpdate,
  inList,
  json,
  row,
  rows,
  type Statement,
  schemaName,
  sql,
} from './sql.js';

function* count(statement: Statement): Action<number> {
  return Number((yield* row<{ n: number | string }>(statement))?.n ?? 0);
}

/** How many versions, log entries, links and sessions an erasure would take away. */
export function* erasureCounts(target: ErasureTarget): Action<ErasureCounts> {
  switch (target.kind) {
    case 'network': {
      const id = target.networkId;
      return {
        versions: yield* count(sql`SELECT COUNT(*) AS n FROM meeting_versions v
          JOIN meetings m ON m.id = v.meeting_id WHERE m.network_id = ${id}`),
        activityEntries: yield* count(sql`SELECT COUNT(*) AS n FROM activity WHERE network_id = ${id}`),
        links: yield* count(sql`SELECT COUNT(*) AS n FROM invitations WHERE network_id = ${id}`),
        sessions: yield* count(
          sql`SELECT COUNT(DISTINCT session_hash) AS n FROM session_members WHERE network_id = ${id}`,
        ),
      };
    }
    case 'meeting': {
      const id = target.meetingId;
      return {
        versions: yield* count(sql`SELECT COUNT(*) AS n FROM meeting_versions WHERE meeting_id = ${id}`),
        activityEntries: yield* count(sql`SELECT COUNT(*) AS n FROM activity WHERE meeting_id = ${id}`),
        links: 0,
        sessions: 0,
      };
    }
    case 'person': {
      const id = target.participantId;
      return {
        versions: 0,
        activityEntries: yield* count(
          sql`SELECT COUNT(*) AS n FROM activity WHERE actor_id = ${id} OR subject_id = ${id}`,
        ),
        links: yield* count(sql`SELECT COUNT(*) AS n FROM invitations WHERE participant_id = ${id}`),
        sessions: yield* count(sql`SELECT COUNT(DISTINCT m.session_hash) AS n FROM session_members m
          JOIN invitations i ON i.id = m.invitation_id WHERE i.participant_id = ${id}`),
      };
    }
  }
}

/** Record an erasure. */
function* record(
  kind: ErasureKind,
  ids: { networkId: string; meetingId?: string; participantId?: string },
  input: ErasureInput & { words?: ErasedWords },
  meetingIds: string[],
): Action<ErasureRecord> {
  const added = yield* row<ErasureRow>(sql`INSERT INTO erasures (at, kind, network_id, meeting_id,
      participant_id, erased_by, actor_id, actor_role, words, meeting_ids)
    VALUES (${input.at}, ${kind}, ${ids.networkId}, ${ids.meetingId ?? null}, ${ids.participantId ?? null},
      ${input.by}, ${input.actorId}, ${input.actorRole}, ${input.words ?? null}, ${json(meetingIds)})
    RETURNING *`);
  return erasure(added as ErasureRow);
}

function* meetingIdsOf(networkId: string): Action<string[]> {
  const found = yield* rows<{ id: string }>(
    sql`SELECT id FROM meetings WHERE network_id = ${networkId} ORDER BY number`,
  );
  return found.map(({ id }) => id);
}

function* sessionHashes(statement: Statement): Action<string[]> {
  return (yield* rows<{ session_hash: string }>(statement)).map((each) => each.session_hash);
}

function* runEach(statements: readonly Statement[]): Action<void> {
  for (const statement of statements) yield* changes(statement);
}

/** `networks (id)` → ['networks', 'id']. */
function referenced(column: Column): [table: string, column: string] | undefined {
  const found = column.references?.match(/^([a-z_]+) \(([a-z_]+)\)$/);
  return found ? [found[1] as string, found[2] as string] : undefined;
}

const either = (conditions: readonly Statement[]): Statement =>
  conditions.slice(1).reduce((all, next) => sql`${all} OR ${next}`, conditions[0] as Statement);

/**
 * The DELETE of every row that belongs to one row of `root` through foreign keys, children first
 * (TABLES lists parents first), the root's own row last. A table's rows belong when any of its foreign
 * keys points at a row that belongs; `cascade` keys (a session's members) point the other way.
 */
export function owned(root: 'networks' | 'meetings' | 'participants', id: string): Statement[] {
  const belonging = new Map<string, Statement>([[root, sql`id = ${id}`]]);
  for (const table of TABLES) {
    if (table.name === root) continue;
    const through = table.columns.flatMap((column) => {
      const parent = referenced(column);
      const condition = parent && !column.cascade ? belonging.get(parent[0]) : undefined;
      if (!parent || !condition) return [];
      return [
        sql`${schemaName(column.name)} IN (SELECT ${schemaName(parent[1])} FROM ${schemaName(parent[0])}
          WHERE ${condition})`,
      ];
    });
    if (through.length > 0) belonging.set(table.name, either(through));
  }
  return [...belonging]
    .reverse()
    .map(([table, condition]) => sql`DELETE FROM ${schemaName(table)} WHERE ${condition}`);
}

/** The person's id out of every column that holds it without a foreign key (schema.ts `person`). */
function forgotten(participantId: string): Statement[] {
  return TABLES.flatMap((table) =>
    table.columns.flatMap((column) => {
      const [name, where] = [schemaName(table.name), schemaName(column.name)];
      if (column.person === 'row') return [sql`DELETE FROM ${name} WHERE ${where} = ${participantId}`];
      if (column.person !== 'forget') return [];
      const none = column.nullable ? null : '';
      return [sql`UPDATE ${name} SET ${where} = ${none} WHERE ${where} = ${participantId}`];
    }),
  );
}

/** The documents' own tables, which the document store erases (personInDocument.ts, purge.ts). */
const DOCUMENT_TABLES = new Set(['doc_snapshots', 'doc_updates']);

/** Every `table.column` holding the text anywhere in a value (bytes aside): see ErasureStore. */
export function* whereHeld(text: string): Action<string[]> {
  const held: string[] = [];
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  for (const table of TABLES) {
    if (DOCUMENT_TABLES.has(table.name)) continue;
    for (const column of table.columns) {
      if (column.type === 'bytes' || column.insertionOrder) continue;
      const found = yield* row(sql`SELECT 1 AS held FROM ${schemaName(table.name)}
        WHERE CAST(${schemaName(column.name)} AS TEXT) LIKE ${pattern} ESCAPE '\\' LIMIT 1`);
      if (found) held.push(`${table.name}.${column.name}`);
    }
  }
  return held;
}

/** Log an erasure of a meeting or a person in the network's activity log. */
function* logErasure(
  networkId: string,
  kind: 'meeting_erased' | 'person_erased',
  input: ErasureInput,
  meetingId: string | null,
): Action<void> {
  yield* changes(sql`INSERT INTO activity (network_id, at, kind, actor_id, meeting_id)
    VALUES (${networkId}, ${input.at}, ${kind}, ${input.actorId}, ${meetingId})`);
}

/** Delete the network and every row of it and record the erasure; undefined when there is none. */
export function* eraseNetwork(networkId: string, input: ErasureInput): Action<ErasureRecord | undefined> {
  // The row lock makes a meeting started at the same moment wait, and then fail on the foreign key.
  if (!(yield* row(sql`SELECT id FROM networks WHERE id = ${networkId} ${forUpdate}`))) return undefined;
  const meetingIds = yield* meetingIdsOf(networkId);
  const sessions = yield* sessionHashes(
    sql`SELECT DISTINCT session_hash FROM session_members WHERE network_id = ${networkId}`,
  );
  yield* runEach(owned('networks', networkId));
  yield* dropEmptySessions(sessions);
  return yield* record('network', { networkId }, input, meetingIds);
}

/** Delete a meeting and its rows, log it, record it. */
export function* eraseMeeting(meetingId: string, input: ErasureInput): Action<ErasureRecord | undefined> {
  const found = yield* row<{ network_id: string }>(
    sql`SELECT network_id FROM meetings WHERE id = ${meetingId} ${forUpdate}`,
  );
  if (!found) return undefined;
  const networkId = found.network_id;
  yield* runEach(owned('meetings', meetingId));
  yield* logErasure(networkId, 'meeting_erased', input, meetingId);
  return yield* record('meeting', { networkId, meetingId }, input, [meetingId]);
}

/** Delete a person and their rows, take their name from the versions' writers, log it, record it. */
export function* erasePerson(
  participantId: string,
  input: ErasureInput & { words: ErasedWords },
): Action<ErasureRecord | undefined> {
  const found = yield* row<{ network_id: string }>(
    sql`SELECT network_id FROM participants WHERE id = ${participantId} ${forUpdate}`,
  );
  if (!found) return undefined;
  const networkId = found.network_id;
  const sessions = yield* sessionHashes(sql`SELECT DISTINCT m.session_hash FROM session_members m
    JOIN invitations i ON i.id = m.invitation_id WHERE i.participant_id = ${participantId}`);
  // Their own rows and their id elsewhere first; who they let in keeps being let in.
  yield* runEach(forgotten(participantId));
  yield* runEach(owned('participants', participantId));
  yield* dropEmptySessions(sessions);
  // Their name leaves the lists of who was writing since each version.
  const versions = yield* rows<{ id: number | string; writers: unknown }>(sql`SELECT v.id, v.writers
    FROM meeting_versions v JOIN meetings m ON m.id = v.meeting_id WHERE m.network_id = ${networkId}`);
  for (const each of versions) {
    const writers = parsed<{ id: string; name: string }[]>(each.writers);
    const kept = writers.filter((writer) => writer.id !== participantId);
    if (kept.length !== writers.length) {
      yield* changes(sql`UPDATE meeting_versions SET writers = ${json(kept)} WHERE id = ${each.id}`);
    }
  }
  yield* logErasure(networkId, 'person_erased', input, null);
  const meetingIds = yield* meetingIdsOf(networkId);
  return yield* record('person', { networkId, participantId }, input, meetingIds);
}

/** Replace a closed meeting's frozen "as agreed" state. */
export function* replaceAgreedState(meetingId: string, agreedState: Uint8Array): Action<void> {
  yield* changes(sql`UPDATE meetings SET agreed_state = ${agreedState}
    WHERE id = ${meetingId} AND agreed_state IS NOT NULL`);
}

/** Mark an erasure done, and when the documents it rewrote were rewritten. */
export function* finishErasure(id: number, at: string, rewritten: readonly string[]): Action<void> {
  if (rewritten.length > 0) {
    yield* changes(sql`INSERT INTO document_rewrites (meeting_id, rewritten_at)
      SELECT id, ${at} FROM meetings WHERE id ${inList(rewritten)}
      ON CONFLICT (meeting_id) DO UPDATE SET rewritten_at = excluded.rewritten_at`);
  }
  yield* changes(sql`UPDATE erasures SET done_at = ${at} WHERE id = ${id} AND done_at IS NULL`);
}

function* erasures(where: Statement): Action<ErasureRecord[]> {
  return (yield* rows<ErasureRow>(sql`SELECT * FROM erasures ${where}`)).map(erasure);
}

export const erasuresAfter = (id: number) => erasures(sql`WHERE id > ${id} ORDER BY id`);
export const unfinishedErasures = () => erasures(sql`WHERE done_at IS NULL ORDER BY id`);
export const listErasures = () => erasures(sql`ORDER BY id DESC`);

/** When each of these meetings' documents was last rewritten by an erasure (only those that were). */
export function* documentRewrites(meetingIds: readonly string[]): Action<Map<string, string>> {
  if (meetingIds.length === 0) return new Map();
  const found = yield* rows<{
    meeting_id: string;
    rewritten_at: TimeValue;
  }>(sql`SELECT meeting_id, rewritten_at
    FROM document_rewrites WHERE meeting_id ${inList(meetingIds)}`);
  return new Map(found.map((each) => [each.meeting_id, time(each.rewritten_at)]));
}
