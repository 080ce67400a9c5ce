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
  if (framing === 'hocuspocus') encoding.writeVarString(encoder, documentName); // per-server: transport
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

/** Bytes of a varUint (lib0 encoding). */
function varUintSize(value: number): number {
  let size = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 128)) size++;
  return size;
}

/**
 * Client WebSocket frames (masked with a zero key, see rawWebSocket.ts) of y-websocket / Hocuspocus
 * messages, written by hand into one scratch buffer of the thread and handed out as one buffer for one
 * socket write: the light editors' keystroke and cursor move cost a few stores instead of lib0 encoders,
 * their copies and a concatenation per message. The bytes are exactly those of `frame()` inside
 * RawWebSocket's framing (wire.test.ts compares them).
 */
export class FrameWriter {
  private static scratch = Buffer.allocUnsafe(64 * 1024);
  private pos = 0;
  private payloadStart = 0;
  /** Payload lengths of the frames written since `begin`, in order (for byte counts). */
  readonly payloads: number[] = [];

  constructor(framing: Framing, documentName: string) {
    // Hocuspocus names the document in every message: its varString, written once here.
    // per-server: transport
    this.name = framing === 'hocuspocus' ? Buffer.from(encodeVarString(documentName)) : null;
  }

  private readonly name: Buffer | null;

  begin(): this {
    this.pos = 0;
    this.payloads.length = 0;
    return this;
  }

  /** Start a frame's payload (with the document's name first on Hocuspocus, unless `named` is false). */
  open(named = true): this {
    // Room for the longest header (10) and the mask (4); the payload is moved down in `close`.
    this.room(14 + 32);
    this.payloadStart = this.pos + 14;
    this.pos = this.payloadStart;
    if (named && this.name) this.bytes(this.name);
    return this;
  }

  /** A frame of a message framed already (`frame()`: the name included on Hocuspocus). */
  message(payload: Uint8Array): this {
    return this.open(false).bytes(payload).close();
  }

  /** End the frame: its header and zero mask right before the payload. */
  close(): this {
    const s = FrameWriter.scratch;
    const length = this.pos - this.payloadStart;
    const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
    const start = this.payloadStart - 14;
    s[start] = 0x82;
    if (length < 126) s[start + 1] = 0x80 | length;
    else if (length < 65_536) {
      s[start + 1] = 0x80 | 126;
      s.writeUInt16BE(length, start + 2);
    } else {
      s[start + 1] = 0x80 | 127;
      s.writeBigUInt64BE(BigInt(length), start + 2);
    }
    s.writeUInt32BE(0, start + header);
    if (header !== 10) s.copyWithin(start + header + 4, this.payloadStart, this.pos);
    this.pos = start + header + 4 + length;
    this.payloads.push(length);
    return this;
  }

  /** Make room for `bytes` more (the scratch grows for a large message; keystrokes never need it). */
  private room(bytes: number): void {
    const s = FrameWriter.scratch;
    if (this.pos + bytes <= s.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * s.length, this.pos + bytes));
    s.copy(grown, 0, 0, this.pos);
    FrameWriter.scratch = grown;
  }

  byte(value: number): this {
    FrameWriter.scratch[this.pos++] = value;
    return this;
  }

  varUint(value: number): this {
    const s = FrameWriter.scratch;
    let rest = value;
    while (rest >= 0x80) {
      s[this.pos++] = 0x80 | (rest & 0x7f);
      rest = Math.floor(rest / 128);
    }
    s[this.pos++] = rest;
    return this;
  }

  bytes(value: Uint8Array): this {
    this.room(value.length);
    FrameWriter.scratch.set(value, this.pos);
    this.pos += value.length;
    return this;
  }

  varBytes(value: Uint8Array): this {
    return this.varUint(value.length).bytes(value);
  }

  /** A varString of ASCII text (what the light editors write: names, digits, JSON punctuation). */
  varAscii(text: string): this {
    this.room(text.length + 8);
    this.varUint(text.length);
    this.pos += FrameWriter.scratch.write(text, this.pos, 'latin1');
    return this;
  }

  /**
   * A sync update (0 · 2 · varUint8Array) of the update Yjs writes for one appended character — the bytes
   * of `appendCharacterUpdate(client, clock, character)`, written in place.
   */
  appendCharacter(client: number, clock: number, character: string): this {
    const length =
      4 +
      varUintSize(client) * 2 +
      varUintSize(clock) +
      varUintSize(clock - 1) +
      varUintSize(character.length) +
      character.length;
    this.open().byte(0).byte(2).varUint(length).byte(1).byte(1).varUint(client).varUint(clock);
    this.byte(0x84)
      .varUint(client)
      .varUint(clock - 1)
      .varAscii(character)
      .byte(0);
    return this.close();
  }

  /** An awareness message of one entry (1 · varUint8Array(1 · client · clock · varString state)). */
  presence(client: number, clock: number, state: string): this {
    const length = 1 + varUintSize(client) + varUintSize(clock) + varUintSize(state.length) + state.length;
    this.open().byte(1).varUint(length).byte(1).varUint(client).varUint(clock).varAscii(state);
    return this.close();
  }

  /** The frames written since `begin`, as one buffer of their own. */
  take(): Buffer {
    const out = Buffer.allocUnsafe(this.pos);
    FrameWriter.scratch.copy(out, 0, 0, this.pos);
    return out;
  }
}

function encodeVarString(text: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, text);
  return encoding.toUint8Array(encoder);
}
