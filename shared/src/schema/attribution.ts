/**
 * Who wrote what: the `users` map of a meeting document, in Yjs's PermanentUserData layout (participant
 * id → Y.Map { ids: Y.Array of Yjs client ids, ds: Y.Array of encoded delete sets }). Yjs's own
 * PermanentUserData reads every entry when it is created and throws on one that is not in that layout,
 * which a document stored before the server checked `users` may hold; these functions read and write
 * the same layout and skip what is malformed.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { DocumentTypes } from './document.js';
import { UserEntryKeys } from './rules.js';

function idsOf(entry: unknown): number[] {
  if (!(entry instanceof Y.Map)) return [];
  const ids: unknown = entry.get(UserEntryKeys.ids);
  if (!(ids instanceof Y.Array)) return [];
  return ids.toArray().filter((id): id is number => typeof id === 'number' && Number.isSafeInteger(id));
}

/** Every Yjs client id the document attributes to a participant (the first entry naming an id wins). */
export function attributedClients(doc: Y.Doc): Map<number, string> {
  const owners = new Map<number, string>();
  for (const [participantId, entry] of doc.getMap<unknown>(DocumentTypes.users).entries()) {
    for (const id of idsOf(entry)) if (!owners.has(id)) owners.set(id, participantId);
  }
  return owners;
}

/** The Yjs client ids the document attributes to one participant. */
export function clientsOf(doc: Y.Doc, participantId: string): number[] {
  return idsOf(doc.getMap<unknown>(DocumentTypes.users).get(participantId));
}

/** An encoded delete set (update format v1), as PermanentUserData stores them. */
function encodeDeleteSet(deleteSet: Y.Transaction['deleteSet']): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, deleteSet.clients.size);
  for (const [client, items] of deleteSet.clients) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, items.length);
    for (const item of items) {
      encoding.writeVarUint(encoder, item.clock);
      encoding.writeVarUint(encoder, item.len);
    }
  }
  return encoding.toUint8Array(encoder);
}

/** The participant's entry, made (or made again, over a malformed one) when missing. */
function entryOf(doc: Y.Doc, participantId: string): Y.Map<Y.Array<unknown>> {
  const users = doc.getMap<unknown>(DocumentTypes.users);
  const entry = users.get(participantId);
  if (
    entry instanceof Y.Map &&
    entry.get(UserEntryKeys.ids) instanceof Y.Array &&
    entry.get(UserEntryKeys.deletions) instanceof Y.Array
  ) {
    return entry as Y.Map<Y.Array<unknown>>;
  }
  const fresh = new Y.Map<Y.Array<unknown>>();
  fresh.set(UserEntryKeys.ids, new Y.Array());
  fresh.set(UserEntryKeys.deletions, new Y.Array());
  users.set(participantId, fresh);
  return fresh;
}

/**
 * Attribute everything this document's client writes from now on to a participant, as
 * PermanentUserData.setUserMapping does: the client id goes into the participant's `ids`, and what each
 * local transaction deletes into their `ds`. Returns a function that stops recording deletions.
 */
export function attributeTo(doc: Y.Doc, participantId: string): () => void {
  const clientId = doc.clientID;
  doc.transact(() => {
    const ids = entryOf(doc, participantId).get(UserEntryKeys.ids) as Y.Array<unknown>;
    if (!ids.toArray().includes(clientId)) ids.push([clientId]);
  });
  const users = doc.getMap<unknown>(DocumentTypes.users);
  // Two browsers of one person may make the entry at once: one of the maps wins, and the id written
  // into the other must be written again into the winner.
  const onUsers = (event: Y.YMapEvent<unknown>) => {
    if (!event.keysChanged.has(participantId) || event.transaction.local) return;
    setTimeout(() => {
      if (clientsOf(doc, participantId).includes(clientId)) return;
      (entryOf(doc, participantId).get(UserEntryKeys.ids) as Y.Array<unknown>).push([clientId]);
    }, 0);
  };
  // As PermanentUserData does, a tick later: the deletions of this browser's own transactions.
  const afterTransaction = (transaction: Y.Transaction) => {
    if (!transaction.local || transaction.deleteSet.clients.size === 0) return;
    const encoded = encodeDeleteSet(transaction.deleteSet);
    setTimeout(() => {
      (entryOf(doc, participantId).get(UserEntryKeys.deletions) as Y.Array<unknown>).push([encoded]);
    }, 0);
  };
  users.observe(onUsers);
  doc.on('afterTransaction', afterTransaction);
  return () => {
    users.unobserve(onUsers);
    doc.off('afterTransaction', afterTransaction);
  };
}
