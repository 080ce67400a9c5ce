/**
 * The update a keystroke usually is, decoded by hand. A character typed after the typist's own previous
 * one is a Yjs v1 update of one client, one struct and an empty delete set:
 *
 *   varUint 1 · varUint 1 · varUint client · varUint clock · 0x84 (ContentString | has origin)
 *   · varUint origin client · varUint origin clock · varString the characters · varUint 0 (no deletions)
 *
 * Y.decodeUpdate reads it through an update decoder, a lazy struct reader (a generator) and a delete-set
 * reader; this reads exactly that shape into the same Item, and returns null for anything else (which is
 * then decoded by Yjs).
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { DecodedUpdate } from '../integrity/inspectUpdate.js';

/**
 * The empty delete set of every keystroke, one for all: a decoded update's delete set is only read (the
 * checks, `checkDependencies`), never changed, and a new one per keystroke would be a Map of garbage.
 */
const NO_DELETIONS: DecodedUpdate['ds'] = Y.createDeleteSet();

/** The update decoded as Y.decodeUpdate would, when it has the shape of one typed character; else null. */
export function decodeKeystroke(update: Uint8Array): DecodedUpdate | null {
  if (update.length < 8 || update[0] !== 1 || update[1] !== 1) return null;
  try {
    const decoder = decoding.createDecoder(update);
    decoder.pos = 2;
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    if (decoding.readUint8(decoder) !== 0x84) return null;
    const originClient = decoding.readVarUint(decoder);
    const originClock = decoding.readVarUint(decoder);
    const text = decoding.readVarString(decoder);
    // Then an empty delete set, and nothing after it.
    if (decoder.pos !== update.length - 1 || update[update.length - 1] !== 0 || text.length === 0)
      return null;
    const item = new Y.Item(
      Y.createID(client, clock),
      null,
      Y.createID(originClient, originClock),
      null,
      null,
      null,
      null,
      new Y.ContentString(text),
    );
    return { structs: [item], ds: NO_DELETIONS };
  } catch {
    return null;
  }
}
