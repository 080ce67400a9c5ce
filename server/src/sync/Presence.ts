/**
 * A meeting's presence (who is here, where their cursor is), kept as the y-protocols awareness protocol
 * defines it — per client id a clock and a JSON state, "null" meaning gone — but without decoding the
 * states: the server never reads them, it only relays them. y-protocols' Awareness parses each state,
 * compares it deeply with the one before, and stringifies it again for every relay; here a state is
 * checked to be JSON once, when it arrives, and its bytes are relayed as they came. The rules for which
 * update wins are y-protocols' (`applyAwarenessUpdate`, `removeAwarenessStates`), so stock clients see
 * exactly what they would see from the reference server.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { skipVarBytes } from './awarenessClients.js';

/** A client's presence is dropped when it was not renewed for this long (y-protocols' outdatedTimeout). */
export const PRESENCE_TIMEOUT_MS = 30_000;

/** What changed, by client id, and who changed it (a socket, another instance, the server). */
export interface PresenceChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Told of every accepted change. */
export type PresenceListener = (change: PresenceChange, origin: unknown) => void;

interface Entry {
  clock: number;
  /** The state's JSON as UTF-8 bytes; null once the client is gone (its clock is kept). */
  state: Uint8Array | null;
  updatedAt: number;
}

const NULL_STATE = 'null';
const NULL_BYTES = new TextEncoder().encode(NULL_STATE);

/** Whether a state's JSON bytes are "null" (the client is gone). */
function isNullState(bytes: Uint8Array): boolean {
  return bytes.length === NULL_BYTES.length && bytes.every((byte, i) => byte === NULL_BYTES[i]);
}
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Raised for an update that is not a well-formed awareness update with JSON states. */
export class MalformedPresence extends Error {}

/** One client's entry in an awareness update. */
export interface PresenceEntry {
  id: number;
  clock: number;
  state: Uint8Array | null;
}

/**
 * Decode a whole awareness update, checking every state is JSON, before any of it is applied. Throws
 * MalformedPresence.
 */
export function decodePresenceUpdate(update: Uint8Array): PresenceEntry[] {
  try {
    const reader = decoding.createDecoder(update);
    const count = decoding.readVarUint(reader);
    const entries: PresenceEntry[] = [];
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(reader);
      const clock = decoding.readVarUint(reader);
      const bytes = decoding.readVarUint8Array(reader);
      const text = decoder.decode(bytes);
      JSON.parse(text);
      entries.push({ id, clock, state: text === NULL_STATE ? null : bytes.slice() });
    }
    return entries;
  } catch (error) {
    throw new MalformedPresence(String(error));
  }
}

/**
 * Read a whole awareness update's entries without checking the states (views into `update`, "null" as
 * null): for presence that is checked and rewritten state by state next (bindPresence), which parses
 * each once. Throws MalformedPresence when the update is cut short.
 */
export function readPresenceEntries(update: Uint8Array): PresenceEntry[] {
  try {
    const reader = decoding.createDecoder(update);
    const count = decoding.readVarUint(reader);
    const entries: PresenceEntry[] = [];
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(reader);
      const clock = decoding.readVarUint(reader);
      const bytes = decoding.readVarUint8Array(reader);
      entries.push({ id, clock, state: isNullState(bytes) ? null : bytes });
    }
    return entries;
  } catch (error) {
    throw new MalformedPresence(String(error));
  }
}

/** The presence of one meeting. */
export class Presence {
  private readonly entries = new Map<number, Entry>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly listener: PresenceListener) {
    // As y-protocols does: look for outdated presence a tenth of the timeout at a time.
    this.timer = setInterval(() => this.dropOutdated(), PRESENCE_TIMEOUT_MS / 10);
    this.timer.unref();
  }

  /** Client ids with a live state. */
  clientIds(): number[] {
    const ids: number[] = [];
    for (const [id, entry] of this.entries) if (entry.state) ids.push(id);
    return ids;
  }

  /** Apply a decoded awareness update (decodePresenceUpdate). */
  apply(entries: readonly PresenceEntry[], origin: unknown): void {
    const now = performance.now();
    const change: PresenceChange = { added: [], updated: [], removed: [] };
    for (const { id, clock, state } of entries) {
      const entry = this.entries.get(id);
      const current = entry?.clock ?? 0;
      // Newer clocks win; at the same clock, only a removal of a live state does.
      if (!(current < clock || (current === clock && state === null && entry?.state))) continue;
      const before = entry?.state ?? null;
      // Changed in place: a new entry per cursor move would be garbage that lives long enough (until the
      // next move) to be copied out of the young generation.
      if (entry) {
        entry.clock = clock;
        entry.state = state;
        entry.updatedAt = now;
      } else {
        this.entries.set(id, { clock, state, updatedAt: now });
      }
      if (!before && state) change.added.push(id);
      else if (before && !state) change.removed.push(id);
      else if (state) change.updated.push(id);
    }
    this.emit(change, origin);
  }

  /**
   * Whether applying an awareness update would change nothing: every client in it is known, at a clock
   * no newer than the one known (and not the removal, at the same clock, of a live state). An echo of
   * what was relayed is such an update. Reads clocks only; throws MalformedPresence when cut short.
   */
  changesNothing(update: Uint8Array): boolean {
    try {
      const reader = decoding.createDecoder(update);
      const count = decoding.readVarUint(reader);
      for (let i = 0; i < count; i++) {
        const id = decoding.readVarUint(reader);
        const clock = decoding.readVarUint(reader);
        const entry = this.entries.get(id);
        if (!entry || clock > entry.clock) return false;
        if (clock === entry.clock && entry.state) {
          if (isNullState(decoding.readVarUint8Array(reader))) return false;
        } else skipVarBytes(reader);
      }
      return true;
    } catch (error) {
      throw new MalformedPresence(String(error));
    }
  }

  /** Remove clients' presence (their socket closed): their clock moves on, so older updates lose. */
  remove(ids: readonly number[], origin: unknown): void {
    const now = performance.now();
    const removed: number[] = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry?.state) continue;
      this.entries.set(id, { clock: entry.clock + 1, state: null, updatedAt: now });
      removed.push(id);
    }
    this.emit({ added: [], updated: [], removed }, origin);
  }

  /** An awareness update with these clients' current clocks and states (removed ones as "null"). */
  encode(ids: readonly number[]): Uint8Array {
    const writer = encoding.createEncoder();
    let known = 0;
    for (const id of ids) if (this.entries.has(id)) known++;
    encoding.writeVarUint(writer, known);
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      encoding.writeVarUint(writer, id);
      encoding.writeVarUint(writer, entry.clock);
      if (entry.state) encoding.writeVarUint8Array(writer, entry.state);
      else encoding.writeVarString(writer, NULL_STATE);
    }
    return encoding.toUint8Array(writer);
  }

  destroy(): void {
    clearInterval(this.timer);
  }

  private dropOutdated(): void {
    const limit = performance.now() - PRESENCE_TIMEOUT_MS;
    const outdated: number[] = [];
    for (const [id, entry] of this.entries) {
      if (entry.state && entry.updatedAt <= limit) outdated.push(id);
    }
    if (outdated.length > 0) this.remove(outdated, null);
  }

  private emit(change: PresenceChange, origin: unknown): void {
    if (change.added.length + change.updated.length + change.removed.length > 0)
      this.listener(change, origin);
  }
}
