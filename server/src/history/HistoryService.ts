/**
 * The history of meeting documents. Versions are taken while people write (once activity has gone on
 * for VERSION_EVERY_MS, and when a meeting goes idle) and when a meeting is closed, each with who was
 * writing. A version is a Yjs snapshot (state vector + delete set): the content itself stays in the
 * document, whose server copy never garbage-collects deleted text. Going back to a version is done as
 * new edits attributed to the person who asked, after keeping the text it replaces as a version of its
 * own; nothing already written is rewritten, and afterthoughts stay.
 */
import {
  attributedClients,
  clientsOf,
  type RestoreResponse,
  type SeenResponse,
  type VersionKind,
  type VersionList,
  type VersionRestoring,
  type VersionSummary,
} from '@polyphony/shared';
import * as Y from 'yjs';
import { notFound } from '../errors.js';
import type { Logger } from '../logger.js';
import type { MeetingRecord, MetadataStore, ParticipantRecord } from '../persistence/metadata/types.js';
import type { Room } from '../sync/Room.js';
import type { SyncServer } from '../sync/SyncServer.js';
import type { LaterChangeRecorder } from './LaterChangeRecorder.js';
import { revertToVersion } from './revertToVersion.js';

/** What the history needs. */
export interface HistoryDependencies {
  store: MetadataStore;
  sync: SyncServer;
  /** A version that could not be stored while people write is logged (the writing itself is saved). */
  logger: Logger;
  /** Take a version once people have been writing this long since the last one. */
  versionEveryMs: number;
  now?: () => Date;
  /** Records what changes after closing in what was agreed (going back to a version changes it too). */
  laterChanges?: LaterChangeRecorder;
}

interface Activity {
  since: number;
  writers: Set<string>;
}

/** Versions, restoring, and what each person has seen. */
export class HistoryService {
  private readonly deps: HistoryDependencies;
  private readonly now: () => Date;
  /** Writing since the last version, per meeting. */
  private readonly activity = new Map<string, Activity>();

  constructor(deps: HistoryDependencies) {
    this.deps = deps;
    this.now = deps.now ?? (() => new Date());
  }

  /** SyncServer hook: updates were committed. */
  afterCommit(room: Room, writers: ReadonlySet<string>): void {
    // The server's own changes (seeding, closing) are not anyone writing.
    if (writers.size === 0) return;
    let activity = this.activity.get(room.meetingId);
    if (!activity) {
      activity = { since: this.now().getTime(), writers: new Set() };
      this.activity.set(room.meetingId, activity);
    }
    for (const writer of writers) activity.writers.add(writer);
    if (this.now().getTime() - activity.since >= this.deps.versionEveryMs) {
      // A hook may not throw or wait: the version is stored in the background, and a failure is logged.
      this.takeVersion(room.meetingId, room.doc, 'auto').catch((error: unknown) =>
        this.deps.logger.error({ err: error, meetingId: room.meetingId }, 'a version could not be stored'),
      );
    }
  }

  /** SyncServer hook: a meeting goes idle; keep what was written since the last version. */
  async beforeUnload(room: Room): Promise<void> {
    if (!this.activity.get(room.meetingId)?.writers.size) return;
    await this.takeVersion(room.meetingId, room.doc, 'auto').catch((error: unknown) =>
      this.deps.logger.error({ err: error, meetingId: room.meetingId }, 'a version could not be stored'),
    );
  }

  /** A meeting was closed here: what changes in it from now on is a later change. */
  meetingClosed(meetingId: string): void {
    this.deps.laterChanges?.closed(meetingId);
  }

  /** Record a version of a document now. */
  async takeVersion(
    meetingId: string,
    doc: Y.Doc,
    kind: VersionKind,
    extraWriters: string[] = [],
    restoring?: VersionRestoring,
  ): Promise<number> {
    const writers = new Set([...(this.activity.get(meetingId)?.writers ?? []), ...extraWriters]);
    this.activity.delete(meetingId);
    // The snapshot is of this moment, before anything is awaited.
    const snapshot = Y.encodeSnapshot(Y.snapshot(doc));
    const at = this.now().toISOString();
    const people = await Promise.all([...writers].map((id) => this.deps.store.findParticipant(id)));
    const names = people
      .filter((person): person is ParticipantRecord => person !== undefined)
      .map((person) => ({ id: person.id, name: person.name }));
    return this.deps.store.addVersion({
      meetingId,
      kind,
      writers: names,
      snapshot,
      at,
      ...(restoring ? { restoring } : {}),
    });
  }

  /** The versions of a meeting, oldest first. */
  async list(meetingId: string): Promise<VersionList> {
    const [versions, agreed] = await Promise.all([
      this.deps.store.listVersions(meetingId),
      this.deps.store.agreedState(meetingId),
    ]);
    return { versions, hasAgreed: agreed !== null };
  }

