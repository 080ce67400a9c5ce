/**
 * The check of one incoming update against the document it would change, before any of it is applied.
 *
 * Only what the document does not already hold counts: structs below the document's state vector, and
 * deletions of items already deleted, are what a client legally sends back (a reconnect, a client that
 * sends its whole copy every time) and are never checked, claimed or counted. Of the new content:
 *  - every struct's client id must belong to the writer or to nobody yet (ClientIdRegistry);
 *  - each item must fit where it goes (contentRules), which for most items means finding where that is
 *    (placement: the document, this update, or — for content that waits on a missing dependency —
 *    nowhere yet, when it is only checked for its author);
 *  - each new deletion must not take away someone else's `users` or `attendance` entry, nor anything of
 *    the server's record of later changes.
 * One pass over the decoded structs, the document looked up by binary search: a keystroke costs a few
 * microseconds (see the report in inspectUpdate.test.ts).
 */
import { DocumentTypes } from '@polyphony/shared';
import type { SectionRules } from '@polyphony/shared/rules';
import * as Y from 'yjs';
import type { ClientIdRegistry } from './ClientIdRegistry.js';
import { type Effects, refusalOf, type Writer } from './contentRules.js';
import { type Holder, Placement, type UnappliedPlaces, type UnappliedStruct } from './placement.js';

/** An update as Y.decodeUpdate reads it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** What the server keeps per meeting for checking updates. */
export interface InspectionContext {
  doc: Y.Doc;
  registry: ClientIdRegistry;
  rules: SectionRules;
  /** Holders of top-level types by name, and of the document's types, remembered between updates. */
  roots: Map<string, Holder>;
  typeHolders: WeakMap<object, Holder>;
  /** Structs accepted into the meeting and not yet applied to `doc` (null: `doc` holds everything). */
  unapplied: UnappliedPlaces | null;
}

/** The outcome of checking an update that may be applied. */
export interface Inspection extends Effects {
  /** Whether it holds anything the document does not: new content, or new deletions. */
  fresh: boolean;
  /** Whether it also holds content the document already has (a re-sent copy). */
  resent: boolean;
  /** Client ids of its new content that nobody has claimed yet. */
  unclaimed: number[];
  /** Whether some of its content waits on content the document does not have (not placed). */
  unplaced: boolean;
  /** Where its new structs go, kept until the document has applied them (UnappliedPlaces). */
  placed: UnappliedStruct[];
}

/** Thrown when an update must be refused; nothing of it has been applied. */
export class UpdateRefused extends Error {
  constructor(
    message: string,
    /** Whether the refusal rests on the document as it stands (it might hold more once up to date). */
    readonly mayChange: boolean,
  ) {
    super(message);
    this.name = 'UpdateRefused';
  }
}

/** Check a decoded update from `writer` against the document. Throws UpdateRefused. */
export function inspectUpdate(
  context: InspectionContext,
  decoded: DecodedUpdate,
  writer: Writer,
): Inspection {
  const { doc, registry } = context;
  const store = doc.store;
  const { unapplied } = context;
  const placement = new Placement(doc, context.roots, context.typeHolders, decoded.structs, unapplied);
  const inspection: Inspection = {
    fresh: false,
    resent: false,
    unclaimed: [],
    unplaced: false,
    placed: [],
    listedIds: [],
    voiceBlocks: [],
  };
  // The clients whose ownership was checked: most updates have one, kept without a Set.
  let firstClient: number | null = null;
  let checkedClients: Set<number> | null = null;
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    // What the meeting accepted and has not applied yet counts as held: it was checked when it came.
    const docState = Y.getState(store, client);
    const state = unapplied ? Math.max(docState, unapplied.stateOf(client)) : docState;
    if (clock + struct.length <= state) {
      inspection.resent = true;
      continue;
    }
    inspection.fresh = true;
    if (firstClient === null || (client !== firstClient && !checkedClients?.has(client))) {
      if (firstClient === null) firstClient = client;
      else {
        checkedClients ??= new Set();
        checkedClients.add(client);
      }
      const owner = registry.ownerOf(client);
      if (owner === undefined) inspection.unclaimed.push(client);
      else if (owner !== writer.participantId) {
        throw new UpdateRefused(`client id ${client} belongs to someone else`, true);
      }
    }
    const placed: UnappliedStruct = {
      client,
      clock: Math.max(clock, state),
      end: clock + struct.length,
      place: null,
      typeHolder: null,
    };
    inspection.placed.push(placed);
    if (!(struct instanceof Y.Item)) continue;
    const place = placement.placeOf(struct);
    if (place === 'discarded') continue;
    if (place === 'unknown') {
      inspection.unplaced = true;
      continue;
    }
    placed.place = place;
    if (struct.content instanceof Y.ContentType) placed.typeHolder = placement.holderOfNewType(struct);
    const refusal = refusalOf(
      {
        holder: place.holder,
        key: place.key,
        content: struct.content,
        offset: Math.max(0, state - clock),
        id: struct.id,
      },
      writer,
      context.rules,
      inspection,
    );
    if (refusal) throw new UpdateRefused(refusal, false);
  }
  for (const id of inspection.listedIds) {
    const owner = registry.ownerOf(id);
    if (owner !== undefined && owner !== writer.participantId) {
      throw new UpdateRefused(`users lists client id ${id} of someone else`, true);
    }
  }
  inspectDeletions(placement, decoded.ds, writer, context, inspection);
  return inspection;
}

/**
 * Why `writer` may not delete an item of the document, or null: someone else's `users` or `attendance`
 * entry, or the server's record of later changes.
 */
function deletionRefusal(placement: Placement, item: Y.Item, writer: Writer): string | null {
  const holder = placement.holderOfType(item.parent as Y.AbstractType<unknown>);
  if (holder.root === DocumentTypes.laterChanges) return 'deletes from the record of later changes';
  if (holder.root !== DocumentTypes.users && holder.root !== DocumentTypes.attendance) return null;
  const owner = holder.level === 0 ? item.parentSub : holder.topKey;
  return owner === writer.participantId ? null : "deletes someone else's entry";
}

function inspectDeletions(
  placement: Placement,
  deletions: DecodedUpdate['ds'],
  writer: Writer,
  context: InspectionContext,
  inspection: Inspection,
): void {
  const store = context.doc.store;
  for (const [client, ranges] of deletions.clients) {
    const structs = store.clients.get(client);
    const state = Y.getState(store, client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (end > state) {
        // Deleting what the document does not have: the update's own new content, or content that is
        // still to come, which nobody but its author can know is coming.
        inspection.fresh = true;
        const owner = context.registry.ownerOf(client);
        if (
          owner !== undefined &&
          owner !== writer.participantId &&
          !coveredByUpdate(placement, client, clock, end, state)
        ) {
          throw new UpdateRefused(`deletes content of someone else that the server does not have`, true);
        }
      }
      if (!structs || clock >= state) continue;
      for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
        const struct = structs[index] as Y.Item | Y.GC;
        if (struct.id.clock >= end) break;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        inspection.fresh = true;
        const refusal = deletionRefusal(placement, struct, writer);
        if (refusal) throw new UpdateRefused(refusal, false);
      }
    }
  }
}

function coveredByUpdate(
  placement: Placement,
  client: number,
  from: number,
  end: number,
  state: number,
): boolean {
  for (let clock = Math.max(from, state); clock < end; ) {
    const found = placement.find(Y.createID(client, clock));
    if (!found?.inUpdate) return false;
    clock = found.struct.id.clock + found.struct.length;
  }
  return true;
}
