/**
 * One WebSocket on /sync/:meetingId, bound to one meeting and one principal for its whole life.
 *
 * Its state says whether anything it sends still counts. It is `open` until either side ends it; once
 * the server has decided to close it (revoked, refused, flooding, shutting down: `close(code)`, the one way
 * to end a socket from the server) it is `closing`, and from that moment nothing it sent is handled —
 * not applied, relayed (here or to other instances) or stored — even though `ws` keeps reading its frames
 * until the peer answers the close or the grace (CLOSE_GRACE_MS) ends and the socket is cut off.
 */
import { type CloseCode, CloseCodes } from '@polyphony/shared';
import { WebSocket } from 'ws';
import type { SyncLimits } from '../config.js';
import { binaryFrame } from './frames.js';
import type { OutgoingWrites } from './OutgoingWrites.js';
import type { PresenceChange, PresenceEntry } from './Presence.js';
import { RateLimiter } from './RateLimiter.js';
import type { Room } from './Room.js';
import { countSent } from './traffic.js';

/** Who is behind a socket, as decided at the upgrade. */
export interface SyncPrincipal {
  /** The participant the socket's session stands for. */
  participantId: string;
  /** The invitation the session came from: revoking it closes the socket. None for a staff member. */
  invitationId?: string;
  /** The staff member whose team gives the access: leaving the team closes the socket. */
  staffId?: string;
  networkId: string;
  /** Whether updates from this socket are applied; read-only sockets have them dropped. */
  canWrite: boolean;
  /** Who the person is, from the server's record: what presence and attendance show of them. */
  name: string;
  relation: string;
  role: string;
  /**
   * Their colour in the network (their place in its people list): what presence shows, whatever the
   * browser says. Absent where a socket is authorised without it (tests of the sync server alone).
   */
  colour?: string;
  /** The hash of the session behind the socket: ending it (idle, lifetime, leaving) closes the socket. */
  sessionHash?: string;
}

let nextConnectionId = 1;

/** Whether a socket's messages are handled (`open`), or the server has decided to end it, or it ended. */
export type ConnectionState = 'open' | 'closing' | 'closed';

/** SyncStep1 requests a socket may make at once, and per second after that (a client sends one per connection). */
const SYNC_REQUEST_BURST = 10;
const SYNC_REQUESTS_PER_SECOND = 2;

