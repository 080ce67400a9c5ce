/**
 * Other instances' updates of one meeting that were shown here before their commit (RedisRelay's
 * "provisional" batches), kept by the relay until each instance says it committed them. The room shows
 * them to its sockets at once but keeps them out of its document: the document is what an instance
 * acknowledges as saved and what it asks a joining client for — were they in it and their instance died
 * before committing, a client moving over would not send them again, and this instance would acknowledge
 * edits no store holds (rule [SD4]).
 *
 * Each origin (another instance's copy of the meeting) numbers its batches 1, 2, 3…; "committed through N"
 * moves batches up to N into the document. Batches never confirmed are forgotten after PROVISIONAL_TTL_MS.
 */
import * as Y from 'yjs';

/**
 * Another instance's updates shown before its commit and never confirmed are forgotten after this long
 * (ms): the instance died before committing them, and their authors' clients, which were never told they
 * were saved, send them again wherever they reconnect.
 */
export const PROVISIONAL_TTL_MS = 30_000;

/** Another instance's uncommitted updates of this meeting, by the batch number it gave them. */
interface ProvisionalOrigin {
  /** The first batch seen here: earlier ones were missed, or committed before this room was loaded. */
  firstSeen: number;
  /** Batches up to this one are committed and in the document (or were missed). */
  confirmed: number;
  batches: Map<number, { updates: readonly Uint8Array[]; at: number }>;
}

/** What `committed` found: the updates to put into the document, and whether none was missed. */
export interface CommittedBatches {
  updates: Uint8Array[];
  /** False when some of the committed batches were never received here: only the store has them. */
  complete: boolean;
}

/** Other instances' uncommitted updates of one loaded meeting, by instance. */
export class ProvisionalUpdates {
  private readonly origins = new Map<string, ProvisionalOrigin>();

  /**
   * Another instance accepted `updates` as its batch `batch` and has not committed them yet. Returns
   * whether they are new here (to be shown to the room's sockets). Throws if an update is malformed
   * (nothing is kept then).
   */
  receive(origin: string, batch: number, updates: readonly Uint8Array[], now = performance.now()): boolean {
    for (const update of updates) Y.decodeUpdate(update);
    let state = this.origins.get(origin);
    if (!state) {
      // Batches before the first one seen here were missed (or committed before this room was loaded).
      state = { firstSeen: batch, confirmed: batch - 1, batches: new Map() };
      this.origins.set(origin, state);
    }
    if (batch <= state.confirmed) return false;
    state.batches.set(batch, { updates, at: now });
    return true;
  }

  /**
   * The instance committed its batches up to `through`: they leave this set, to join the document (lazily,
   * like clients' updates). When some of them were never received here, the caller must bring the room
   * up to date from the store.
   */
  committed(origin: string, through: number): CommittedBatches {
    const state = this.origins.get(origin);
    if (!state) return { updates: [], complete: false };
    const updates: Uint8Array[] = [];
    let complete = through >= state.firstSeen;
    for (let batch = state.confirmed + 1; batch <= through; batch++) {
      const held = state.batches.get(batch);
      if (!held) {
        complete = false;
        continue;
      }
      state.batches.delete(batch);
      updates.push(...held.updates);
    }
    state.confirmed = Math.max(state.confirmed, through);
    return { updates, complete };
  }

  /**
   * Forget the updates older than PROVISIONAL_TTL_MS. Returns whether any were forgotten: their commit
   * may have happened with its confirmation lost, so the caller brings the room up to date from the store.
   */
  expire(now = performance.now()): boolean {
    let expired = false;
    for (const [origin, state] of this.origins) {
      for (const [batch, held] of state.batches) {
        if (now - held.at < PROVISIONAL_TTL_MS) continue;
        state.batches.delete(batch);
        expired = true;
      }
      if (state.batches.size === 0) this.origins.delete(origin);
    }
    return expired;
  }

  /** Every uncommitted update held, oldest batch first (what a joiner is shown beside the document). */
  updates(): Uint8Array[] {
    const updates: Uint8Array[] = [];
    for (const state of this.origins.values()) {
      for (const held of state.batches.values()) updates.push(...held.updates);
    }
    return updates;
  }
}
