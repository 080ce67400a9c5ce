/**
 * How a loaded meeting is compacted: the store folds what it holds (DocumentStore.compact, rule [DS13]),
 * and the meeting's live document does the folding when it can, which spares decoding the snapshot.
 *
 * The live document holds the stored snapshot when this instance read it or wrote it (the room keeps its
 * name, `snapshotId`). Then the rows of the stored log it does not hold are applied to the live document
 * — every row is committed, and the ones this instance has not received yet from the others are shown to
 * its people at once; the rows it stored itself are recognised byte for byte and not applied again — and
 * the document encoded is the new snapshot: it holds the old snapshot and every row the store handed over. It
 * may hold more (this instance's updates not yet committed, which are appended later all the same; an
 * update applied twice changes nothing), never less.
 *
 * When another instance wrote the stored snapshot, this instance may lack rows folded into it, and
 * folding would mean decoding it. That instance keeps compacting the meeting (it folds this instance's
 * rows too), so this one leaves it alone — unless the log has grown to twice the compaction interval,
 * which means the other has stopped (it left the meeting, or died): then this one applies the stored
 * snapshot to its document and takes the meeting's compaction over. Two instances typing in one meeting
 * therefore do not take turns decoding each other's snapshots.
 */
import * as Y from 'yjs';
import type { Fold } from '../persistence/types.js';
import type { Room } from './Room.js';

/** The fold of a loaded meeting's compaction. */
export function foldWithRoom(room: Room, compactEvery: number): Fold {
  return (stored) => {
    if (room.destroyed) return null;
    const holdsSnapshot = stored.snapshotId === room.commits.snapshotId;
    // The rows this room stored itself (or opened the meeting with) are in its document: only the
    // others' are applied — with one instance, none. Re-applying every row cost a tenth of what the
    // server allocated under the busy-afternoon benchmark.
    const others = room.commits.rowsNotInDocument(stored.updates);
    if (!holdsSnapshot && stored.updates.length < 2 * compactEvery) return null;
    if (!holdsSnapshot) room.applyStored(stored);
    else if (others.length > 0) room.applyStored({ ...stored, snapshot: null, updates: others });
    const doc = room.doc;
    // Taken in the same synchronous step, so that the state vector describes exactly the snapshot.
    return { snapshot: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
  };
}
