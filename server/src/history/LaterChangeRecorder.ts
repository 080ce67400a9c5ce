/**
 * Keeps the record of changes made after closing to what was agreed in a meeting (laterChanges.ts): after
 * people's writing in a closed meeting is committed, the living document is compared with the version as
 * agreed and what changed is written into the document's record, with who changed it and when.
 *
 * The comparison runs after the commit, in the background, one at a time per meeting; it looks at the
 * document only for closed meetings, so writing in an open meeting costs one map lookup (whether a
 * meeting is closed is asked of the store at most every CHECK_OPEN_MS per meeting, and at once when it
 * is closed on this instance).
 */
import {
  type AgreedParts,
  agreedParts,
  type ChangedBy,
  DocumentTypes,
  type LaterChange,
  recordStart,
  recordStarted,
  type VersionRestoring,
} from '@polyphony/shared';
import * as Y from 'yjs';
import type { Logger } from '../logger.js';
import type { MetadataStore } from '../persistence/metadata/types.js';
import type { Room } from '../sync/Room.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { type FoundChange, findLaterChanges, writeLaterChanges } from './laterChanges.js';

/** How long an open meeting is believed open before the store is asked again (another instance may close it). */
const CHECK_OPEN_MS = 30_000;
/** Meetings whose version as agreed (or whose being open) is kept in memory, most recently used last. */
const BASELINES_KEPT = 1000;

/** What the recorder needs. */
export interface LaterChangeDependencies {
  store: MetadataStore;
  sync: SyncServer;
  logger: Logger;
  now?: () => Date;
}

type Baseline = { closed: true; parts: AgreedParts } | { closed: false; checkedAt: number };

/** Records what changes after a meeting in what was agreed in it. */
export class LaterChangeRecorder {
  private readonly deps: LaterChangeDependencies;
  private readonly now: () => Date;
  private readonly baselines = new Map<string, Baseline>();
  /** Per meeting: the comparison running, and the writers waiting for the next one. */
  private readonly running = new Map<string, Promise<void>>();
  private readonly waiting = new Map<string, Set<string>>();

  constructor(deps: LaterChangeDependencies) {
    this.deps = deps;
    this.now = deps.now ?? (() => new Date());
  }

  /** SyncServer hook: people's updates to a meeting were committed. */
  afterCommit(room: Room, writers: ReadonlySet<string>): void {
    // The server's own changes (seeding, closing, this record) are nobody's later change.
    if (writers.size === 0) return;
    const known = this.baselines.get(room.meetingId);
    if (known && !known.closed && this.now().getTime() - known.checkedAt < CHECK_OPEN_MS) return;
    this.schedule(room.meetingId, writers);
  }

  /** The meeting was closed on this instance: from now on what changes in it is recorded. */
  closed(meetingId: string): void {
    this.baselines.delete(meetingId);
  }

  /**
   * Record now what changed, made by `writers` (going back to a version: the server's own edits, in the
   * name of the person who asked); resolves once it is recorded.
   */
  async recordNow(meetingId: string, writers: string[], restoring?: VersionRestoring): Promise<void> {
    await this.running.get(meetingId)?.catch(() => undefined);
    await this.compare(meetingId, new Set(writers), restoring);
  }

