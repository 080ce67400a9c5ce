/**
 * Updates a document holds but cannot integrate: they build on content it does not have (Yjs keeps them
 * aside, as pending structs and deletions, until that content arrives).
 *
 * With several instances this happens when a person builds on another instance's update that was shown
 * before its commit: the other instance may commit it a moment later, or die first, and its writer may
 * never come back. Such an update is stored when its turn comes — it is the writer's, and harmless — but
 * nobody opening the meeting would see it, nor anything its writer types after it (each of a person's
 * updates builds on their previous one). So it is not acknowledged as saved until the document
 * integrates it, and the instance asks its sockets for what it lacks (askForMissing in Room): a client
 * that built on an update holds that update, and the y-websocket client answers a SyncStep1 with
 * everything it has that the server does not. Once it arrives, the document integrates both, the store
 * holds both, and "saved" counts them.
 */
import * as Y from 'yjs';

/** Whether the document holds content it could not integrate yet. */
export function holdsUnintegrated(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** Whether everything `update` adds and deletes is integrated in the document. */
export function isIntegrated(doc: Y.Doc, update: Uint8Array): boolean {
  // The document's state per client counts only integrated structs; a pending one lies beyond it.
  for (const [client, clock] of Y.parseUpdateMeta(update).to) {
    if (Y.getState(doc.store, client) < clock) return false;
  }
  // A deletion of a struct the document does not have waits in its pending delete set.
  for (const [client, deletions] of Y.decodeUpdate(update).ds.clients) {
    for (const { clock, len } of deletions) if (Y.getState(doc.store, client) < clock + len) return false;
  }
  return true;
}
