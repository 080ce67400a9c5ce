/**
 * The sync server behind /sync/:meetingId. It authorises each socket at the upgrade, binds it to one
 * meeting and one principal, loads meetings on first use and unloads them when idle, and commits updates
 * in batches: one store transaction per event-loop turn for every room, after which each socket that
 * sent updates gets a "saved" acknowledgement with the count of its updates now durable.
 *
 * Durability: an update is acknowledged only after the transaction holding it has committed. Commits run
 * one at a time; compactions run one at a time beside them: a compaction removes only what it folded
 * (DocumentStore rule [DS13]), so no commit waits for one.
 *
 * No socket stalls the others: its messages are handled a bounded share per event-loop turn (Intake), the
 * moment the server decides to close it nothing more from it is handled (Connection), what it does not
 * read is not kept for it, and a stop commits everything and cuts off, after a short grace, the sockets
 * that do not answer the close.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  type CloseCode,
  CloseCodes,
  PROTOCOL_VERSION,
  SyncParams,
  writeNudge,
  writeRelay,
} from '@polyphony/shared';
import { type RawData, type ServerOptions, WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import type { SyncLimits } from '../config.js';
import type { Logger } from '../logger.js';
import type { AppendEntry, DocumentStore } from '../persistence/types.js';
import { Connection, type SyncPrincipal } from './Connection.js';
import { foldWithRoom } from './compaction.js';
import { DiffWorker } from './DiffWorker.js';
import { Hooks, type SyncHooks } from './Hooks.js';
import { Intake } from './Intake.js';
import { OutgoingWrites } from './OutgoingWrites.js';
import { ProtocolViolation } from './ProtocolViolation.js';
import { Room } from './Room.js';
import { countClose, countReceived } from './traffic.js';
import { WaitForMeeting } from './WaitForMeeting.js';

/** The answer of the authorisation seam for one upgrade request. */
export type Authorization =
  | { ok: true; principal: SyncPrincipal }
  | { ok: false; status: 401 | 403 | 404 | 503; error: string };

/** Decides whether an upgrade request may open a socket on a meeting. */
export type Authorize = (request: IncomingMessage, meetingId: string) => Promise<Authorization>;

export type { SyncHooks } from './Hooks.js';

/** What the sync server needs. */
export interface SyncServerOptions {
  store: DocumentStore;
  authorize: Authorize;
  limits: SyncLimits;
  logger: Logger;
  /**
   * Keep documents of unloaded meetings decoded for reading. Off when other instances may change them
   * (scale-out): then every read of an unloaded meeting goes to the store.
   */
  cacheUnloaded?: boolean;
}

/** Documents of meetings that are not loaded, kept decoded for reading (the timeline, search). */
const READ_CACHE_SIZE = 200;

/** The transaction origin of changes the server makes itself. */
export const SERVER_ORIGIN = Symbol('server');

const SYNC_PATH = /^\/sync\/([A-Za-z0-9_-]{1,64})$/;
const RETRY_DELAYS_MS = [50, 200, 1000, 5000];
const MAX_QUEUED_WHILE_LOADING = 1000;

/** Rooms, sockets and the commit loop. */
export class SyncServer {
  private readonly rooms = new Map<string, Room>();
  /** Every socket from its upgrade until it has ended, in a room or still waiting for its meeting. */
  private readonly connections = new Set<Connection>();
  private readonly intake = new Intake((connection, data) => {
    if (connection.room) this.receive(connection.room, connection, data);
  });
  private readonly diffWorker = new DiffWorker();
  /** Every socket's messages of an event-loop turn, written once at its end. */
  private readonly writes = new OutgoingWrites();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly dirty = new Set<Room>();
  private readonly wss: WebSocketServer;
  private readonly store: DocumentStore;
  private readonly limits: SyncLimits;
  private readonly logger: Logger;
  private readonly authorize: Authorize;
  /** Hooks of history, relaying and the like, called in the order they were added. */
  private readonly hooks: Hooks;
  private readonly cacheUnloaded: boolean;
  private readonly readCache = new Map<string, Y.Doc>();
  /** Commits, one at a time. */
  private storeQueue: Promise<unknown> = Promise.resolve();
  /** Compactions, one at a time, beside the commits; and the rooms waiting for one. */
  private compactions: Promise<void> = Promise.resolve();
  private readonly compacting = new Set<Room>();
  private flushLoop: Promise<void> | null = null;
  private failures = 0;
  private closing = false;
  /** Whether this instance reaches the others (always, with one instance): sockets are told when not. */
  private relaying = true;
  private lastCommitAt = Number.NEGATIVE_INFINITY;

