/**
 * A member's socket that speaks the protocol by hand: it syncs a copy of the meeting, then sends
 * whatever a test makes of it — the update a change of its copy makes, with any client id, or presence
 * saying anything — as a hostile (or merely foreign) client could.
 */
import {
  MessageType,
  readSyncMessage,
  SyncMessageType,
  writeAwareness,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from '@polyphony/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { waitFor } from './clients.js';
import { openRawSocket, type RawSocket } from './rawSocket.js';

/** A synced raw socket of a member. */
export interface MemberSocket extends RawSocket {
  /** The meeting as this socket received it (its client id is the socket's own unless a test sets it). */
  doc: Y.Doc;
  /** Make a change to the copy and send the update it makes; returns the update. */
  change(change: (doc: Y.Doc) => void, kind?: 'update' | 'step2'): Uint8Array;
  /** Send an update as a sync message. */
  sendUpdate(update: Uint8Array, kind?: 'update' | 'step2'): void;
  /** Announce presence for a client id (this socket's copy's id unless given). */
  sendPresence(state: unknown, clientId?: number, clock?: number): void;
  /** Whether the server still answers: a SyncStep1 gets its SyncStep2 within a second. */
  answers(): Promise<boolean>;
}

/** A sync message carrying an update. */
export function syncMessage(update: Uint8Array, kind: 'update' | 'step2' = 'update'): Uint8Array {
  return kind === 'update' ? writeUpdate(update) : writeSyncStep2(update);
}

/** An awareness message announcing one client's state (JSON-encoded as given, or the text as is). */
export function presenceMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, typeof state === 'string' ? state : JSON.stringify(state));
  return writeAwareness(encoding.toUint8Array(inner));
}

const stepOne = writeSyncStep1;

/** The updates of SyncStep2 and Update messages among received messages. */
function receivedUpdates(messages: readonly Uint8Array[]): Uint8Array[] {
  const updates: Uint8Array[] = [];
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.sync) continue;
    const sync = readSyncMessage(decoder);
    if (sync.type === 'step2' || sync.type === 'update') updates.push(sync.update);
  }
  return updates;
}

/** Open a member's socket on a meeting and sync a copy of it. */
export async function openMemberSocket(
  wsUrl: string,
  meetingId: string,
  cookie: string,
  options: { ack?: boolean } = {},
): Promise<MemberSocket> {
  const raw = await openRawSocket(`${wsUrl}/${meetingId}${options.ack ? '?ack=1' : ''}`, { cookie });
  const doc = new Y.Doc();
  raw.socket.send(stepOne(new Uint8Array([0])));
  await waitFor(
    () =>
      raw.messages.some((message) => message[0] === MessageType.sync && message[1] === SyncMessageType.step2),
    'the meeting to arrive',
  );
  for (const update of receivedUpdates(raw.messages)) Y.applyUpdate(doc, update);
  let clock = 1;
  const sendUpdate = (update: Uint8Array, kind: 'update' | 'step2' = 'update') =>
    raw.socket.send(syncMessage(update, kind));
  return {
    ...raw,
    doc,
    sendUpdate,
    change(change, kind = 'update') {
      const before = Y.encodeStateVector(doc);
      doc.transact(() => change(doc));
      const update = Y.encodeStateAsUpdate(doc, before);
      sendUpdate(update, kind);
      return update;
    },
    sendPresence(state, clientId = doc.clientID, at = clock++) {
      raw.socket.send(presenceMessage(clientId, at, state));
    },
    async answers() {
      if (raw.socket.readyState !== raw.socket.OPEN) return false;
      const from = raw.messages.length;
      raw.socket.send(stepOne(Y.encodeStateVector(doc)));
      try {
        await waitFor(
          () =>
            raw.messages.slice(from).some((m) => m[0] === MessageType.sync && m[1] === SyncMessageType.step2),
          'an answer',
          1000,
        );
        return raw.socket.readyState === raw.socket.OPEN;
      } catch {
        return false;
      }
    },
  };
}
