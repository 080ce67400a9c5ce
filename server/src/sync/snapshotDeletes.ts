/**
 * What a meeting opened from its snapshot has deleted, known without decoding it on the event loop.
 *
 * A returning client answers the server's SyncStep1 with a SyncStep2 that holds the content the server
 * lacks (usually none) and the client's whole delete set. Whether that holds anything new decides whether
 * it must be checked (integrity/) and stored, and checking it means building the document: for an 8-hour
 * meeting, 300 ms during which every socket of the server waits. With the snapshot's delete set (computed
 * on the diff worker) and its state vector (stored beside it), a SyncStep2 that brings nothing new is
 * recognised as such without the document; anything new still builds it and is checked as always.
 */
import * as Y from 'yjs';

/** A delete set as client, clock, length triples, ranges of one client in clock order and merged. */
export function deleteSetTriples(update: Uint8Array): Float64Array {
  const { ds } = Y.decodeUpdate(update) as unknown as {
    ds: { clients: Map<number, { clock: number; len: number }[]> };
  };
  const out: number[] = [];
  for (const [client, items] of ds.clients) {
    const sorted = [...items].sort((a, b) => a.clock - b.clock);
    let start = -1;
    let end = -1;
    for (const { clock, len } of sorted) {
      if (start >= 0 && clock <= end) {
        end = Math.max(end, clock + len);
        continue;
      }
      if (start >= 0) out.push(client, start, end - start);
      start = clock;
      end = clock + len;
    }
    if (start >= 0) out.push(client, start, end - start);
  }
  return Float64Array.from(out);
}

/** A document's deletions by client, for asking whether an update deletes anything new. */
export class SnapshotDeletes {
  private readonly byClient = new Map<number, number[]>();

  constructor(triples: Float64Array) {
    for (let i = 0; i + 2 < triples.length; i += 3) {
      const client = triples[i] as number;
      let ranges = this.byClient.get(client);
      if (!ranges) {
        ranges = [];
        this.byClient.set(client, ranges);
      }
      ranges.push(triples[i + 1] as number, (triples[i + 1] as number) + (triples[i + 2] as number));
    }
  }

  /** Whether [clock, clock + len) of `client` is deleted already. */
  covers(client: number, clock: number, len: number): boolean {
    const ranges = this.byClient.get(client);
    if (!ranges) return false;
    // Ranges are sorted and disjoint: find the last one starting at or before `clock`.
    let low = 0;
    let high = ranges.length / 2 - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((ranges[middle * 2] as number) <= clock) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found >= 0 && clock + len <= (ranges[found * 2 + 1] as number);
  }
}

/**
 * Whether `decoded` holds nothing a document with state vector `known` and deletions `deletes` does not:
 * every struct below the known clock of its client, every deletion already made.
 */
export function bringsNothingNew(
  decoded: ReturnType<typeof Y.decodeUpdate>,
  known: ReadonlyMap<number, number>,
  deletes: SnapshotDeletes,
): boolean {
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length > (known.get(struct.id.client) ?? 0)) return false;
  }
  const { clients } = decoded.ds as unknown as { clients: Map<number, { clock: number; len: number }[]> };
  for (const [client, items] of clients) {
    for (const { clock, len } of items) if (!deletes.covers(client, clock, len)) return false;
  }
  return true;
}
