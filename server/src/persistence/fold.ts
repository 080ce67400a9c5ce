/**
 * The default fold of a compaction: the document built from what the store holds, encoded. A Yjs
 * document (gc off, as the server keeps meetings, so every version can still be shown) rather than
 * Y.mergeUpdates: merging keystroke updates keeps every keystroke a struct of its own (16,000 keystrokes
 * merged were 156 KiB, the document encoded 16 KiB), and merging a long backlog in one call grows faster
 * than the backlog (BENCHMARKING.md). Updates that cannot be integrated yet (their dependencies are not
 * stored) are kept too: Y.encodeStateAsUpdate includes the document's pending structs.
 */
import * as Y from 'yjs';
import type { FoldInput, FoldResult } from './types.js';

/** Fold a stored snapshot and log into one snapshot, with its state vector. */
export function foldStored(stored: FoldInput): FoldResult {
  const doc = new Y.Doc({ gc: false });
  try {
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    return { snapshot: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
  } finally {
    doc.destroy();
  }
}

/** The name of a stored snapshot (StoredDocument.snapshotId): its position in the log and its length. */
export function snapshotName(throughSeq: number, bytes: number): string {
  return `${throughSeq}:${bytes}`;
}