  /** One version as a complete Yjs update, to be read on its own. */
  async versionState(
    meetingId: string,
    versionId: number,
  ): Promise<{ version: VersionSummary; state: Uint8Array }> {
    const version = await this.deps.store.findVersion(versionId);
    if (!version || version.meetingId !== meetingId)
      throw notFound('There is no such version of this meeting.');
    const doc = await this.deps.sync.readDocument(meetingId);
    const old = Y.createDocFromSnapshot(doc, Y.decodeSnapshot(version.snapshot));
    const state = Y.encodeStateAsUpdate(old);
    old.destroy();
    const { snapshot: _snapshot, meetingId: _meeting, ...summary } = version;
    return { version: summary, state };
  }

  /**
   * Bring back the text of an older version as new edits by `actor`, keeping every afterthought
   * (revertToVersion.ts). First the document as it reads now is kept as a version of its own ("before
   * restoring"), whatever the version timer says: if that cannot be stored, nothing is changed. Then the
   * change, a version after it, and an entry in the network's activity log saying who went back to which
   * version. Earlier versions stay as they were.
   */
  async restore(
    meeting: MeetingRecord,
    versionId: number,
    actor: ParticipantRecord,
  ): Promise<RestoreResponse> {
    const stored = await this.deps.store.findVersion(versionId);
    if (!stored || stored.meetingId !== meeting.id)
      throw notFound('There is no such version of this meeting.');
    const restoring: VersionRestoring = {
      by: { id: actor.id, name: actor.name },
      version: { id: stored.id, takenAt: stored.takenAt },
    };
    const live = await this.deps.sync.readDocument(meeting.id);
    // The document as it reads at this moment, on its own: what the "before" version keeps is exactly
    // what the restore replaces. Edits arriving meanwhile are not undone; they stay beside it.
    const current = Y.createDocFromSnapshot(live, Y.snapshot(live), new Y.Doc({ gc: false }));
    let beforeVersionId: number;
    let reversion: Awaited<ReturnType<typeof revertToVersion>>;
    try {
      beforeVersionId = await this.takeVersion(meeting.id, current, 'before_restore', [], restoring);
      reversion = await revertToVersion(current, Y.decodeSnapshot(stored.snapshot), actor.id);
    } finally {
      current.destroy();
    }
    const doc = await this.deps.sync.changeDocument(meeting.id, (d) => Y.applyUpdate(d, reversion.update));
    const after = await this.takeVersion(meeting.id, doc, 'restore', [actor.id], restoring);
    await this.deps.store.recordActivity({
      networkId: meeting.networkId,
      kind: 'version_restored',
      actorId: actor.id,
      meetingId: meeting.id,
      versionId: stored.id,
      at: this.now().toISOString(),
    });
    // The restore's edits are the server's own, which no commit hook names: recorded here, as the actor's.
    // The restore is done by now: a record that cannot be written is logged (and found again at the
    // next writing), not reported as a failed restore.
    await this.deps.laterChanges
      ?.recordNow(meeting.id, [actor.id], restoring)
      .catch((error: unknown) =>
        this.deps.logger.error(
          { err: error, meetingId: meeting.id },
          'a change after the meeting could not be recorded',
        ),
      );
    return { beforeVersionId, versionId: after, keptLaterAdditions: reversion.keptLaterAdditions };
  }

  /** Record what a person has seen of a meeting. */
  async markSeen(participantId: string, meetingId: string, stateVector: Uint8Array): Promise<void> {
    await this.deps.store.setLastSeen(participantId, meetingId, {
      stateVector,
      seenAt: this.now().toISOString(),
    });
  }

  /** A person's last-seen point. */
  async seen(participantId: string, meetingId: string): Promise<SeenResponse> {
    const seen = await this.deps.store.lastSeen(participantId, meetingId);
    return seen
      ? { stateVector: Buffer.from(seen.stateVector).toString('base64'), seenAt: seen.seenAt }
      : { stateVector: null, seenAt: null };
  }

  /** Whether others wrote in a meeting since the person last saw it. */
  async hasNews(participantId: string, meetingId: string): Promise<boolean> {
    const doc = await this.deps.sync.readDocument(meetingId);
    const mine = new Set(clientIdsOf(doc, participantId));
    const seen = await this.deps.store.lastSeen(participantId, meetingId);
    const seenVector = seen ? decodeSeen(seen.stateVector) : new Map<number, number>();
    const people = peopleClientIds(doc);
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
      // Only what people wrote counts: the server's own seeding of a meeting is not news.
      if (mine.has(client) || !people.has(client)) continue;
      if (clock > (seenVector.get(client) ?? 0)) return true;
    }
    return false;
  }
}

/**
 * A stored "seen" point, or none when it does not decode (stored before the API checked them): a
 * malformed value of one person must not make their network page fail.
 */
function decodeSeen(stateVector: Uint8Array): Map<number, number> {
  try {
    return Y.decodeStateVector(stateVector);
  } catch {
    return new Map();
  }
}

/** The Yjs client ids PermanentUserData maps to a participant (entries in another layout: none). */
export function clientIdsOf(doc: Y.Doc, participantId: string): number[] {
  return clientsOf(doc, participantId);
}

function peopleClientIds(doc: Y.Doc): Set<number> {
  return new Set(attributedClients(doc).keys());
}
