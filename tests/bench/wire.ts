/**
 * The few bytes of the wire formats the load generator needs, read and written by hand so that light
 * clients never decode what they receive.
 *
 *   y-websocket (Polyphony, the reference server): varUint type · payload
 *     sync   0 · varUint subtype (0 step1, 1 step2, 2 update) · varUint8Array
 *     awareness 1 · varUint8Array(varUint n · n × (varUint clientID · varUint clock · varString json))
 *     saved  16 (Polyphony only, after ?ack=1)
 *   Hocuspocus: varString documentName · the same, plus 2 auth and 8 sync status.
 *   A Yjs v1 update starts: varUint clientCount · varUint structCount · varUint client · varUint clock,
 *   which names the first item of a keystroke — enough to match a delivery to its keystroke.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Which framing a server speaks. */
export type Framing = 'y-websocket' | 'hocuspocus';

/** A cursor into a byte array. */
export interface Cursor {
  pos: number;
}

/** Read a varUint (lib0 encoding) at the cursor. */
export function readVarUint(bytes: Uint8Array, cursor: Cursor): number {
  let num = 0;
  let mult = 1;
  for (;;) {
    const byte = bytes[cursor.pos++] as number;
    num += (byte & 0x7f) * mult;
    if (byte < 0x80) return num;
    mult *= 128;
    if (cursor.pos > bytes.length) throw new Error('varUint past the end');
  }
}

/** Skip a varString / varUint8Array at the cursor. */
export function skipVarBytes(bytes: Uint8Array, cursor: Cursor): void {
  const length = readVarUint(bytes, cursor);
  cursor.pos += length;
}

/** The key of a keystroke: its first item's client id and clock, as one number. */
export function keystrokeKey(client: number, clock: number): number {
  return client * 1_000_000 + clock;
}

/**
 * Call `each` with the key of every keystroke a Yjs v1 update may carry. An update of one appended
 * character (what typists send, and what a server relays as it was sent) is read by hand: its first
 * item is the keystroke. Anything else — several items, or one item of several characters, as when
 * updates are merged on their way (Polyphony relays the updates of one commit to the other instances
 * merged into one, and a document that applies such an update emits it merged) — is read with
 * Y.parseUpdateMeta, and every clock in it is a possible keystroke.
 */
export function forEachUpdateKey(update: Uint8Array, each: (key: number) => void): void {
  const cursor = { pos: 0 };
  if (readVarUint(update, cursor) === 1 && readVarUint(update, cursor) === 1) {
    const client = readVarUint(update, cursor);
    const clock = readVarUint(update, cursor);
    if (update[cursor.pos++] === 0x84) {
      readVarUint(update, cursor); // left origin: client
      readVarUint(update, cursor); // left origin: clock
      // One ASCII character, then an empty delete set, and nothing else.
      if (
        readVarUint(update, cursor) === 1 &&
        update[cursor.pos + 1] === 0 &&
        cursor.pos + 2 === update.length
      ) {
        each(keystrokeKey(client, clock));
        return;
      }
    }
  }
  const { from, to } = Y.parseUpdateMeta(update);
  for (const [client, first] of from) {
    const end = to.get(client) ?? first;
    for (let clock = first; clock < end; clock++) each(keystrokeKey(client, clock));
  }
}

/** The keystroke key of a raw Yjs v1 update. */
export function rawUpdateKey(update: Uint8Array): number {
  const cursor = { pos: 0 };
  readVarUint(update, cursor);
  readVarUint(update, cursor);
  const client = readVarUint(update, cursor);
  return keystrokeKey(client, readVarUint(update, cursor));
}

/** Frame a y-websocket message for the given protocol (Hocuspocus prefixes the document name). */
export function frame(
  framing: Framing,
  documentName: string,
  write: (e: encoding.Encoder) => void,
): Uint8Array {
  const encoder = encoding.createEncoder();
  if (framing === 'hocuspocus') encoding.writeVarString(encoder, documentName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Bytes of a WebSocket frame around a payload: client frames carry a 4-byte mask. */
export function frameOverhead(payloadBytes: number, fromClient: boolean): number {
  const header = payloadBytes < 126 ? 2 : payloadBytes < 65_536 ? 4 : 10;
  return header + (fromClient ? 4 : 0);
}

/**
 * The Yjs v1 update that appends one character after the character (client, clock − 1) — the update
 * Yjs itself writes for that keystroke: one client, one struct, an Item with only a left origin
 * (info 0x84: ContentString | has-origin), the string, and an empty delete set. Light clients write it
 * by hand instead of running a Y.Doc per typist, so the generator's cost per keystroke is a few bytes.
 */
export function appendCharacterUpdate(client: number, clock: number, character: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  encoding.writeUint8(encoder, 0x84);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock - 1);
  encoding.writeVarString(encoder, character);
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}
