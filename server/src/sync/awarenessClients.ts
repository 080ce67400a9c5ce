/**
 * Reads the client ids out of a y-protocols awareness update without decoding the states:
 *   varUint n · n × (varUint clientID · varUint clock · varString stateJSON)
 * The server uses them to recognise a stock client's echo of others' presence cheaply, before anything
 * else is checked; the states themselves are checked by decodePresenceUpdate (Presence.ts).
 */
import * as decoding from 'lib0/decoding';

/** The client ids an awareness update speaks for. Throws when the update is cut short. */
export function awarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    skipVarBytes(decoder);
  }
  return ids;
}

/**
 * Skip a varUint8Array as decoding.readVarUint8Array reads it — throwing where it throws: past the end of
 * the update's buffer — without the view it makes (garbage on every cursor move).
 */
export function skipVarBytes(decoder: decoding.Decoder): void {
  const length = decoding.readVarUint(decoder);
  const arr = decoder.arr;
  if (arr.byteOffset + decoder.pos + length > arr.buffer.byteLength)
    throw new RangeError('awareness update cut short');
  decoder.pos += length;
}