/** A live sync socket and what the server tracks about it. */
export class Connection {
  readonly id = nextConnectionId++;
  state: ConnectionState = 'open';
  /** The code the server closed it with, once it decided to. */
  closedWith: CloseCode | null = null;
  /** SyncStep2/Update messages received from this socket: what the "saved" count counts. */
  private receivedUpdates = 0;
  /**
   * Of those, the numbers (1, 2, 3 … in receivedUpdates' count) of the ones the meeting holds back until
   * content they build on arrives, oldest first: "saved" never counts past the first of them.
   */
  private readonly heldUpdates: number[] = [];
  /** The last SyncStep2 frame this socket was sent in answer to its SyncStep1 (asked again, not sent again). */
  private lastSyncReply: Buffer | null = null;
  /** Awareness client ids this socket has announced, removed for everyone when it closes. */
  private readonly awarenessIds = new Set<number>();
  /** The newest presence update held back by the presence rate, applied when the rate allows. */
  private deferredAwareness: PresenceEntry[] | undefined;
  readonly messageLimiter: RateLimiter;
  readonly awarenessLimiter: RateLimiter;
  /** SyncStep1 requests: each may cost a diff of the whole document. */
  readonly syncRequestLimiter = new RateLimiter(SYNC_REQUESTS_PER_SECOND, SYNC_REQUEST_BURST);
  /** Messages received and not yet handled, oldest first (see Intake). */
  readonly inbox: Buffer[] = [];
  inboxBytes = 0;
  /** Intake's accounting of this event-loop turn: which turn, messages handled and time spent in it. */
  turn = -1;
  turnMessages = 0;
  turnMs = 0;
  /** The meeting's room, once it is loaded and the socket in it. */
  room: Room | null = null;
  /** Whether intake paused reading from the socket (its inbox is full). */
  readingPaused = false;
  /** Whether its messages wait for the room to be ready for the first of them (Intake.defer). */
  deferred = false;
  /** Told once when the server decides to close the socket, before the close frame goes out. */
  onClosing: ((connection: Connection) => void) | undefined;
  /** Resolves once the socket has ended (the peer answered the close, or it was cut off). */
  readonly ended: Promise<void>;
  private readonly maxSendBufferBytes: number;
  private readonly sendBufferGraceMs: number;
  /** Since when (performance.now()) the bytes written and not yet read have been over the limit. */
  private overBufferSince: number | null = null;
  private bufferTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly socket: WebSocket,
    readonly meetingId: string,
    readonly principal: SyncPrincipal,
    /** Whether the client asked for "saved" acknowledgements (ack=1). */
    readonly wantsAck: boolean,
    limits: SyncLimits,
    /** The sync server's writes of each event-loop turn, which this socket's queued frames join. */
    private readonly writes: OutgoingWrites,
  ) {
    // Bursts of five seconds' worth: a reconnecting client sends its sync messages all at once.
    this.messageLimiter = new RateLimiter(limits.messagesPerSecond, limits.messagesPerSecond * 5);
    this.awarenessLimiter = new RateLimiter(limits.awarenessPerSecond, limits.awarenessPerSecond * 2);
    this.maxSendBufferBytes = limits.maxSendBufferBytes;
    this.sendBufferGraceMs = limits.sendBufferGraceMs;
    this.ended = new Promise((resolve) =>
      socket.once('close', () => {
        this.state = 'closed';
        this.inbox.length = 0;
        this.inboxBytes = 0;
        clearTimeout(this.bufferTimer);
        resolve();
      }),
    );
  }

  /** Count one more SyncStep2/Update message from this socket. */
  countUpdate(): void {
    this.receivedUpdates++;
  }

  /** The number (1, 2, 3 …) of the last SyncStep2/Update message received from this socket. */
  get updatesReceived(): number {
    return this.receivedUpdates;
  }

  /** Its update message number `message` is held back until content it builds on arrives. */
  holdUpdate(message: number): void {
    this.heldUpdates.push(message);
  }

  /** Its held update message number `message` was let through (or refused with the socket). */
  releaseUpdate(message: number): void {
    this.heldUpdates.splice(this.heldUpdates.indexOf(message), 1);
  }

  /** Forget its held updates (it left: it sends them all again when it reconnects); whether there were any. */
  dropHeldUpdates(): boolean {
    if (this.heldUpdates.length === 0) return false;
    this.heldUpdates.length = 0;
    return true;
  }

  /**
   * How many of its update messages a "saved" may count once what the room has applied is committed:
   * all of them, but never past one the room still holds back (it is not in the commit).
   */
  get acknowledgeable(): number {
    return this.heldUpdates.length > 0 ? (this.heldUpdates[0] as number) - 1 : this.receivedUpdates;
  }

  /** Its presence changed (`change`, made by this socket): note which client ids it announces. */
  notePresence({ added, updated, removed }: PresenceChange): void {
    for (const id of added) this.awarenessIds.add(id);
    for (const id of updated) this.awarenessIds.add(id);
    for (const id of removed) this.awarenessIds.delete(id);
  }

  /** Whether this socket announced the presence of awareness client `id`. */
  announces(id: number): boolean {
    return this.awarenessIds.has(id);
  }

  /** The awareness client ids this socket announced (removed for everyone when it leaves). */
  announced(): number[] {
    return [...this.awarenessIds];
  }

  /**
   * Keep `entries` as its newest presence held back by the presence rate, in place of any kept before.
   * Returns true when none was kept (the caller then applies the kept one when the rate allows).
   */
  deferPresence(entries: PresenceEntry[]): boolean {
    const waiting = this.deferredAwareness === undefined;
    this.deferredAwareness = entries;
    return waiting;
  }

  /** Take the presence held back by the presence rate, if any. */
  takeDeferredPresence(): PresenceEntry[] | undefined {
    const latest = this.deferredAwareness;
    this.deferredAwareness = undefined;
    return latest;
  }

  /** Whether what this socket sends is still handled: neither side has begun to end it. */
  get accepting(): boolean {
    return this.state === 'open';
  }

  /** Whether messages can still be sent to it. */
  get isOpen(): boolean {
    return this.state === 'open' && this.socket.readyState === WebSocket.OPEN;
  }

  /**
   * Frames queued in this turn, oldest first: the first on its own, since most sockets are sent one
   * frame a turn (an array per socket per turn was a kilobyte of garbage per keystroke in a meeting of
   * eight).
   */
  private firstFrame: Buffer | null = null;
  private moreFrames: Buffer[] | null = null;
  /** When this socket was last sent anything (performance.now()). */
  lastSentAt = performance.now();

  /** Send a binary message if the socket is still open (written at the end of this event-loop turn). */
  send(message: Uint8Array): void {
    this.sendFrame(binaryFrame(message));
  }

  /** Send a frame made by binaryFrame (one frame may go to many sockets). */
  sendFrame(frame: Buffer): void {
    if (!this.isOpen) return;
    countSent();
    this.lastSentAt = performance.now();
    if (this.firstFrame === null) {
      this.firstFrame = frame;
      this.writes.add(this);
    } else {
      if (this.moreFrames === null) this.moreFrames = [frame];
      else this.moreFrames.push(frame);
    }
    this.writes.schedule();
  }

  /**
   * Send the answer to its SyncStep1, unless it is the answer it was sent last: a socket asking again
   * before the document changed already has it.
   */
  sendSyncReply(frame: Buffer): void {
    if (this.lastSyncReply === frame) return;
    this.lastSyncReply = frame;
    this.sendFrame(frame);
  }

  /** The frames queued in this turn, in one buffer (null if none), no longer queued. */
  private takeQueued(): Buffer | null {
    const first = this.firstFrame;
    if (first === null) return null;
    const more = this.moreFrames;
    this.firstFrame = null;
    this.moreFrames = null;
    return more === null ? first : Buffer.concat([first, ...more]);
  }

  /** The TCP socket under `ws` (an open ws socket always has it). */
  private get raw(): { write(data: Buffer): boolean; writableLength: number } {
    return (this.socket as unknown as { _socket: { write(data: Buffer): boolean; writableLength: number } })
      ._socket;
  }

  /**
   * Write the queued frames now, in one write. They go to the TCP socket under `ws`, which is safe
   * because `ws` writes whole frames too (pings, the closing frame) and a socket keeps the order of its
   * writes; `ws` itself would add a framing and a stream write per message per socket.
   */
  flush(): void {
    const queued = this.takeQueued();
    if (queued === null || !this.isOpen) return;
    const raw = this.raw;
    raw.write(queued);
    this.watchSendBuffer(raw);
  }

  /**
   * What a peer does not read waits in this process's memory (the kernel's buffer holds only so much):
   * a socket whose unread bytes stay over the limit for the grace is closed, and cut off after the close
   * grace, which releases them. A phone on a slow network catching up a large meeting stays under it.
   */
  private watchSendBuffer(raw: { writableLength: number }): void {
    if (raw.writableLength <= this.maxSendBufferBytes) {
      this.overBufferSince = null;
      return;
    }
    const now = performance.now();
    this.overBufferSince ??= now;
    if (now - this.overBufferSince >= this.sendBufferGraceMs) {
      this.close(CloseCodes.sendBufferFull);
      return;
    }
    // Looked at again when the grace ends, in case nothing more is sent to it before then.
    if (this.bufferTimer === undefined) {
      this.bufferTimer = setTimeout(() => {
        this.bufferTimer = undefined;
        if (this.isOpen) this.watchSendBuffer(raw);
      }, this.sendBufferGraceMs);
      this.bufferTimer.unref();
    }
  }

  /**
   * Close with one of the shared close codes, after what was already queued for it. From this call on,
   * nothing the socket sends is handled; `ws` cuts it off if the peer has not answered within the close
   * grace. The one way the server ends a socket: revocation, refusals, floods and shutdown all come here.
   */
  close(code: CloseCode): void {
    if (this.state !== 'open') return;
    this.state = 'closing';
    this.closedWith = code;
    // Received but not handled: dropped, like everything it sends from now on.
    this.inbox.length = 0;
    this.inboxBytes = 0;
    this.onClosing?.(this);
    const queued = this.takeQueued();
    if (this.socket.readyState === WebSocket.OPEN) {
      // What was queued for it this turn goes out before the close frame.
      if (queued !== null) this.raw.write(queued);
      this.socket.close(code.code, code.reason);
    } else if (this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.terminate();
    }
  }

  /** Cut the socket off at once (it did not answer the close in time). */
  terminate(): void {
    if (this.state === 'open') this.state = 'closing';
    this.socket.terminate();
  }
}
