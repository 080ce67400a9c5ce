/**
 * The updates of one meeting held back because content they build on has not arrived (see
 * dependencies.ts): not applied, relayed or stored until it has. Legitimately a handful, for a moment — a
 * client that types right after an update it was shown from another instance, before that instance's
 * commit, or before its own offline edits reached the server — so the set is bounded (count and bytes)
 * and what it holds is dropped after a while, never carried along.
 */
import type { Connection } from './Connection.js';
import type { Clocks, Missing } from './dependencies.js';

/** One held update. */
export interface HeldUpdate {
  connection: Connection;
  update: Uint8Array;
  /** Whether it came as a live edit (an Update), not a SyncStep2 (MeetingIntegrity.accepted). */
  live: boolean;
  /** Its number among the socket's update messages (Connection.receivedUpdates when it came). */
  message: number;
  /** What it waits for. */
  missing: Missing;
  /** When it came (performance.now()). */
  at: number;
  /** Arrival order in this meeting. */
  seq: number;
}

/** The held updates of one meeting, oldest first. */
export class PendingUpdates {
  private entries: HeldUpdate[] = [];
  private seq = 0;
  /** Bytes of the updates held. */
  bytes = 0;

  get count(): number {
    return this.entries.length;
  }

  /** Hold an update. */
  add(entry: Omit<HeldUpdate, 'seq'>): void {
    this.entries.push({ ...entry, seq: this.seq++ });
    this.bytes += entry.update.length;
  }

  /** Take out the updates whose missing content `state` now has, oldest first. */
  takeReady(state: Clocks): HeldUpdate[] {
    const ready: HeldUpdate[] = [];
    const rest: HeldUpdate[] = [];
    for (const entry of this.entries) {
      ((state.get(entry.missing.client) ?? 0) > entry.missing.clock ? ready : rest).push(entry);
    }
    if (ready.length === 0) return ready;
    this.entries = rest;
    for (const entry of ready) this.bytes -= entry.update.length;
    return ready;
  }

  /** Hold again, in its place, an update taken out that still waits (for something else). */
  putBack(entry: HeldUpdate): void {
    let index = this.entries.length;
    while (index > 0 && (this.entries[index - 1] as HeldUpdate).seq > entry.seq) index--;
    this.entries.splice(index, 0, entry);
    this.bytes += entry.update.length;
  }

  /** Forget everything a socket sent (it closed: it sends it all again when it reconnects). */
  dropFrom(connection: Connection): void {
    const kept = this.entries.filter((entry) => entry.connection !== connection);
    if (kept.length === this.entries.length) return;
    this.entries = kept;
    this.bytes = kept.reduce((sum, entry) => sum + entry.update.length, 0);
  }

  /** The socket whose held updates take the most bytes. */
  largestHolder(): Connection | null {
    const bytes = new Map<Connection, number>();
    let largest: Connection | null = null;
    for (const entry of this.entries) {
      const total = (bytes.get(entry.connection) ?? 0) + entry.update.length;
      bytes.set(entry.connection, total);
      if (largest === null || total > (bytes.get(largest) as number)) largest = entry.connection;
    }
    return largest;
  }

  /** The sockets of updates held since before `before` (performance.now()). */
  holdersSince(before: number): Set<Connection> {
    const holders = new Set<Connection>();
    for (const entry of this.entries) if (entry.at < before) holders.add(entry.connection);
    return holders;
  }

  /** When the oldest held update came, if any is held. */
  oldestAt(): number | undefined {
    let oldest: number | undefined;
    for (const entry of this.entries) if (oldest === undefined || entry.at < oldest) oldest = entry.at;
    return oldest;
  }
}
