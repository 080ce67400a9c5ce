/**
 * Erasing a network, a meeting or a person, for good, from the interface or the operator command.
 *
 * 1. One metadata transaction deletes every row of it and records the erasure (kind, ids, who, when;
 *    no names). From then on nobody can open it: the rows that authorise a socket are gone.
 * 2. Every process drops what it holds of the meetings concerned — the erasing one at once, the others
 *    within a second (the erasure sweep: other instances, a server beside the operator command): their
 *    sockets close (4404 for an erased meeting, 4409 for a document being rewritten), their rooms go
 *    without being written back, and until the erasure is finished none of them opens those meetings.
 * 3. After SETTLE_MS (time for the others to have dropped theirs), the documents are deleted (network,
 *    meeting) or rewritten without the person (personInDocument.ts), including a closed meeting's
 *    frozen "as agreed" state; the database's files are purged of the deleted bytes (purge.ts); the
 *    erasure is marked finished, and the rewritten documents with it, so that browsers holding older
 *    copies delete them (POST /api/local-copies).
 *
 * A process that stops in step 3 leaves the erasure unfinished: any server finishes it later (the
 * sweep), since every step of it can be done again.
 */
import { CloseCodes, can, type ErasedWords, type ErasureDone, type ErasurePreview } from '@polyphony/shared';
import * as Y from 'yjs';
import { conflict, forbidden, meetingNotFound, networkNotFound } from '../errors.js';
import type { VideoService } from '../livekit/VideoService.js';
import type { Logger } from '../logger.js';
import type { NetworkService } from '../networks/NetworkService.js';
import type { ErasedBy, ErasureRecord, ErasureTarget } from '../persistence/metadata/protection.js';
import type { MetadataStore, ParticipantRecord } from '../persistence/metadata/types.js';
import type { Persistence } from '../persistence/open.js';
import type { DocumentStore } from '../persistence/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { erasePersonFromDocument } from './personInDocument.js';

/** What the erasure service needs. */
export interface ErasureDependencies {
  store: MetadataStore;
  documents: DocumentStore;
  sync: SyncServer;
  service: NetworkService;
  persistence: Pick<Persistence, 'purge' | 'deleting'>;
  logger: Logger;
  now?: () => Date;
  /** How long the other processes are given to drop their copies before documents are touched. */
  settleMs: number;
  /** An unfinished erasure this old is finished by whoever sees it (its process stopped). */
  resumeAfterMs?: number;
  video?: VideoService | undefined;
  /** PostgreSQL: VACUUM FULL instead of VACUUM (the operator command's --vacuum-full). */
  vacuumFull?: boolean;
}

/** Who asks for an erasure: a member (checked against their role) or the operator / retention. */
export interface Eraser {
  by: ErasedBy;
  actor: ParticipantRecord | null;
}

/**
 * How long an erasure waits, after its rows are gone, before it deletes or rewrites documents: every
 * other process looks every 500 ms (erasureSweep.ts) and has dropped its copies by then, with room for
 * a slow look on a busy machine.
 */
export const ERASURE_SETTLE_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Erasure: preview, erase, carry out, and learn of other processes' erasures. */
export class ErasureService {
  private readonly deps: ErasureDependencies;
  private readonly now: () => Date;
  /** Erasures this process has dropped its copies for. */
  private readonly applied = new Set<number>();
  /** Meetings whose documents an unfinished erasure is rewriting → its id: not opened meanwhile. */
  private readonly blocked = new Map<string, number>();
  /** Erasures this process is carrying out. */
  private readonly running = new Map<number, Promise<void>>();
  /** The newest erasure this process has seen. */
  private lastSeen = 0;

  constructor(deps: ErasureDependencies) {
    this.deps = deps;
    this.now = deps.now ?? (() => new Date());
  }

  /** Start from what is recorded: earlier erasures are not applied again; unfinished ones block. */
  async start(): Promise<void> {
    this.lastSeen = (await this.deps.store.listErasures())[0]?.id ?? 0;
    for (const record of await this.deps.store.unfinishedErasures()) this.block(record);
  }

  /** Whether a meeting's document is being rewritten by an erasure (its sockets must wait). */
  isBlocked(meetingId: string): boolean {
    return this.blocked.has(meetingId);
  }

