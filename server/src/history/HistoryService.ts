/**
 * The history of meeting documents. Versions are taken while people write (once activity has gone on
 * for VERSION_EVERY_MS, and when a meeting goes idle) and when a meeting is closed, each with who was
 * writing. A version is a Yjs snapshot (state vector + delete set): the content itself stays in the
 * document, whose server copy never garbage-collects deleted text. Going back to a version is done as
 * new edits attributed to the person who asked; nothing already written is rewritten.
 */
import {
  DocumentTypes,
  SECTIONS,
  type SeenResponse,
  type VersionKind,
  type VersionList,
  type VersionSummary,
} from '@polyphony/shared';
import * as Y from 'yjs';
import { notFound } from '../errors.js';
import type { Logger } from '../logger.js';
import type { MetadataStore, ParticipantRecord } from '../persistence/metadata/types.js';
import type { Room } from '../sync/Room.js';
import type { SyncServer } from '../sync/SyncServer.js';

/** What the history needs. */
export interface HistoryDependencies {
  store: MetadataStore;
  sync: SyncServer;
  /** A version that could not be stored while people write is logged (the writing itself is saved). */
  logger: Logger;
  /** Take a version once people have been writing this long since the last one. */
  versionEveryMs: number;
  now?: () => Date;
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

  /** Record a version of a document now. */
  async takeVersion(
    meetingId: string,
    doc: Y.Doc,
    kind: VersionKind,
    extraWriters: string[] = [],
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
    return this.deps.store.addVersion({ meetingId, kind, writers: names, snapshot, at });
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
   * Bring back the text of an older version as new edits by `actor`: every section is replaced by the
   * version's, in one change attributed to them. Earlier versions stay as they were; a new version
   * records the restore.
   */
  async restore(meetingId: string, versionId: number, actor: ParticipantRecord): Promise<number> {
    const { state } = await this.versionState(meetingId, versionId);
    const old = new Y.Doc({ gc: false });
    Y.applyUpdate(old, state);
    const live = await this.deps.sync.readDocument(meetingId);
    // The edits are made on a copy whose own client id belongs to the actor (PermanentUserData), so
    // that everyone's view of who wrote what shows the restore as theirs.
    const copy = new Y.Doc({ gc: false });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
    const attribution = new Y.PermanentUserData(copy, copy.getMap(DocumentTypes.users));
    attribution.setUserMapping(copy, copy.clientID, actor.id);
    copy.transact(() => {
      for (const section of SECTIONS) {
        const target = copy.getXmlFragment(section);
        target.delete(0, target.length);
        const source = old.getXmlFragment(section).toArray();
        target.insert(
          0,
          source.map((node) => node.clone() as Y.XmlElement | Y.XmlText),
        );
      }
    });
    // PermanentUserData records the deletions of a transaction a tick later.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const change = Y.encodeStateAsUpdate(copy, Y.encodeStateVector(live));
    copy.destroy();
    old.destroy();
    const doc = await this.deps.sync.changeDocument(meetingId, (d) => Y.applyUpdate(d, change));
    return this.takeVersion(meetingId, doc, 'restore', [actor.id]);
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

/** The Yjs client ids PermanentUserData maps to a participant. */
export function clientIdsOf(doc: Y.Doc, participantId: string): number[] {
  const user = doc.getMap<Y.Map<Y.Array<number>>>(DocumentTypes.users).get(participantId);
  return user?.get('ids')?.toArray() ?? [];
}

function peopleClientIds(doc: Y.Doc): Set<number> {
  const ids = new Set<number>();
  for (const user of doc.getMap<Y.Map<Y.Array<number>>>(DocumentTypes.users).values()) {
    for (const id of user.get('ids')?.toArray() ?? []) ids.add(id);
  }
  return ids;
}
