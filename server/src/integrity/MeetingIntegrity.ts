/**
 * The server's guard over one meeting's document: every update from a member's socket is checked
 * before any of it is applied (inspectUpdate), each socket's Yjs client ids are bound to its person
 * (ClientIdRegistry), presence is bound to the person and checked (presenceCheck), and a voice block's
 * typist is always the person whose socket wrote it. A Room holds one and calls it at three points:
 * an update arrives, an update was accepted, presence arrives.
 */
import { CloseCodes, NodeNames } from '@polyphony/shared';
import { sectionRules } from '@polyphony/shared/rules';
import * as Y from 'yjs';
import type { PresenceEntry } from '../sync/Presence.js';
import { ProtocolViolation } from '../sync/ProtocolViolation.js';
import { ClientIdRegistry } from './ClientIdRegistry.js';
import type { Writer } from './contentRules.js';
import { type DecodedUpdate, type Inspection, inspectUpdate, UpdateRefused } from './inspectUpdate.js';
import { type Holder, UnappliedPlaces } from './placement.js';
import { bindPresenceStates, boundPresenceState, presenceOwner } from './presenceCheck.js';

export type { Writer } from './contentRules.js';
export type { Inspection } from './inspectUpdate.js';

/** The transaction origin of the server's own corrections (a voice block's typist). */
export const INTEGRITY_ORIGIN = Symbol('integrity');

/** How the guard reaches the meeting's document, which a Room brings up to date lazily. */
export interface MeetingDocumentAccess {
  /** The document as it stands (built if it was not), without the updates accepted in this turn. */
  current(): Y.Doc;
  /** The document with every accepted update applied. */
  upToDate(): Y.Doc;
  /** Whether accepted updates are waiting to be applied. */
  behind(): boolean;
}

/** The integrity checks of one meeting. */
export class MeetingIntegrity {
  private readonly registry = new ClientIdRegistry();
  private readonly roots = new Map<string, Holder>();
  private readonly typeHolders = new WeakMap<object, Holder>();
  /**
   * Where the structs accepted since the document was last brought up to date go: a keystroke's left
   * neighbour is usually the keystroke before, not applied yet, and is found here — without this, each
   * keystroke applied the ones before it in a Yjs transaction of its own (a quarter of what the server
   * allocated per keystroke under the busy-afternoon benchmark).
   */
  private readonly unapplied = new UnappliedPlaces();

  constructor(private readonly documents: MeetingDocumentAccess) {}

  /**
   * Check an update from `writer`. Throws ProtocolViolation (malformed message) when it cannot be
   * decoded or must be refused; nothing of it is applied then.
   */
  inspect(writer: Writer, update: Uint8Array, alreadyDecoded?: DecodedUpdate): Inspection {
    let decoded: DecodedUpdate;
    try {
      // Decoded completely before anything is applied, so that a malformed update cannot leave half of
      // itself in the document.
      decoded = alreadyDecoded ?? Y.decodeUpdate(update);
    } catch {
      throw new ProtocolViolation(CloseCodes.malformedMessage, 'update could not be decoded');
    }
    const behind = this.documents.behind();
    // Once the document has applied everything accepted, what was kept of it is in the document.
    if (!behind && this.unapplied.size > 0) this.unapplied.clear();
    try {
      const inspection = this.inspectAgainst(
        this.documents.current(),
        decoded,
        writer,
        behind ? this.unapplied : null,
      );
      // Content placed after this turn's own updates is placed once they are applied.
      if (!inspection.unplaced || !this.documents.behind()) return inspection;
    } catch (error) {
      if (!(error instanceof UpdateRefused)) throw error;
      if (!error.mayChange || !this.documents.behind()) throw refused(error);
    }
    try {
      const doc = this.documents.upToDate();
      this.unapplied.clear();
      return this.inspectAgainst(doc, decoded, writer, null);
    } catch (error) {
      throw error instanceof UpdateRefused ? refused(error) : error;
    }
  }

  /**
   * An inspected update was accepted: its unclaimed client ids become the writer's — those of its
   * content when it is a live edit (`claimContent`; a SyncStep2 carries whatever the browser holds,
   * which after a server restart may be others' unsaved edits), and those the writer listed in their
   * own `users` entry.
   */
  accepted(writer: Writer, inspection: Inspection, claimContent: boolean): void {
    if (claimContent) for (const id of inspection.unclaimed) this.registry.claim(id, writer.participantId);
    for (const id of inspection.listedIds) this.registry.claim(id, writer.participantId);
    // Applied to the document later, with the others of the turn (LazyDocument.addLater).
    this.unapplied.add(inspection.placed);
  }

