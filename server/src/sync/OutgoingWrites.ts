/**
 * The sockets of one sync server with messages waiting to go out in this event-loop turn. Everything the
 * server sends is queued and written once per turn, corked, so a socket that is sent several messages in
 * one turn (a busy meeting, a joiner's sync reply and presence) costs one system call instead of one per
 * message — in a profile of 100 meetings × 8 typists, socket writes were the largest single cost of the
 * server. Each Connection keeps its own queued frames; this keeps which sockets have some, and when they
 * are written.
 */

/** A socket whose queued frames can be written in one go. */
export interface Writable {
  /** Write the frames queued for it this turn. */
  flush(): void;
}

/**
 * One sync server's writes of this event-loop turn. The sockets and callbacks of a turn are kept in
 * arrays that keep their size from one turn to the next: a Set cleared every turn gives up its table and
 * grows it again in the next (2.7 KB of garbage per turn at 40 sockets, 20 KB at 320), on every turn.
 * A socket or callback is taken once per turn however often it is added (the turn it was last added in).
 */
export class OutgoingWrites {
  private readonly waiting: (Writable | null)[] = [];
  private waitingCount = 0;
  /** Called once at the end of this turn, before the writes: last chances to add to them. */
  private readonly beforeFlush: ((() => void) | null)[] = [];
  private beforeFlushCount = 0;
  /** The turn each socket or callback was last taken in (a turn ends with its writes). */
  private readonly takenIn = new WeakMap<object, number>();
  private turn = 0;
  private scheduled = false;

  /** A socket was queued its first frame of this turn. */
  add(socket: Writable): void {
    if (this.takenIn.get(socket) === this.turn) return;
    this.takenIn.set(socket, this.turn);
    this.waiting[this.waitingCount++] = socket;
  }

  /** Make sure the queued frames are written at the end of this turn. */
  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  /**
   * Run `callback` at the end of this event-loop turn, just before the queued messages are written, so
   * that what it sends goes out in the same writes (a meeting's presence changes beside its edits).
   */
  beforeWriting(callback: () => void): void {
    if (this.takenIn.get(callback) !== this.turn) {
      this.takenIn.set(callback, this.turn);
      this.beforeFlush[this.beforeFlushCount++] = callback;
    }
    this.schedule();
  }

  private readonly flush = (): void => {
    // What is added meanwhile is taken in this loop too (as a Set's iteration would).
    for (let i = 0; i < this.beforeFlushCount; i++) {
      const callback = this.beforeFlush[i] as () => void;
      this.beforeFlush[i] = null;
      callback();
    }
    this.beforeFlushCount = 0;
    this.scheduled = false;
    // From here on a callback added is the next turn's; a socket added is written in this loop still.
    this.turn++;
    for (let i = 0; i < this.waitingCount; i++) {
      const socket = this.waiting[i] as Writable;
      this.waiting[i] = null;
      socket.flush();
    }
    this.waitingCount = 0;
  };
}
