/**
 * The editors of the load generator, every one driven by the scenario's `ClientBehaviour` alone — the
 * server under test changes only how they connect (`Transport`):
 *  - LightEditor: a raw WebSocket that speaks the sync protocol by hand. It keeps a Yjs document only of
 *    the meeting as it joined plus its own first keystroke; what others send it is matched by its first
 *    item (client id · clock, read from the update's header), never decoded. Presence it receives is read
 *    by hand (client id · clock of each entry) to time cursor moves.
 *  - RawProbe: the same wire client that applies everything it receives to a full Y.Doc and types through
 *    Yjs — a real client's work without a provider's machinery (the ramps' probes).
 *  - StockProbe: the server's own provider as shipped (y-websocket's WebsocketProvider for Polyphony and
 *    the y-websocket servers, HocuspocusProvider for Hocuspocus) with a full Y.Doc.
 * Everyone types at a human rate with exponential gaps (open loop, see `Schedule`), and moves their
 * cursor (presence) with each keystroke.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../integration/helpers/clients.js';
import { probeSettings, type Target } from './clientBehaviour.js';
import { startVoiceBlock, typedCharacter, writeMeetingSkeleton } from './meetingDocument.js';
import { RawWebSocket } from './rawWebSocket.js';
import type { ScheduledEditor, TimedEditor, Timing } from './timing.js';
import {
  type Cursor,
  FrameWriter,
  forEachUpdateKey,
  frame,
  frameOverhead,
  keystrokeKey,
  rawUpdateKey,
  readVarUint,
  skipVarBytes,
} from './wire.js';

export const LOCAL = Symbol('typist');

/** A meeting of one thread. */
export interface Meeting {
  id: string;
  editors: Editor[];
}

/** One editor. */
export interface Editor extends TimedEditor, ScheduledEditor {
  readonly meeting: Meeting;
  readonly clientId: number;
  syncedAt: number;
  close(): void;
}

/** What editors share in a thread. */
export interface EditorContext {
  target: Target;
  timing: Timing;
  nextSpeaker(): number;
}

/** The server URL of the editor at this position in its meeting (probes first). */
function serverUrlOf(target: Target, index: number): string {
  const urls = target.serverUrls;
  return urls && urls.length > 0 ? (urls[index % urls.length] as string) : target.serverUrl;
}

/** Read the entries of an awareness update (varUint n · n × (client · clock · state)) by hand. */
function forEachPresenceEntry(update: Uint8Array, each: (client: number, clock: number) => void): void {
  const cursor: Cursor = { pos: 0 };
  const count = readVarUint(update, cursor);
  for (let i = 0; i < count; i++) {
    const client = readVarUint(update, cursor);
    const clock = readVarUint(update, cursor);
    const length = readVarUint(update, cursor);
    // "null" is a state removed (the client left): not a cursor move.
    if (!(length === 4 && update[cursor.pos] === 0x6e)) each(client, clock);
    cursor.pos += length;
  }
}

/** A raw-protocol editor; `decodes` makes it a probe that applies everything it receives. */
export class LightEditor implements Editor {
  synced = false;
  syncedAt = 0;
  closed = false;
  private everSynced = false;
  private socket: RawWebSocket | null = null;
  /** The message of the keystroke being typed, sent together with the cursor move. */
  private typedUpdate: Uint8Array | null = null;
  readonly doc = new Y.Doc();
  private text: Y.XmlText | null = null;
  private typed = 0;
  /** Clock of this typist's last character; −1 before the first. */
  private lastClock = -1;
  private awarenessClock = 0;
  private attempts = 0;
  private readonly name: string;
  private readonly serverUrl: string;
  private readonly echo: boolean;
  /** Writes this editor's keystroke and cursor move as the frames of one socket write. */
  private readonly writer: FrameWriter;