  constructor(options: SyncServerOptions) {
    this.store = options.store;
    this.limits = options.limits;
    this.logger = options.logger;
    this.authorize = options.authorize;
    this.hooks = new Hooks(options.logger);
    this.cacheUnloaded = options.cacheUnloaded ?? true;
    this.wss = new WebSocketServer({
      noServer: true,
      // ws refuses larger frames from their header, before reading them, and closes with 1009.
      maxPayload: this.limits.maxMessageBytes,
      perMessageDeflate: false,
      // A socket the server closed and whose peer does not answer is cut off after this long (ws 8.23;
      // not in @types/ws yet).
      closeTimeout: this.limits.closeGraceMs,
    } as ServerOptions);
  }

  /** How many meetings are in memory. */
  get loadedRooms(): number {
    return this.rooms.size;
  }

  /** How many sync sockets are open (including those whose meeting is still loading). */
  get openSockets(): number {
    return this.wss.clients.size;
  }

  /** Handle an HTTP upgrade request; answers anything that is not /sync/:meetingId with 404. */
  async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://localhost');
    const meetingId = SYNC_PATH.exec(url.pathname)?.[1];
    if (!meetingId) return refuse(socket, 404, 'not_found');
    if (this.closing) return refuse(socket, 503, 'server_restart');
    let authorization: Authorization;
    try {
      authorization = await this.authorize(request, meetingId);
    } catch (error) {
      // Authorising reads the store: when it is unreachable, say so (503, try again), not 500.
      this.logger.error({ err: error, meetingId }, 'authorising a sync socket failed');
      return refuse(socket, 503, 'service_unavailable');
    }
    if (!authorization.ok) return refuse(socket, authorization.status, authorization.error);
    if (socket.destroyed) return;
    // Stopping began while the session was looked up.
    if (this.closing) return refuse(socket, 503, 'server_restart');
    const version = url.searchParams.get(SyncParams.version);
    const wantsAck = url.searchParams.get(SyncParams.ack) === '1';
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('close', countClose);
      const connection = new Connection(
        ws,
        meetingId,
        authorization.principal,
        wantsAck,
        this.limits,
        this.writes,
      );
      // A client that names an older protocol version must reload; stock clients name none.
      if (version !== null && Number(version) !== PROTOCOL_VERSION) {
        connection.close(CloseCodes.outdatedClient);
        return;
      }
      this.accept(connection);
    });
  }

  private accept(connection: Connection): void {
    const { socket, meetingId } = connection;
    this.connections.add(connection);
    // The moment the server decides to close it, it leaves its meeting: its presence goes, what it
    // had held back is dropped, and it is sent nothing more.
    connection.onClosing = (closing) => closing.room?.removeConnection(closing);
    socket.on('error', (error) => {
      this.logger.debug({ err: error, meetingId }, 'sync socket error');
    });
    socket.on('message', (data, isBinary) => {
      // First of all: a socket the server decided to close is not listened to any more.
      if (!connection.accepting) return;
      countReceived();
      if (!isBinary) return connection.close(CloseCodes.malformedMessage);
      this.intake.receive(connection, data as Buffer, connection.room !== null);
      // Rates are counted when waiting messages are handled; while the meeting loads, the wait is bounded.
      if (connection.room === null && connection.inbox.length > MAX_QUEUED_WHILE_LOADING) {
        connection.close(CloseCodes.flood);
      }
    });
    socket.on('close', () => {
      this.connections.delete(connection);
      connection.room?.removeConnection(connection);
    });
    const attach = (opened: Room): void | Promise<void> => {
      if (!connection.accepting || socket.readyState !== WebSocket.OPEN) return;
      // The room may have been unloaded between being found and this callback: open it again.
      if (opened.destroyed) return this.openRoom(meetingId).then(attach);
      connection.room = opened;
      opened.addConnection(connection);
      // What it sent while the meeting was loading, in order (its own sync step 1 first), its share now.
      this.intake.attached(connection);
      if (connection.isOpen) opened.greet(connection);
      if (connection.isOpen && connection.wantsAck && !this.relaying) connection.send(writeRelay(false));
    };
    this.openRoom(meetingId)
      .then(attach)
      .catch((error: unknown) => {
        this.logger.error({ err: error, meetingId }, 'loading a meeting failed');
        connection.close(CloseCodes.storageFailed);
      });
  }

  private receive(room: Room, connection: Connection, data: RawData): void {
    if (!connection.accepting) return;
    // A discarded meeting (erased) takes nothing more from sockets that are still closing.
    if (room.destroyed) return;
    const buffer = data as Buffer;
    const message = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    try {
      room.receive(connection, message);
    } catch (error) {
      if (error instanceof WaitForMeeting) {
        this.intake.defer(connection, buffer, error.until);
        return;
      }
      this.refuse(
        room,
        connection,
        error instanceof ProtocolViolation
          ? error
          : new ProtocolViolation(CloseCodes.malformedMessage, String(error)),
      );
    }
  }

  /** Close a socket for what it sent, and say so in the log. */
  private refuse(room: Room, connection: Connection, violation: ProtocolViolation): void {
    this.logger.warn(
      {
        meetingId: room.meetingId,
        participantId: connection.principal.participantId,
        reason: violation.message,
      },
      `closing sync socket: ${violation.closeCode.reason}`,
    );
    connection.close(violation.closeCode);
  }

  /** The room of a meeting, loading it from the store on first use. */
  openRoom(meetingId: string): Promise<Room> {
    const loaded = this.rooms.get(meetingId);
    if (loaded) return Promise.resolve(loaded);
    let loading = this.loading.get(meetingId);
    if (!loading) {
      loading = this.loadRoom(meetingId).finally(() => this.loading.delete(meetingId));
      this.loading.set(meetingId, loading);
    }
    return loading;
  }

  /**
   * Read a meeting document: the live one when the meeting is loaded (do not change it), otherwise a
   * copy built from the store.
   */
  async readDocument(meetingId: string): Promise<Y.Doc> {
    const loaded = this.rooms.get(meetingId);
    if (loaded) return loaded.doc;
    const cached = this.readCache.get(meetingId);
    if (cached) return cached;
    const stored = await this.store.load(meetingId);
    // Loaded meanwhile: the live document wins.
    const live = this.rooms.get(meetingId);
    if (live) return live.doc;
    const doc = new Y.Doc({ gc: false });
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    this.remember(meetingId, doc);
    return doc;
  }

  /** Add hooks; they run after those added before. */
  use(hooks: SyncHooks): void {
    this.hooks.add(hooks);
  }

  private remember(meetingId: string, doc: Y.Doc): void {
    this.readCache.delete(meetingId);
    if (!this.cacheUnloaded) return;
    this.readCache.set(meetingId, doc);
    if (this.readCache.size > READ_CACHE_SIZE) {
      const oldest = this.readCache.keys().next().value as string;
      this.readCache.delete(oldest);
    }
  }

  /**
   * Change a meeting document on the server's behalf (seeding a meeting, closing it). The change is
   * relayed to everyone present and committed like any other; resolves once it is durable.
   */
  async changeDocument(meetingId: string, change: (doc: Y.Doc) => void): Promise<Y.Doc> {
    const room = await this.openRoom(meetingId);
    room.doc.transact(() => change(room.doc), SERVER_ORIGIN);
    await this.drain();
    if (room.connections.size === 0) this.scheduleUnload(room);
    return room.doc;
  }

  private async loadRoom(meetingId: string): Promise<Room> {
    await this.hooks.runInTurn('beforeLoad', meetingId);
    const stored = await this.store.load(meetingId);
    // From now on the live document is the one to read.
    this.readCache.delete(meetingId);
    const room = new Room(
      meetingId,
      stored,
      this.limits,
      {
        onDirty: (dirtyRoom) => this.markDirty(dirtyRoom),
        onRefuse: (refusing, connection, violation) => this.refuse(refusing, connection, violation),
        onEmpty: (emptyRoom) => this.scheduleUnload(emptyRoom),
        onAccepted: (acceptingRoom, update) => this.hooks.run('afterAccept', acceptingRoom, update),
        onLocalAwareness: (awareRoom, update) => this.hooks.run('afterLocalAwareness', awareRoom, update),
      },
      this.writes,
      this.diffWorker,
    );
    this.rooms.set(meetingId, room);
    this.hooks.run('afterLoad', room);
    // A long log makes every later load slow: fold it into a snapshot now.
    if (room.commits.updatesSinceSnapshot >= this.limits.compactEvery) void this.compact(room);
    return room;
  }

  private markDirty(room: Room): void {
    this.dirty.add(room);
    this.flushLoop ??= this.runFlushLoop();
  }

  private async runFlushLoop(): Promise<void> {
    try {
      do {
        // Let the messages of this event-loop turn gather into one transaction (awaiting first also
        // means the finally below runs only after flushLoop was assigned), and under load let commits
        // be at least commitIntervalMs apart: each costs the same whatever it holds. Waiting delays
        // "saved" and the relay to other instances (which publish after the commit), never the relay of
        // an edit to this instance's sockets.
        const wait = this.lastCommitAt + this.limits.commitIntervalMs - performance.now();
        await new Promise((resolve) => (wait > 1 ? setTimeout(resolve, wait) : setImmediate(resolve)));
        this.lastCommitAt = performance.now();
        const ok = await this.serially(() => this.flushOnce());
        if (!ok) {
          const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)];
          this.failures++;
          await new Promise((resolve) => setTimeout(resolve, delay));
        } else {
          this.failures = 0;
        }
      } while (this.dirty.size > 0);
    } finally {
      // Set in the same turn as the last check of `dirty`, so no room is left dirty without a loop.
      this.flushLoop = null;
    }
  }

  /** Commit every dirty room's pending updates in one transaction, then acknowledge. */
  private async flushOnce(): Promise<boolean> {
    const jobs = [...this.dirty].map((room) => {
      this.hooks.run('beforeTake', room);
      return { room, batch: room.takeCommit() };
    });
    this.dirty.clear();
    const entries: AppendEntry[] = jobs
      .filter((job) => job.batch.updates.length > 0)
      .map((job) => ({ docId: job.room.meetingId, updates: job.batch.updates }));
    let lastSeqs: Map<string, number>;
    try {
      lastSeqs = entries.length > 0 ? await this.store.append(entries) : new Map();
    } catch (error) {
      // Nothing is dropped: the updates go back in front of the queue and the sockets keep waiting,
      // so their people keep seeing "Saving…" rather than a false "Saved".
      this.logger.error(
        {
          err: error,
          meetings: jobs.map((job) => job.room.meetingId),
          participants: jobs.flatMap((job) => job.batch.participants()),
        },
        'storing updates failed; retrying',
      );
      for (const job of jobs) {
        job.batch.failed();
        this.dirty.add(job.room);
      }
      return false;
    }
    for (const { room, batch } of jobs) {
      batch.committed(lastSeqs.get(room.meetingId), (writers, updates) =>
        this.hooks.run('afterCommit', room, writers, updates),
      );
    }
    // At most one compaction per commit, the room furthest over the limit, after every "saved" is sent,
    // and not waited for. Meetings that started together reach the limit together: compacting them all
    // in one turn held the event loop for 100–200 ms in the busy-afternoon benchmark (a p99 spike 3–4 s
    // into typing).
    let due: Room | undefined;
    for (const { room } of jobs) {
      if (room.commits.updatesSinceSnapshot >= this.limits.compactEvery && !room.destroyed) {
        if (
          !this.compacting.has(room) &&
          (!due || room.commits.updatesSinceSnapshot > due.commits.updatesSinceSnapshot)
        )
          due = room;
      }
    }
    if (due) void this.compact(due);
    return true;
  }

  /** Fold a room's update log into a snapshot, after the compaction under way (if any). */
  private compact(room: Room): Promise<void> {
    this.compacting.add(room);
    const run = this.compactions
      .then(() => this.compactNow(room))
      .finally(() => this.compacting.delete(room));
    this.compactions = run.catch(() => undefined);
    return run;
  }

  private async compactNow(room: Room): Promise<void> {
    // A discarded room (erased meanwhile) must not write its document back.
    if (room.commits.updatesSinceSnapshot === 0 || room.destroyed) return;
    // The store folds what it holds — every instance's committed updates — with this room's document
    // doing the work when it holds the stored snapshot (compaction.ts).
    const before = { updates: room.commits.updatesSinceSnapshot, bytes: room.commits.storedBytes };
    try {
      const compaction = await this.store.compact(
        room.meetingId,
        foldWithRoom(room, this.limits.compactEvery),
      );
      room.commits.compacted(compaction, before);
    } catch (error) {
      // The log is still whole; compaction is tried again after the next commit.
      this.logger.error({ err: error, meetingId: room.meetingId }, 'compacting a meeting failed');
    }
  }

  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.storeQueue.then(operation);
    this.storeQueue = result.catch(() => undefined);
    return result;
  }

  private scheduleUnload(room: Room): void {
    if (this.closing || room.destroyed) return;
    room.unloadAfter(this.limits.idleUnloadMs, (idle) => void this.unload(idle));
  }

  private async unload(room: Room): Promise<void> {
    if (room.destroyed) return;
    await this.drain();
    await this.hooks.runInTurn('beforeUnload', room);
    await this.compact(room);
    // Someone may have joined while the snapshot was written.
    if (room.connections.size > 0 || room.commits.hasPending || this.rooms.get(room.meetingId) !== room)
      return;
    this.rooms.delete(room.meetingId);
    this.remember(room.meetingId, room.destroy());
    this.hooks.run('afterUnload', room.meetingId);
    this.logger.debug({ meetingId: room.meetingId }, 'meeting unloaded');
  }

  /**
   * Bring loaded meetings (all by default) up to date with the store: after messages from other instances
   * may have been missed (the relay lost its connection, or was told of a commit it had not seen the
   * updates of). Applying what is already known changes nothing.
   */
  async resyncFromStore(rooms: Iterable<Room> = this.rooms.values()): Promise<void> {
    for (const room of [...rooms]) {
      const stored = await this.store.load(room.meetingId);
      if (room.destroyed) continue;
      // A snapshot the document already holds need not be decoded again.
      room.applyStored(
        stored.snapshotId === room.commits.snapshotId ? { ...stored, snapshot: null } : stored,
      );
    }
  }

  /** Wait until every applied update is committed. */
  async drain(): Promise<void> {
    while (this.flushLoop) await this.flushLoop;
  }

  /**
   * Whether this instance reaches the other instances (through Redis): every socket that asked for
   * "saved" is told of each change, and one that joins while it does not is told at once (protocol
   * message 17), so that people do not take "Saved" to mean the others see their edits.
   */
  setRelaying(relaying: boolean): void {
    if (relaying === this.relaying) return;
    this.relaying = relaying;
    const message = writeRelay(relaying);
    for (const room of this.rooms.values()) {
      for (const connection of room.connections) if (connection.wantsAck) connection.send(message);
    }
  }

  /**
   * Something of a meeting that is not in its document changed (`topic`, a NudgeTopic: someone asked to
   * join, was let in or not): every socket of the meeting that asked for Polyphony's messages is nudged
   * (message 18) to fetch it again, here and, through the relay's hook, on the other instances.
   */
  nudge(meetingId: string, topic: number): void {
    this.deliverNudge(meetingId, topic);
    this.hooks.run('afterNudge', meetingId, topic);
  }

  /** Nudge this instance's sockets of a meeting only (a nudge relayed from another instance). */
  deliverNudge(meetingId: string, topic: number): void {
    const room = this.rooms.get(meetingId);
    if (!room) return;
    const message = writeNudge(topic);
    for (const connection of room.connections) if (connection.wantsAck) connection.send(message);
  }

  /**
   * Forget a meeting without writing anything of it back (it was erased, or an erasure rewrites its
   * document in the store): its sockets close with `code`, updates not committed yet are dropped, the
   * room is not compacted or versioned on its way out, and no decoded copy is kept for reading. Returns
   * how many sockets were closed.
   */
  discardMeeting(meetingId: string, code: CloseCode): number {
    this.readCache.delete(meetingId);
    const room = this.rooms.get(meetingId);
    if (!room) return 0;
    let closed = 0;
    for (const connection of room.connections) {
      connection.close(code);
      closed++;
    }
    this.rooms.delete(meetingId);
    this.dirty.delete(room);
    room.destroy();
    this.hooks.run('afterUnload', meetingId);
    return closed;
  }

  /** Who is behind each live socket of this instance (the session sweep checks their sessions). */
  principals(): SyncPrincipal[] {
    const principals: SyncPrincipal[] = [];
    for (const room of this.rooms.values()) {
      for (const connection of room.connections) principals.push(connection.principal);
    }
    return principals;
  }

  /**
   * Close the sockets that match, e.g. when someone's access ends; returns how many were closed. Every
   * socket counts, also those whose meeting is still loading. From this call on, nothing they send is
   * applied, relayed or stored (Connection.close).
   */
  closeConnections(
    predicate: (connection: Connection) => boolean,
    code: CloseCode = CloseCodes.accessRevoked,
  ): number {
    let closed = 0;
    for (const connection of this.connections) {
      if (connection.accepting && predicate(connection)) {
        connection.close(code);
        closed++;
      }
    }
    return closed;
  }

  /**
   * Stop: refuse new sockets, close the open ones with "server restart" (clients reconnect to the next
   * process; from that moment nothing they send is taken), commit what is pending, compact every loaded
   * meeting, and cut off the sockets that have not answered the close within the close grace.
   */
  async close(): Promise<void> {
    this.closing = true;
    const graceEnds = performance.now() + this.limits.closeGraceMs;
    for (const connection of this.connections) connection.close(CloseCodes.serverRestart);
    await Promise.allSettled(this.loading.values());
    await this.drain();
    for (const room of this.rooms.values()) {
      await this.hooks.runInTurn('beforeUnload', room);
      await this.compact(room);
      room.destroy();
      this.hooks.run('afterUnload', room.meetingId);
    }
    this.rooms.clear();
    // ws cuts off a socket whose peer has not answered by the end of the grace; this is the backstop.
    const ended = Promise.all([...this.connections].map((connection) => connection.ended));
    const wait = Math.max(0, graceEnds - performance.now()) + 100;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([ended, new Promise((resolve) => (timer = setTimeout(resolve, wait)))]);
    clearTimeout(timer);
    for (const connection of this.connections) connection.terminate();
    this.wss.close();
    await this.diffWorker.close();
  }
}

function refuse(socket: Duplex, status: number, error: string): void {
  const body = JSON.stringify({ error, message: `WebSocket upgrade refused: ${error}` });
  const statusText: Record<number, string> = {
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  socket.end(
    `HTTP/1.1 ${status} ${statusText[status] ?? 'Error'}\r\nConnection: close\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
