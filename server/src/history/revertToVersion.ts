/**
 * Going back to a version of a meeting document, as new edits by one person, without losing what was
 * added after the meeting.
 *
 * The change is worked out on a copy of the version: everything that happened to the four sections
 * since the version is applied to it as one tracked change, and Yjs's UndoManager undoes that change.
 * Undoing deletes what was written since (except text marked as added later, below) and writes again, in
 * the same places, what was deleted since; text that did not change is not touched and keeps its
 * writers. The meta map (next meeting, "no decisions today"), who was present, who wrote with which
 * client id, and the record of later changes are outside the undo's scope and are never changed.
 *
 * Afterthoughts — text written after the meeting was closed, which carries the later-addition mark with
 * its author and time — are never dropped by going back: a nurse's crisis phone number or a relative's
 * response written the day after belongs to them, not to the person going back, who may not even know
 * it is there. The undo leaves every piece of marked text in place, with its marks, the blocks that hold
 * it and their attributes. (Anyone can still delete an afterthought by hand, in the open, like any text.)
 */
import { DocumentTypes, MarkNames, SECTIONS } from '@polyphony/shared';
import * as Y from 'yjs';

/** The edits that bring a version back, and how many pieces of later text they keep. */
export interface Reversion {
  /** A Yjs update to apply to the living document: new items by one client id, mapped to the actor. */
  update: Uint8Array;
  /** Runs of text marked as added later that stay in the living document. */
  keptLaterAdditions: number;
}

/** The transaction origin of "everything since the version", the one change that is undone. */
const SINCE_VERSION = Symbol('changes since the version');

/** Any Yjs type: Yjs types its event handlers per type, so a walk over all of them needs `any`. */
// biome-ignore lint/suspicious/noExplicitAny: see above.
type AnyType = Y.AbstractType<any>;

/** An item's parent type, if it has one. */
function parentType(item: Y.Item): AnyType | null {
  return item.parent instanceof Y.AbstractType ? item.parent : null;
}

/**
 * The items that hold text marked as added later, with everything needed to keep it as it reads: the
 * mark's format items around it, and the blocks it sits in up to the section.
 */
function laterAdditionItems(sections: readonly Y.XmlFragment[]): { keep: Set<Y.Item>; runs: number } {
  const keep = new Set<Y.Item>();
  let runs = 0;
  const visit = (type: AnyType) => {
    if (type instanceof Y.XmlText) {
      const marks: Y.Item[] = [];
      let marked = false;
      let inRun = false;
      let kept = false;
      for (let item = type._start; item !== null; item = item.right) {
        if (item.deleted) continue;
        const content = item.content;
        if (content instanceof Y.ContentFormat) {
          if (content.key === MarkNames.laterAddition) {
            marks.push(item);
            marked = content.value !== null;
            // Another person's (or another time's) afterthought starts here: a run of its own.
            inRun = false;
          }
          continue;
        }
        if (marked && item.countable) {
          keep.add(item);
          kept = true;
          if (!inRun) runs++;
          inRun = true;
        } else if (item.countable) {
          inRun = false;
        }
      }
      if (!kept) return;
      for (const mark of marks) keep.add(mark);
      // The text itself and every block around it, up to the section (which has no item).
      let holder: AnyType | null = type;
      while (holder?._item) {
        keep.add(holder._item);
        holder = parentType(holder._item);
      }
      return;
    }
    if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
      for (const child of type.toArray()) visit(child as AnyType);
    }
  };
  for (const section of sections) visit(section);
  return { keep, runs };
}

/**
 * The edits that take the four sections of `live` back to how they read at `snapshot`, as `actorId`'s,
 * keeping every afterthought. `live` must not garbage-collect (the server's documents never do).
 */
export async function revertToVersion(
  live: Y.Doc,
  snapshot: Y.Snapshot,
  actorId: string,
): Promise<Reversion> {
  const copy = Y.createDocFromSnapshot(live, snapshot, new Y.Doc({ gc: false }));
  const sections = SECTIONS.map((section) => copy.getXmlFragment(section));
  let keep = new Set<Y.Item>();
  /** Created after the version: its attributes are its own, not a change to undo. */
  const isNew = (item: Y.Item) => item.id.clock >= (snapshot.sv.get(item.id.client) ?? 0);
  const undo = new Y.UndoManager(sections, {
    trackedOrigins: new Set([SINCE_VERSION]),
    captureTimeout: 0,
    deleteFilter: (item) => {
      if (keep.has(item)) return false;
      // An attribute of a block kept whole (a new voice block holding an afterthought: its speaker).
      const parent = item.parentSub !== null ? parentType(item)?._item : null;
      return !(parent && keep.has(parent) && isNew(parent));
    },
  });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live, Y.encodeStateVector(copy)), SINCE_VERSION);
  // Now the copy reads as the living document does: find its afterthoughts before undoing.
  const later = laterAdditionItems(sections);
  keep = later.keep;
  // The undo's new items are written by the copy's own client id, which belongs to the actor
  // (PermanentUserData), so that everyone's view of who wrote what shows them as the actor's.
  const attribution = new Y.PermanentUserData(copy, copy.getMap(DocumentTypes.users));
  attribution.setUserMapping(copy, copy.clientID, actorId);
  undo.undo();
  // PermanentUserData records the deletions of a transaction a tick later.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const update = Y.encodeStateAsUpdate(copy, Y.encodeStateVector(live));
  undo.destroy();
  copy.destroy();
  return { update, keptLaterAdditions: later.runs };
}