  /** Wait until every comparison started so far is done (tests, and stopping). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private schedule(meetingId: string, writers: ReadonlySet<string>): void {
    const waiting = this.waiting.get(meetingId);
    if (waiting) {
      for (const writer of writers) waiting.add(writer);
      return;
    }
    this.waiting.set(meetingId, new Set(writers));
    const previous = this.running.get(meetingId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const batch = this.waiting.get(meetingId) ?? new Set<string>();
        this.waiting.delete(meetingId);
        await this.compare(meetingId, batch);
      })
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, meetingId }, 'a change after the meeting could not be recorded'),
      )
      .finally(() => {
        if (this.running.get(meetingId) === next) this.running.delete(meetingId);
      });
    this.running.set(meetingId, next);
  }

  /** The version as agreed of a closed meeting, decoded once; null while the meeting is open. */
  private async baseline(meetingId: string): Promise<AgreedParts | null> {
    const known = this.baselines.get(meetingId);
    if (known?.closed) {
      // Most recently used last.
      this.baselines.delete(meetingId);
      this.baselines.set(meetingId, known);
      return known.parts;
    }
    const state = await this.deps.store.agreedState(meetingId);
    if (!state) {
      this.remember(meetingId, { closed: false, checkedAt: this.now().getTime() });
      return null;
    }
    const doc = new Y.Doc({ gc: false });
    try {
      Y.applyUpdate(doc, state);
      const parts = agreedParts(doc);
      this.remember(meetingId, { closed: true, parts });
      return parts;
    } finally {
      doc.destroy();
    }
  }

  /** Keep what is known of a meeting, forgetting the least recently used beyond BASELINES_KEPT. */
  private remember(meetingId: string, baseline: Baseline): void {
    this.baselines.delete(meetingId);
    this.baselines.set(meetingId, baseline);
    while (this.baselines.size > BASELINES_KEPT) {
      this.baselines.delete(this.baselines.keys().next().value as string);
    }
  }

  private async compare(meetingId: string, writers: ReadonlySet<string>, restoring?: VersionRestoring) {
    const parts = await this.baseline(meetingId);
    if (!parts) return;
    const found = findLaterChanges(parts, await this.deps.sync.readDocument(meetingId));
    if (found.length === 0) return;
    const meeting = await this.deps.store.findMeeting(meetingId);
    if (!meeting) return;
    const names = new Map(
      (await this.deps.store.listParticipants(meeting.networkId)).map((person) => [person.id, person.name]),
    );
    const at = this.now().toISOString();
    await this.deps.sync.changeDocument(meetingId, (doc) => {
      // A meeting closed before the record was kept: what differs now was changed some time before, and
      // not necessarily by whoever writes now. It is said so, and the record starts here.
      const earlier = !recordStarted(doc);
      // Found again on the document being changed: nothing arrived meanwhile is missed or told twice.
      const changes = findLaterChanges(parts, doc).map((change) =>
        named(change, doc, earlier ? new Set() : writers, names, at, restoring, earlier),
      );
      if (earlier) doc.getArray(DocumentTypes.laterChanges).insert(0, [recordStart(at)]);
      writeLaterChanges(doc, changes);
    });
  }
}

/** A change found, with its time, the names of who made it, and the version it went back to. */
function named(
  { clients, byWriters, ...change }: FoundChange,
  doc: Y.Doc,
  writers: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
  at: string,
  restoring: VersionRestoring | undefined,
  earlier: boolean,
): LaterChange {
  const owners = clientOwners(doc);
  const ids = new Set<string>();
  for (const client of clients) {
    // The writer of the value itself, as PermanentUserData maps its client id, which is right even
    // when the change is found a commit late.
    const owner = owners.get(client);
    if (owner) ids.add(owner);
  }
  if (byWriters || ids.size === 0) for (const writer of writers) ids.add(writer);
  const by: ChangedBy[] = [...ids].map((id) => ({ id, name: names.get(id) ?? '' })).filter((p) => p.name);
  return {
    ...change,
    at,
    by,
    ...(restoring ? { restoring: restoring.version } : {}),
    ...(earlier ? { earlier: true } : {}),
  } as LaterChange;
}

/** Yjs client id → participant id, from PermanentUserData. */
function clientOwners(doc: Y.Doc): Map<number, string> {
  const owners = new Map<number, string>();
  for (const [participantId, user] of doc.getMap<unknown>(DocumentTypes.users)) {
    if (!(user instanceof Y.Map)) continue;
    const ids = user.get('ids');
    if (!(ids instanceof Y.Array)) continue;
    for (const id of ids.toArray()) if (typeof id === 'number') owners.set(id, participantId);
  }
  return owners;
}