  /**
   * After an accepted update that set a voice block's speaker or typist: the block must show the writer
   * as its typist unless they are its speaker and typed it themselves; the server writes them in when it
   * does not ("typed for" someone stays possible, hiding who typed does not).
   */
  correctTypists(doc: Y.Doc, writer: Writer, inspection: Inspection): void {
    if (inspection.voiceBlocks.length === 0) return;
    const wrong: Y.XmlElement[] = [];
    for (const id of inspection.voiceBlocks) {
      if (id.clock >= Y.getState(doc.store, id.client)) continue;
      const item = Y.getItem(doc.store, id);
      if (!(item instanceof Y.Item) || item.deleted || !(item.content instanceof Y.ContentType)) continue;
      const block = item.content.type;
      if (!(block instanceof Y.XmlElement) || block.nodeName !== NodeNames.voice) continue;
      if (!showsTypist(block, writer) && !wrong.includes(block)) wrong.push(block);
    }
    if (wrong.length === 0) return;
    doc.transact(() => {
      for (const block of wrong) {
        block.setAttribute('typistId', writer.participantId);
        block.setAttribute('typistName', writer.name);
      }
    }, INTEGRITY_ORIGIN);
  }

  /**
   * Presence from `writer`'s socket (readPresenceEntries: states not checked yet), bound to them: entries
   * for client ids of someone else are left out, unclaimed ids become the writer's, and each state is
   * rewritten with the server's record of who the writer is (or left out when it is of the wrong shape).
   * Throws MalformedPresence when a state is not JSON.
   */
  bindPresence(writer: Writer, entries: readonly PresenceEntry[]): PresenceEntry[] {
    // One entry (a cursor move, nearly always): the same, without the lists.
    if (entries.length === 1) {
      const entry = entries[0] as PresenceEntry;
      const state = entry.state === null ? null : boundPresenceState(entry.state, writer, true);
      const owner = this.registry.ownerOf(entry.id);
      if (owner !== undefined && owner !== writer.participantId) return [];
      if (entry.state === null) return [entry];
      if (owner === undefined) this.registry.claim(entry.id, writer.participantId);
      return state ? [{ id: entry.id, clock: entry.clock, state }] : [];
    }
    // Every state is parsed (and the update refused when one is not JSON) before anything is claimed.
    const bound = bindPresenceStates(entries, writer);
    const own: PresenceEntry[] = [];
    entries.forEach((entry, i) => {
      const owner = this.registry.ownerOf(entry.id);
      if (owner !== undefined && owner !== writer.participantId) return;
      if (owner === undefined && entry.state !== null) this.registry.claim(entry.id, writer.participantId);
      const state = bound[i];
      if (state) own.push(state);
    });
    return own;
  }

  /** Presence another instance relayed (and bound there): its ids belong to the people it names. */
  learnPresence(entries: readonly PresenceEntry[]): void {
    for (const entry of entries) {
      const owner = presenceOwner(entry.state);
      if (owner) this.registry.claim(entry.id, owner);
    }
  }

  private inspectAgainst(
    doc: Y.Doc,
    decoded: DecodedUpdate,
    writer: Writer,
    unapplied: UnappliedPlaces | null,
  ): Inspection {
    this.registry.attach(doc);
    return inspectUpdate(
      {
        doc,
        registry: this.registry,
        rules: sectionRules(),
        roots: this.roots,
        typeHolders: this.typeHolders,
        unapplied,
      },
      decoded,
      writer,
    );
  }
}

function refused(error: UpdateRefused): ProtocolViolation {
  return new ProtocolViolation(CloseCodes.malformedMessage, `update refused: ${error.message}`);
}

/** Whether a voice block shows `writer` as the one who typed it (as typist, or as the speaker). */
function showsTypist(block: Y.XmlElement, writer: Writer): boolean {
  const unset = (value: unknown) => value === undefined || value === null || value === '';
  const typistId: unknown = block.getAttribute('typistId');
  if (typistId === writer.participantId) return block.getAttribute('typistName') === writer.name;
  if (!unset(typistId)) return false;
  // No typist: the words must be the writer's own (a block may name its speaker without an id).
  const speakerId: unknown = block.getAttribute('speakerId');
  return (
    (speakerId === writer.participantId || unset(speakerId)) &&
    block.getAttribute('speakerName') === writer.name
  );
}