  /** What an erasure would take away, or undefined when there is no such thing. */
  async preview(target: ErasureTarget): Promise<ErasurePreview | undefined> {
    const { store } = this.deps;
    let networkId: string;
    let meetings: ErasurePreview['meetings'];
    let people: ErasurePreview['people'];
    const summary = ({ id, number, title }: { id: string; number: number; title: string }) => ({
      id,
      number,
      title,
    });
    const person = ({ id, name, relation, role }: ParticipantRecord) => ({ id, name, relation, role });
    if (target.kind === 'network') {
      networkId = target.networkId;
      meetings = (await store.listMeetings(networkId)).map(summary);
      people = (await store.listParticipants(networkId)).map(person);
    } else if (target.kind === 'meeting') {
      const meeting = await store.findMeeting(target.meetingId);
      if (!meeting) return undefined;
      networkId = meeting.networkId;
      meetings = [summary(meeting)];
      people = [];
    } else {
      const found = await store.findParticipant(target.participantId);
      if (!found) return undefined;
      networkId = found.networkId;
      meetings = (await store.listMeetings(networkId)).map(summary);
      people = [person(found)];
    }
    const network = await store.findNetwork(networkId);
    if (!network) return undefined;
    const counts = await store.erasureCounts(target);
    return { kind: target.kind, networkId, centreName: network.centreName, meetings, people, ...counts };
  }

  /** Erase a network and everything in it. */
  async eraseNetwork(networkId: string, eraser: Eraser): Promise<ErasureDone> {
    this.mayErase(eraser, networkId);
    const preview = await this.preview({ kind: 'network', networkId });
    if (!preview) throw networkNotFound();
    const record = await this.deps.store.eraseNetwork(networkId, this.input(eraser));
    if (!record) throw networkNotFound();
    await this.carryOut(record);
    return this.done(record, preview);
  }

  /** Erase one meeting: its document, versions, attendance, last-seen points. */
  async eraseMeeting(meetingId: string, eraser: Eraser): Promise<ErasureDone> {
    const preview = await this.preview({ kind: 'meeting', meetingId });
    if (!preview) throw meetingNotFound();
    this.mayErase(eraser, preview.networkId);
    const record = await this.deps.store.eraseMeeting(meetingId, this.input(eraser));
    if (!record) throw meetingNotFound();
    await this.carryOut(record);
    return this.done(record, preview);
  }

  /** Erase a person: their details everywhere, and their words removed or anonymised. */
  async erasePerson(participantId: string, words: ErasedWords, eraser: Eraser): Promise<ErasureDone> {
    const subject = await this.deps.store.findParticipant(participantId);
    if (!subject) throw networkNotFound();
    this.mayErase(eraser, subject.networkId);
    if (eraser.actor && eraser.actor.id === subject.id) {
      throw forbidden(
        'Someone else in the network erases you: ask a professional or the person at the centre.',
      );
    }
    if (subject.role === 'person_at_centre') {
      throw conflict(
        `The network is named after ${subject.name}, the person at its centre: erase the network to erase them.`,
      );
    }
    const preview = await this.preview({ kind: 'person', participantId });
    if (!preview) throw networkNotFound();
    const record = await this.deps.store.erasePerson(participantId, { ...this.input(eraser), words });
    if (!record) throw networkNotFound();
    await this.carryOut(record, subject.name);
    return this.done(record, preview);
  }

  private mayErase(eraser: Eraser, networkId: string): void {
    const { actor } = eraser;
    if (!actor) return;
    if (actor.networkId !== networkId) throw networkNotFound();
    if (!can(actor.role, 'erase')) {
      throw forbidden('Only professionals and the person at the centre erase what is in a network.');
    }
  }

  private input(eraser: Eraser) {
    return {
      at: this.now().toISOString(),
      by: eraser.by,
      actorId: eraser.actor?.id ?? null,
      actorRole: eraser.actor?.role ?? null,
    };
  }

  private done(record: ErasureRecord, preview: ErasurePreview): ErasureDone {
    return { erasureId: record.id, kind: record.kind, at: record.at, preview };
  }

  /** Drop this process's copies now, then finish the erasure (steps 2 and 3 of the header). */
  private async carryOut(record: ErasureRecord, name?: string): Promise<void> {
    this.applyLocally(record);
    await this.complete(record, name);
  }

  /**
   * This process learns of an erasure (its own, or another process's through the sweep): the rooms of
   * its meetings go without being written back, their sockets close, and until it is finished the
   * meetings being rewritten are not opened.
   */
  applyLocally(record: ErasureRecord): void {
    if (this.applied.has(record.id)) return;
    this.applied.add(record.id);
    if (!record.doneAt) this.block(record);
    this.drop(record);
    this.deps.service.forget({
      participantIds: record.participantId ? [record.participantId] : [],
      meetingIds: record.kind === 'person' ? [] : record.meetingIds,
    });
    const { video } = this.deps;
    if (video) {
      if (record.kind === 'person' && record.participantId) {
        void video.removeFromMeetings(record.meetingIds, [record.participantId]);
      } else {
        void video.endRooms(record.meetingIds);
      }
    }
  }

  private block(record: ErasureRecord): void {
    if (record.kind !== 'person') return;
    for (const meetingId of record.meetingIds) this.blocked.set(meetingId, record.id);
  }

  private unblock(record: ErasureRecord): void {
    for (const meetingId of record.meetingIds) {
      if (this.blocked.get(meetingId) === record.id) this.blocked.delete(meetingId);
    }
  }

