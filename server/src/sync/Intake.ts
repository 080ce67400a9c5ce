/**
 * Fair intake of the messages sockets send. `ws` hands over every frame of a TCP chunk in one go: 1,000
 * small frames in one write were 1,000 messages handled before any other socket was read, and the whole
 * server waited on that one socket for seconds. Here each socket gets a bounded share of each event-loop
 * turn — at most MESSAGES_PER_TURN messages and TIME_PER_TURN_MS of handling them — and what is over
 * waits in the socket's own inbox, in order, for the next turns, taken round the waiting sockets in turn.
 * A socket with a full inbox is no longer read, so the rest of its burst waits in TCP, on the sender's
 * side. A socket with nothing waiting and its share left (a typist's keystroke) is handled at once, as
 * before.
 *
 * The connection state is checked first: a socket the server has decided to close is not handled at all.
 */
import type { Connection } from './Connection.js';

/** Messages one socket may have handled in one event-loop turn. */
const MESSAGES_PER_TURN = 32;
/** Time one socket's messages may take in one event-loop turn (ms); a message is never cut short. */
const TIME_PER_TURN_MS = 4;
/** Time the waiting messages of all sockets may take in one turn (ms), so other sockets are read soon. */
const DRAIN_PER_TURN_MS = 10;
/** An inbox this full (messages or bytes) stops the socket being read… */
const PAUSE_AT_MESSAGES = 256;
const PAUSE_AT_BYTES = 4 * 1024 * 1024;
/** …until it is down to a quarter of either. */
const RESUME_AT_MESSAGES = PAUSE_AT_MESSAGES / 4;
const RESUME_AT_BYTES = PAUSE_AT_BYTES / 4;

/** Handles one message of a socket that is open and in its room; may close the socket (never throws). */
export type HandleMessage = (connection: Connection, data: Buffer) => void;

/** The intake of every socket of one sync server. */
export class Intake {
  /** Sockets with messages waiting, in the order they are to be served. */
  private readonly waiting = new Set<Connection>();
  private turn = 0;
  private turnScheduled = false;

  constructor(private readonly handle: HandleMessage) {}

  /**
   * A message arrived from `connection`. `inRoom` says whether its meeting is open yet; until it is, its
   * messages wait (attached() serves them).
   */
  receive(connection: Connection, data: Buffer, inRoom: boolean): void {
    if (!connection.accepting) return;
    if (inRoom && !connection.deferred && connection.inbox.length === 0 && this.hasShare(connection)) {
      this.run(connection, data);
      return;
    }
    connection.inbox.push(data);
    connection.inboxBytes += data.length;
    if (
      !connection.readingPaused &&
      (connection.inbox.length >= PAUSE_AT_MESSAGES || connection.inboxBytes >= PAUSE_AT_BYTES)
    ) {
      connection.readingPaused = true;
      connection.socket.pause();
    }
    if (inRoom && !connection.deferred) this.wait(connection);
  }

  /**
   * Handle `data` (the message just handled, which its room could not take yet) again once `until`
   * settles, before anything the socket sent after it.
   */
  defer(connection: Connection, data: Buffer, until: Promise<unknown>): void {
    connection.inbox.unshift(data);
    connection.inboxBytes += data.length;
    connection.deferred = true;
    this.waiting.delete(connection);
    const resume = (): void => {
      connection.deferred = false;
      if (connection.accepting && connection.inbox.length > 0) this.wait(connection);
    };
    until.then(resume, resume);
  }

  /**
   * The socket's meeting is open: serve what it sent meanwhile — its share of this turn now (a joiner's
   * own sync request is answered before it is greeted), the rest in the turns after.
   */
  attached(connection: Connection): void {
    while (
      connection.accepting &&
      !connection.deferred &&
      connection.inbox.length > 0 &&
      this.hasShare(connection)
    ) {
      this.take(connection);
    }
    if (!connection.accepting) return;
    if (connection.inbox.length > 0 && !connection.deferred) this.wait(connection);
    this.resumeIfRoom(connection);
  }

  private resumeIfRoom(connection: Connection): void {
    if (
      connection.readingPaused &&
      connection.inbox.length <= RESUME_AT_MESSAGES &&
      connection.inboxBytes <= RESUME_AT_BYTES
    ) {
      connection.readingPaused = false;
      connection.socket.resume();
    }
  }

  private take(connection: Connection): void {
    const data = connection.inbox.shift() as Buffer;
    connection.inboxBytes -= data.length;
    this.run(connection, data);
  }

  private wait(connection: Connection): void {
    this.waiting.add(connection);
    this.scheduleTurn();
  }

  private hasShare(connection: Connection): boolean {
    if (connection.turn !== this.turn) {
      connection.turn = this.turn;
      connection.turnMessages = 0;
      connection.turnMs = 0;
    }
    return connection.turnMessages < MESSAGES_PER_TURN && connection.turnMs < TIME_PER_TURN_MS;
  }

  private run(connection: Connection, data: Buffer): void {
    const started = performance.now();
    this.handle(connection, data);
    connection.turnMessages++;
    connection.turnMs += performance.now() - started;
    this.scheduleTurn();
  }

  /** The turn ends in this loop iteration's check phase, after the sockets read in it were handled. */
  private scheduleTurn(): void {
    if (this.turnScheduled) return;
    this.turnScheduled = true;
    setImmediate(this.nextTurn);
  }

  private readonly nextTurn = (): void => {
    this.turnScheduled = false;
    this.turn++;
    if (this.waiting.size === 0) return;
    const deadline = performance.now() + DRAIN_PER_TURN_MS;
    // Each waiting socket once, in order; those not reached before the deadline keep their place at
    // the front, those that still have messages go to the back.
    for (const connection of [...this.waiting]) {
      if (performance.now() >= deadline) break;
      this.waiting.delete(connection);
      while (
        connection.accepting &&
        !connection.deferred &&
        connection.inbox.length > 0 &&
        this.hasShare(connection)
      ) {
        this.take(connection);
        if (performance.now() >= deadline) break;
      }
      if (!connection.accepting) continue;
      if (connection.inbox.length > 0 && !connection.deferred) this.waiting.add(connection);
      this.resumeIfRoom(connection);
    }
    if (this.waiting.size > 0) this.scheduleTurn();
  };
}
