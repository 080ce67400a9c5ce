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

/** One sync server's writes of this event-loop turn. */
export class OutgoingWrites {
  private readonly waiting = new Set<Writable>();
  /** Called once at the end of this turn, before the writes: last chances to add to them. */
  private readonly beforeFlush = new Set<() => void>();
  private scheduled = false;

  /** A socket was queued its first frame of this turn. */
  add(socket: Writable): void {
    this.waiting.add(socket);
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
    this.beforeFlush.add(callback);
    this.schedule();
  }

  private readonly flush = (): void => {
    for (const callback of this.beforeFlush) callback();
    this.beforeFlush.clear();
    this.scheduled = false;
    for (const socket of this.waiting) socket.flush();
    this.waiting.clear();
  };
}
