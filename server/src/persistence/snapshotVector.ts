/**
 * How a snapshot's state vector is kept in its column: after the byte length of the snapshot it describes.
 * During a rolling upgrade an older instance may compact a document, rewriting the snapshot but not this
 * column, which it does not know; the lengths then differ, the vector is known to be stale and is not
 * used (the Room computes one from the snapshot, as for rows written before the column existed). A stale
 * vector would only understate the document (clients would send again what it holds), but it would say
 * something false.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The column's value for a snapshot and its state vector (null when there is no vector). */
export function packStateVector(
  snapshot: Uint8Array,
  stateVector: Uint8Array | null | undefined,
): Uint8Array | null {
  if (!stateVector) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, snapshot.length);
  encoding.writeUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** The state vector of `snapshot` from the column's value, or null when there is none or it is stale. */
export function unpackStateVector(snapshot: Uint8Array, packed: Uint8Array | null): Uint8Array | null {
  if (!packed || packed.length === 0) return null;
  try {
    const decoder = decoding.createDecoder(packed);
    if (decoding.readVarUint(decoder) !== snapshot.length) return null;
    // A copy, and a plain Uint8Array even when the driver handed a Buffer.
    return Uint8Array.from(packed.subarray(decoder.pos));
  } catch {
    return null;
  }
}
