/**
 * Messages on /sync/:meetingId.
 *
 * The wire format is the y-websocket protocol: every binary message starts with a varUint message type,
 *   0 sync        followed by a y-protocols sync message (0 SyncStep1 · 1 SyncStep2 · 2 Update)
 *   1 awareness   followed by a y-protocols awareness update
 *   2 auth        (server → client) permission denied
 *   3 queryAwareness
 * so that the stock y-websocket client works against the server unchanged.
 *
 * Polyphony adds three messages, sent only to clients that ask for them with the `ack=1` query parameter
 * (stock clients never see them):
 *   16 saved      varUint count · varUint8Array stateVector
 *   17 relay      varUint relaying (1 or 0)
 *   18 nudge      varUint topic (NudgeTopic)
 * `count` is how many SyncStep2/Update messages this socket has sent that are now committed to the
 * store; `stateVector` is the document state vector the store has made durable. A client shows
 * "Saved" only when every update it sent has been counted.
 * `relay` says whether the server the socket is connected to reaches the other servers of a deployment
 * with several (through Redis): 0 when it cannot — people on other servers do not see this person's
 * edits, nor this person theirs, though the edits are saved — and 1 when it can again. A server sends 0
 * to a socket that joins while it cannot, and each change to every socket; none of this happens with a
 * single server. Clients that do not know it ignore it (the protocol version is unchanged).
 * `nudge` says that something of the meeting that is not in its document changed, so that pages fetch it
 * again at once instead of at their next slow poll; it carries no content, only what to look at again
 * (topic 1: admission — someone asked to join, or was let in or not, or the code was shown or turned
 * off). Every such socket of the meeting gets it, on every instance (relayed through Redis). A topic a client
 * does not know is ignored.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The varUint message types of the y-websocket protocol, plus Polyphony's "saved". */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  saved: 16,
  relay: 17,
  nudge: 18,
} as const;

/** What a "nudge" (message 18) asks pages to look at again. */
export const NudgeTopic = {
  /** The meeting's admission: who asks to join, the code shown. */
  admission: 1,
} as const;

/** A topic of a "nudge". */
export type NudgeTopic = (typeof NudgeTopic)[keyof typeof NudgeTopic];

/** The y-protocols sync sub-types. */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/**
 * A y-protocols sync message: SyncStep1 carries the sender's state vector (what it has), SyncStep2 the
 * update answering one (what the asker lacks), Update a change as it happens. A sub-type this side does
 * not know is `unknown` (the server closes the socket for it).
 */
export type SyncMessage =
  | { type: 'step1'; stateVector: Uint8Array }
  | { type: 'step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'unknown'; syncType: number };

/** Encode a sync message of `syncType` carrying `bytes` (a state vector or an update). */
function writeSync(syncType: number, bytes: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, bytes);
  return encoding.toUint8Array(encoder);
}

/** Encode a SyncStep1: the sender's encoded state vector, asking for what it lacks. */
export function writeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return writeSync(SyncMessageType.step1, stateVector);
}

/** Encode a SyncStep2: the update answering a SyncStep1. */
export function writeSyncStep2(update: Uint8Array): Uint8Array {
  return writeSync(SyncMessageType.step2, update);
}

/** Encode an Update: a change of the document, as it happens. */
export function writeUpdate(update: Uint8Array): Uint8Array {
  return writeSync(SyncMessageType.update, update);
}

/** Decode the body of a sync message (after its message type has been read). */
export function readSyncMessage(decoder: decoding.Decoder): SyncMessage {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case SyncMessageType.step1:
      return { type: 'step1', stateVector: decoding.readVarUint8Array(decoder) };
    case SyncMessageType.step2:
      return { type: 'step2', update: decoding.readVarUint8Array(decoder) };
    case SyncMessageType.update:
      return { type: 'update', update: decoding.readVarUint8Array(decoder) };
    default:
      return { type: 'unknown', syncType };
  }
}

/** Encode an awareness message: a y-protocols awareness update (client ids, clocks, JSON states). */
export function writeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Decode the body of an awareness message (after its message type has been read): the awareness update. */
export function readAwareness(decoder: decoding.Decoder): Uint8Array {
  return decoding.readVarUint8Array(decoder);
}

/** The content of a "saved" acknowledgement. */
export interface SavedMessage {
  /** Number of update-carrying messages from this socket that are durable. */
  count: number;
  /** Encoded Yjs state vector the store has made durable. */
  stateVector: Uint8Array;
}

/** Encode a "saved" acknowledgement. */
export function writeSaved(message: SavedMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.saved);
  encoding.writeVarUint(encoder, message.count);
  encoding.writeVarUint8Array(encoder, message.stateVector);
  return encoding.toUint8Array(encoder);
}

/** Decode the body of a "saved" acknowledgement (after its message type has been read). */
export function readSaved(decoder: decoding.Decoder): SavedMessage {
  const count = decoding.readVarUint(decoder);
  const stateVector = decoding.readVarUint8Array(decoder);
  return { count, stateVector };
}

/** Encode a "relay" message: whether this server reaches the others. */
export function writeRelay(relaying: boolean): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.relay);
  encoding.writeVarUint(encoder, relaying ? 1 : 0);
  return encoding.toUint8Array(encoder);
}

/** Decode the body of a "relay" message (after its message type has been read). */
export function readRelay(decoder: decoding.Decoder): boolean {
  return decoding.readVarUint(decoder) === 1;
}

/** Encode a "nudge": look at `topic` again. */
export function writeNudge(topic: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.nudge);
  encoding.writeVarUint(encoder, topic);
  return encoding.toUint8Array(encoder);
}

/** Decode the body of a "nudge" (after its message type has been read): its topic. */
export function readNudge(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder);
}

/**
 * Whether an outgoing client message carries document content (SyncStep2 or Update). These are the
 * messages the "saved" count counts. Reads only the first two bytes (both types are single-byte varUints).
 */
export function carriesUpdate(message: Uint8Array): boolean {
  return (
    message.length >= 2 &&
    message[0] === MessageType.sync &&
    (message[1] === SyncMessageType.step2 || message[1] === SyncMessageType.update)
  );
}
