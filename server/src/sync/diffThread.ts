/**
 * The worker thread of DiffWorker (DiffWorker.ts): computes a document's diff against a state vector from its encoded
 * updates (a snapshot, and the updates accepted since), without building the document.
 *
 * Message in: { id, updates: Uint8Array[], stateVector: Uint8Array }; out: { id, diff } or { id, error }.
 * Or in: { id, deletesOf: Uint8Array }; out: { id, deletes } — the update's delete set, flattened as
 * client, clock, length triples (deleteSetTriples) — or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { deleteSetTriples } from './snapshotDeletes.js';

parentPort?.on(
  'message',
  ({
    id,
    updates,
    stateVector,
    deletesOf,
  }: {
    id: number;
    updates: Uint8Array[];
    stateVector: Uint8Array;
    deletesOf?: Uint8Array;
  }) => {
    try {
      if (deletesOf) {
        const deletes = deleteSetTriples(deletesOf);
        parentPort?.postMessage({ id, deletes }, [deletes.buffer as ArrayBuffer]);
        return;
      }
      const update = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
      const diff = Y.diffUpdate(update, stateVector);
      parentPort?.postMessage({ id, diff }, [diff.buffer as ArrayBuffer]);
    } catch (error) {
      parentPort?.postMessage({ id, error: String(error) });
    }
  },
);
