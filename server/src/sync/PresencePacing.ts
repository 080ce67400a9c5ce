/**
 * When a meeting's presence changes are relayed. Presence is relayed at most every AWARENESS_RELAY_MS per
 * meeting (sooner with an edit), all changes of the interval in one message encoded once: typists move
 * their cursor with every keystroke, and relaying each move to everyone cost as much as the document
 * itself, mostly in writes of their own. A quiet meeting relays at once. The room does the relaying; this
 * decides when, and gathers which client ids changed meanwhile.
 */
import type { PresenceChange } from './Presence.js';

/**
 * Presence changes of a meeting are relayed together: with the meeting's next edit once this long has
 * passed since the last relay (ms), so that they share its writes…
 */
const AWARENESS_WITH_EDITS_MS = 80;
/** …or on their own once this long has passed (a meeting where nobody is typing). */
const AWARENESS_RELAY_MS = 100;

/**
 * Relays the presence of `changed` client ids to this instance's sockets, and of `local` ones (announced
 * by sockets of this instance) to the other instances.
 */
export type RelayPresence = (changed: number[], local: number[]) => void;

/** The pace of one meeting's presence relays. */
export class PresencePacing {
  /** Presence changes not yet relayed, by awareness client id. */
  private readonly changed = new Set<number>();
  /** Of those, the ones announced by sockets of this instance (relayed to the other instances). */
  private readonly local = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private relayedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly relay: RelayPresence) {}

  /**
   * Presence changed; `local` when a socket of this instance changed it (including its leaving): those
   * go to the other instances too. Each instance times out stale presence on its own, and relayed
   * presence is not relayed again.
   */
  note({ added, updated, removed }: PresenceChange, local: boolean): void {
    for (const id of added) this.changed.add(id);
    for (const id of updated) this.changed.add(id);
    for (const id of removed) this.changed.add(id);
    if (local) {
      for (const id of added) this.local.add(id);
      for (const id of updated) this.local.add(id);
      for (const id of removed) this.local.add(id);
    }
    if (this.timer) return;
    const wait = Math.max(0, this.relayedAt + AWARENESS_RELAY_MS - performance.now());
    this.timer = setTimeout(this.relayNow, wait);
  }

  /**
   * An edit of the meeting is about to be written: presence that has waited long enough goes with it. A
   * typist's cursor move usually arrives just after their edit, in the same turn, so the room calls this
   * at the turn's end (OutgoingWrites.beforeWriting).
   */
  readonly withEdits = (): void => {
    if (!this.timer || performance.now() - this.relayedAt < AWARENESS_WITH_EDITS_MS) return;
    clearTimeout(this.timer);
    this.relayNow();
  };

  private readonly relayNow = (): void => {
    this.timer = undefined;
    this.relayedAt = performance.now();
    const changed = [...this.changed];
    this.changed.clear();
    const local = [...this.local];
    this.local.clear();
    if (changed.length === 0) return;
    this.relay(changed, local);
  };

  /** Relay nothing more (the room is unloaded). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
