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
    decoding.readVarUint8Array(decoder);
  }
  return ids;
}