  private drop(record: ErasureRecord): void {
    const code = record.kind === 'person' ? CloseCodes.documentRewritten : CloseCodes.meetingNotFound;
    for (const meetingId of record.meetingIds) this.deps.sync.discardMeeting(meetingId, code);
  }

  /** Delete or rewrite the erasure's documents, purge the files, mark it finished (idempotent). */
  complete(record: ErasureRecord, name?: string): Promise<void> {
    let running = this.running.get(record.id);
    if (!running) {
      running = this.finish(record, name).finally(() => this.running.delete(record.id));
      this.running.set(record.id, running);
    }
    return running;
  }

  private async finish(record: ErasureRecord, name?: string): Promise<void> {
    const { store, documents, persistence, logger } = this.deps;
    try {
      await sleep(this.deps.settleMs);
      // Anything this process read meanwhile (a search, an export) is not kept decoded.
      this.drop(record);
      const rewritten: string[] = [];
      await persistence.deleting(async () => {
        for (const meetingId of record.meetingIds) {
          if (record.kind !== 'person') await documents.delete(meetingId);
          else if (await this.rewrite(meetingId, record, name)) rewritten.push(meetingId);
        }
      });
      const purged = await persistence.purge({ full: this.deps.vacuumFull ?? false });
      if (!purged.walEmptied) {
        logger.warn(
          { erasureId: record.id },
          'erased, but the WAL could not be emptied yet; it is at the next checkpoint',
        );
      }
      await store.finishErasure(record.id, this.now().toISOString(), rewritten);
      logger.info(
        {
          erasureId: record.id,
          kind: record.kind,
          meetings: record.meetingIds.length,
          purgeMs: Math.round(purged.ms),
        },
        'erasure finished',
      );
    } finally {
      this.unblock(record);
      this.drop(record);
    }
  }

  /** Rewrite one meeting's document (and its agreed state) without the person; whether anything changed. */
  private async rewrite(meetingId: string, record: ErasureRecord, name?: string): Promise<boolean> {
    const { documents, store } = this.deps;
    const person = { id: record.participantId as string, name };
    const words = record.words ?? 'remove';
    let changed = false;
    // Folded inside the store's compaction, from what the store holds at that moment: one snapshot in
    // place of the whole log, so that no update that held what was erased is kept (DocumentStore rule
    // [DS13]: the updates folded, and only those, are removed).
    await documents.compact(
      meetingId,
      (stored) => {
        if (!stored.snapshot && stored.updates.length === 0) return null;
        const doc = new Y.Doc({ gc: false });
        try {
          doc.transact(() => {
            if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
            for (const update of stored.updates) Y.applyUpdate(doc, update);
          });
          if (!erasePersonFromDocument(doc, person, words).changed) return null;
          changed = true;
          return { snapshot: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
        } finally {
          doc.destroy();
        }
      },
      { rewrite: true },
    );
    const agreed = await store.agreedState(meetingId);
    if (agreed) {
      const frozen = new Y.Doc({ gc: false });
      Y.applyUpdate(frozen, agreed);
      if (erasePersonFromDocument(frozen, person, words).changed) {
        await store.replaceAgreedState(meetingId, Y.encodeStateAsUpdate(frozen));
        changed = true;
      }
      frozen.destroy();
    }
    return changed;
  }

  /**
   * The sweep's look (erasureSweep.ts): erasures recorded by other processes are applied here; those
   * finished elsewhere stop blocking; those left unfinished for long are finished here.
   */
  async look(): Promise<void> {
    const { store } = this.deps;
    for (const record of await store.erasuresAfter(this.lastSeen)) {
      this.applyLocally(record);
      this.lastSeen = Math.max(this.lastSeen, record.id);
    }
    const unfinished = await store.unfinishedErasures();
    const open = new Set(unfinished.map((record) => record.id));
    for (const [meetingId, id] of this.blocked) {
      if (!open.has(id) && !this.running.has(id)) {
        this.blocked.delete(meetingId);
        // A copy read while it was being rewritten elsewhere is not kept.
        this.deps.sync.discardMeeting(meetingId, CloseCodes.documentRewritten);
      }
    }
    const resumeAfter = this.deps.resumeAfterMs ?? 60_000;
    for (const record of unfinished) {
      if (this.running.has(record.id)) continue;
      if (this.now().getTime() - Date.parse(record.at) < resumeAfter) continue;
      this.deps.logger.warn({ erasureId: record.id }, 'finishing an erasure left unfinished');
      this.applyLocally(record);
      void this.complete(record).catch((error: unknown) =>
        this.deps.logger.error({ err: error, erasureId: record.id }, 'could not finish an erasure'),
      );
    }
  }

  /** Wait for the erasures this process is carrying out (stopping). */
  async settle(): Promise<void> {
    await Promise.allSettled(this.running.values());
  }
}
