/**
 * The light editors' hand-written frames (FrameWriter) are byte for byte what the lib0 encoders and
 * RawWebSocket's framing wrote before it, on both framings — so the clients of every server send what
 * they sent — and the update of one appended character is the one Yjs itself writes.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clientFrame } from './rawWebSocket.js';
import { appendCharacterUpdate, FrameWriter, type Framing, frame } from './wire.js';

function expected(framing: Framing, name: string, client: number, clock: number, character: string) {
  const update = appendCharacterUpdate(client, clock, character);
  const sync = frame(framing, name, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });
  const state = `{"user":{"name":"Editor ${clock}","color":"#30bced"},"cursor":${clock}}`;
  const presence = frame(framing, name, (e) => {
    encoding.writeVarUint(e, 1);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, client);
    encoding.writeVarUint(inner, clock + 7);
    encoding.writeVarString(inner, state);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  });
  return { sync, presence, state, bytes: Buffer.concat([clientFrame(sync), clientFrame(presence)]) };
}

describe('FrameWriter', () => {
  const cases: [number, number][] = [
    [1, 1],
    [127, 128],
    [2_345_678_901, 16_383],
    [4_294_967_295, 2_097_152],
  ];
  for (const framing of ['y-websocket', 'hocuspocus'] as Framing[]) {
    it(`writes a keystroke and its cursor move as before (${framing})`, () => {
      const writer = new FrameWriter(framing, 'meeting-0123456789');
      for (const [client, clock] of cases) {
        const want = expected(framing, 'meeting-0123456789', client, clock, 'w');
        writer
          .begin()
          .appendCharacter(client, clock, 'w')
          .presence(client, clock + 7, want.state);
        expect(writer.take()).toEqual(want.bytes);
        expect(writer.payloads).toEqual([want.sync.length, want.presence.length]);
      }
    });

    it(`frames a message framed already, short and long (${framing})`, () => {
      const writer = new FrameWriter(framing, 'm');
      for (const size of [1, 125, 126, 300, 65_535, 65_536, 200_000]) {
        const message = Uint8Array.from({ length: size }, (_, i) => i & 0xff);
        // Compared as bytes (toEqual on large buffers is slow).
        expect(Buffer.compare(writer.begin().message(message).take(), clientFrame(message))).toBe(0);
      }
    });
  }

  it('appends the update Yjs writes for one character typed after the last', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'ab');
    let update: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array) => {
      update = u;
    });
    text.insert(2, 'c');
    expect(update).toEqual(appendCharacterUpdate(doc.clientID, 2, 'c'));
  });
});
