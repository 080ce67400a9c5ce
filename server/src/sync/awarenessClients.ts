/**
 * Reads the client ids out of a y-protocols awareness update without decoding the states:
 *   varUint n · n × (varUint clientID · varUint clock · varString stateJSON)
 * The server uses them to let a connection announce only its own presence.
 */
import * as decoding from 'lib0/decoding';

/**
 * The client ids an awareness update speaks for. Throws on a malformed update; with validateStates (the
 * default) also when a state is not JSON.
 */
export function awarenessClientIds(update: Uint8Array, options: { validateStates?: boolean } = {}): number[] {
  const validateStates = options.validateStates ?? true;
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    // The state must be JSON (or "null", which removes it); anything else is malformed. Without
    // validation its bytes are skipped, not decoded.
    if (validateStates) JSON.parse(decoding.readVarString(decoder));
    else decoding.readVarUint8Array(decoder);
  }
  return ids;
}