  constructor(
    readonly meeting: Meeting,
    index: number,
    private readonly context: EditorContext,
    readonly isProbe = false,
  ) {
    this.name = `${isProbe ? 'Probe' : 'Editor'} ${context.nextSpeaker()}`;
    this.serverUrl = serverUrlOf(context.target, index);
    // A probe behaves as the scenario's probes do: the stock providers send back every presence change.
    this.echo = isProbe && !probeSettings(context.target).ownPresenceOnly;
    this.writer = new FrameWriter(context.target.framing, meeting.id);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== LOCAL) return;
      context.timing.keystrokeSent(rawUpdateKey(update), this);
      this.typedUpdate = this.syncMessage(2, update);
    });
  }

  get clientId(): number {
    return this.doc.clientID;
  }

  private syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
    return frame(this.context.target.framing, this.meeting.id, (e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, syncType);
      encoding.writeVarUint8Array(e, payload);
    });
  }

  connect(): void {
    const { target } = this.context;
    const hocuspocus = target.framing === 'hocuspocus'; // per-server: transport
    // Hocuspocus names the document in every message; the y-websocket servers in the URL.
    const url = hocuspocus ? this.serverUrl : `${this.serverUrl}/${this.meeting.id}`;
    const socket = new RawWebSocket(url, target.cookie ? { cookie: target.cookie } : {}, {
      open: () => {
        this.attempts = 0;
        if (hocuspocus) {
          // Hocuspocus waits for an authentication message before it syncs; without an onAuthenticate
          // hook any token is accepted.
          this.send(
            frame('hocuspocus', this.meeting.id, (e) => {
              encoding.writeVarUint(e, 2);
              encoding.writeVarUint(e, 0);
              encoding.writeVarString(e, 'bench');
            }),
          );
        }
        this.send(this.syncMessage(0, Y.encodeStateVector(this.doc)));
      },
      message: (data) => this.receive(data),
      close: () => {
        this.synced = false;
        this.socket = null;
        if (this.closed) return;
        // y-websocket's own back-off: 100 ms doubling to 2.5 s.
        const delay = Math.min(2 ** this.attempts * 100, 2500);
        this.attempts++;
        setTimeout(() => this.connect(), delay).unref();
      },
    });
    this.socket = socket;
  }

  private send(...messages: Uint8Array[]): void {
    if (!this.socket?.isOpen) return;
    this.socket.send(...messages);
    for (const message of messages)
      this.context.timing.countOut(message.length + frameOverhead(message.length, true));
  }

  private receive(data: Buffer): void {
    const { timing, target } = this.context;
    timing.countIn(data.length + frameOverhead(data.length, false));
    const cursor: Cursor = { pos: 0 };
    if (target.framing === 'hocuspocus') skipVarBytes(data, cursor); // per-server: transport (the name)
    const type = readVarUint(data, cursor);
    if (type === 1) {
      const length = readVarUint(data, cursor);
      const update = data.subarray(cursor.pos, cursor.pos + length);
      forEachPresenceEntry(update, (client, clock) => timing.presenceReceived(client, clock, this));
      if (this.echo)
        this.send(
          frame(target.framing, this.meeting.id, (e) => {
            encoding.writeVarUint(e, 1);
            encoding.writeVarUint8Array(e, update);
          }),
        );
      return;
    }
    // Hocuspocus answers a sync step 1 with type 4 (sync reply); the content is the same.
    if (type !== 0 && type !== 4) return;
    const syncType = readVarUint(data, cursor);
    if (syncType === 2) {
      const length = readVarUint(data, cursor);
      const update = data.subarray(cursor.pos, cursor.pos + length);
      // A probe does a real client's work: the update is applied (a copy: `data` is the read buffer).
      if (this.isProbe) Y.applyUpdate(this.doc, Uint8Array.from(update), 'server');
      forEachUpdateKey(update, (key) => timing.keystrokeReceived(key, this));
    } else if (syncType === 1) {
      if (!this.everSynced || this.isProbe) {
        // Once, to know the meeting as it was when this editor joined: its own block goes at the end.
        // A copy: the document may keep views of what it decodes, and `data` is the socket's read buffer.
        const decoder = decoding.createDecoder(Uint8Array.from(data));
        decoder.pos = cursor.pos;
        Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), 'server');
      }
      this.everSynced = true;
      this.synced = true;
      this.syncedAt = Date.now();
    } else if (syncType === 0) {
      const decoder = decoding.createDecoder(data);
      decoder.pos = cursor.pos;
      const stateVector = decoding.readVarUint8Array(decoder);
      this.send(this.syncMessage(1, Y.encodeStateAsUpdate(this.doc, stateVector)));
    }
  }

  /** Write the meeting as it stands, if the server has nothing yet, and send it (meetings without probes). */
  writeSkeleton(title: string): void {
    if (this.doc.getXmlFragment('dialogue').length > 0) return;
    const before = Y.encodeStateVector(this.doc);
    writeMeetingSkeleton(this.doc, title, this.context.target.typist);
    this.send(this.syncMessage(2, Y.encodeStateAsUpdate(this.doc, before)));
  }

  type(): void {
    const { target, timing } = this.context;
    const client = this.doc.clientID;
    const throughYjs = this.lastClock < 0 || this.isProbe;
    if (throughYjs) {
      // The first keystroke opens this typist's voice block through Yjs; every later one of a light editor
      // appends a character to it, written by hand (FrameWriter.appendCharacter). A probe types through Yjs.
      this.doc.transact(() => {
        if (!this.text || this.typed % 240 === 0)
          this.text = startVoiceBlock(this.doc, this.name, target.typist);
        this.text.insert(this.text.length, typedCharacter(this.typed++));
      }, LOCAL);
      this.lastClock = Y.getState(this.doc.store, client) - 1;
    }
    const writer = this.writer.begin();
    if (throughYjs) {
      writer.message(this.typedUpdate as Uint8Array);
      this.typedUpdate = null;
    } else {
      // A character appended to this typist's block: the 12-byte update Yjs writes for it, by hand.
      const clock = ++this.lastClock;
      timing.keystrokeSent(keystrokeKey(client, clock), this);
      writer.appendCharacter(client, clock, typedCharacter(this.typed++));
    }
    const position = `{"type":null,"tname":null,"item":{"client":${client},"clock":${this.lastClock}},"assoc":0}`;
    const state = `{"user":{"name":"${this.name}","color":"#30bced"},"cursor":{"anchor":${position},"head":${position}}}`;
    const awarenessClock = ++this.awarenessClock;
    timing.presenceSent(client, awarenessClock, this);
    writer.presence(client, awarenessClock, state);
    const socket = this.socket;
    if (!socket?.isOpen) return;
    socket.sendFramed(writer.take());
    for (const length of writer.payloads) timing.countOut(length + frameOverhead(length, true));
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
    this.doc.destroy();
  }
}

/** Make a Hocuspocus provider send only its own presence changes (its stock handler sends every change). */
function hocuspocusOwnPresenceOnly(provider: HocuspocusProvider): void {
  const internal = provider as unknown as {
    boundAwarenessUpdateHandler: (changes: PresenceChanges, origin: unknown) => void;
  };
  const send = internal.boundAwarenessUpdateHandler;
  const own = (ids: number[]) => ids.filter((id) => id === provider.document.clientID);
  const sendOwn = (changes: PresenceChanges, origin: unknown): void => {
    const mine = { added: own(changes.added), updated: own(changes.updated), removed: own(changes.removed) };
    if (mine.added.length + mine.updated.length + mine.removed.length > 0) send(mine, origin);
  };
  provider.awareness?.off('update', send);
  internal.boundAwarenessUpdateHandler = sendOwn;
  provider.awareness?.on('update', sendOwn);
}

interface PresenceChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The real client of the server under test, with a full document. */
export class StockProbe implements Editor {
  readonly doc = new Y.Doc();
  readonly isProbe = true;
  syncedAt = 0;
  closed = false;
  private text: Y.XmlText | null = null;
  private typed = 0;
  private readonly name: string;
  private client: TestClient | null = null;
  private hocuspocus: HocuspocusProvider | null = null;

  constructor(
    readonly meeting: Meeting,
    index: number,
    private readonly context: EditorContext,
  ) {
    const { target, timing } = context;
    const settings = probeSettings(target);
    this.name = `Probe ${context.nextSpeaker()}`;
    const serverUrl = serverUrlOf(target, index);
    // Registered before the provider's own handler, so a keystroke is timed before it is sent.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) timing.keystrokeSent(rawUpdateKey(update), this);
      else forEachUpdateKey(update, (key) => timing.keystrokeReceived(key, this));
    });
    // The server's own provider: Hocuspocus's for Hocuspocus, y-websocket's for the others.
    // per-server: transport
    if (target.framing === 'hocuspocus') {
      this.hocuspocus = new HocuspocusProvider({
        url: serverUrl,
        name: meeting.id,
        document: this.doc,
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        onSynced: () => {
          this.syncedAt = Date.now();
        },
        // Passed on to the provider's own socket (the typings omit it); Node 20 has no global WebSocket.
      } as ConstructorParameters<typeof HocuspocusProvider>[0]);
      if (settings.ownPresenceOnly) hocuspocusOwnPresenceOnly(this.hocuspocus);
    } else {
      this.client = connectClient(serverUrl, meeting.id, {
        doc: this.doc,
        cookie: target.cookie,
        ack: settings.ack,
        ownPresenceOnly: settings.ownPresenceOnly,
        recordTypes: false,
      });
      this.client.provider.on('sync', (synced: boolean) => {
        if (synced) this.syncedAt = Date.now();
      });
    }
    const awareness = this.awareness;
    awareness?.on('update', (changes: PresenceChanges, origin: unknown) => {
      if (origin === 'local') return;
      for (const id of [...changes.added, ...changes.updated]) {
        const clock = awareness.meta.get(id)?.clock;
        if (clock !== undefined && awareness.states.get(id)) timing.presenceReceived(id, clock, this);
      }
    });
  }

  get clientId(): number {
    return this.doc.clientID;
  }

  get synced(): boolean {
    return this.hocuspocus ? this.hocuspocus.isSynced : (this.client?.provider.synced ?? false);
  }

  get awareness() {
    return this.hocuspocus ? this.hocuspocus.awareness : this.client?.provider.awareness;
  }

  type(): void {
    this.doc.transact(() => {
      if (!this.text || this.typed % 240 === 0)
        this.text = startVoiceBlock(this.doc, this.name, this.context.target.typist);
      this.text.insert(this.text.length, typedCharacter(this.typed++));
    }, LOCAL);
    const text = this.text as Y.XmlText;
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
    const awareness = this.awareness;
    if (!awareness) return;
    const clock = (awareness.meta.get(awareness.clientID)?.clock ?? 0) + 1;
    this.context.timing.presenceSent(awareness.clientID, clock, this);
    awareness.setLocalStateField('cursor', { anchor: position, head: position });
  }

  close(): void {
    this.closed = true;
    this.client?.destroy();
    this.hocuspocus?.destroy();
  }
}

/** A probe of the kind the scenario asks for. */
export function probe(meeting: Meeting, index: number, context: EditorContext): Editor {
  if (probeSettings(context.target).implementation === 'raw') {
    const editor = new LightEditor(meeting, index, context, true);
    editor.connect();
    return editor;
  }
  return new StockProbe(meeting, index, context);
}
