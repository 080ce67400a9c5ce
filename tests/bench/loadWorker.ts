/**
 * One thread of the load generator. It holds whole meetings — every editor of a meeting lives in the same
 * thread, so a keystroke is timed from the sender's clock to each receiver's on one clock.
 *
 * Editors are of two kinds:
 *  - light clients: a raw WebSocket that speaks the sync protocol by hand. A light client keeps a Yjs
 *    document only of the meeting as it joined plus its own typing, so that its keystrokes are real
 *    updates at the end of the dialogue; what others send it is counted and matched by its first item
 *    (client id · clock, read from the update's header), never decoded.
 *  - probes (1–3 per meeting): the real client of each server — y-websocket's WebsocketProvider, or
 *    Hocuspocus's own HocuspocusProvider — with a full Y.Doc that applies everything it receives.
 *    Probes also count Polyphony's "saved" acknowledgements.
 * Everyone types at a human rate with exponential gaps, and moves their cursor (presence) as they type.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { type IntervalHistogram, monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../integration/helpers/clients.js';
import {
  type BenchTypist,
  startVoiceBlock,
  typedCharacter,
  writeMeetingSkeleton,
} from './meetingDocument.js';
import { RawWebSocket } from './rawWebSocket.js';
import {
  appendCharacterUpdate,
  type Cursor,
  type Framing,
  forEachUpdateKey,
  frame,
  frameOverhead,
  keystrokeKey,
  rawUpdateKey,
  readVarUint,
  skipVarBytes,
} from './wire.js';

/** Where and how to connect. */
export interface Target {
  framing: Framing;
  /** Polyphony: ws://host:port/sync, y-websocket: ws://host:port (the room is appended); Hocuspocus: ws://host:port. */
  serverUrl: string;
  /**
   * Several instances of one server (scale-out): editor i of each meeting (probes first) connects to
   * serverUrls[i % length]; serverUrl alone when unset.
   */
  serverUrls?: string[];
  cookie?: string;
  /** Polyphony: the person the cookie is the session of, named as typist of the blocks editors write. */
  typist?: BenchTypist;
  /**
   * The probes are Polyphony's client: they ask for its "saved" acknowledgement and, like it, send only
   * their own presence (sendOwnPresenceOnly). Otherwise they are the stock y-websocket client.
   */
  polyphonyClient: boolean;
}

/** Commands from the main thread. */
export type WorkerCommand =
  | {
      type: 'open';
      target: Target;
      meetings: string[];
      editors: number;
      probes: number;
      /** Probes in every n-th meeting only (1: all); the others' first light editor writes the meeting. */
      probeEvery: number;
    }
  | { type: 'typing'; rate: number }
  | { type: 'measure'; phase: 'start' }
  | { type: 'measure'; phase: 'stop' }
  | { type: 'waitDisconnected'; timeoutMs: number }
  | { type: 'waitSynced'; timeoutMs: number }
  | { type: 'savedStates' }
  | { type: 'close' };

/** What one thread measured over a window. */
export interface WindowStats {
  keystrokes: number;
  /** Keystroke → the last other editor of its meeting, ms. */
  latencies: number[];
  /** When each of those keystrokes was sent, ms after the window opened (same order). */
  sentAt: number[];
  deliveries: number;
  /** Every 16th single delivery's latency, to a full-client probe / to a light client, ms. */
  probeDeliveries: number[];
  lightDeliveries: number[];
  /** Keystrokes of the window that some editor had not received 1 s after the window ended. */
  incomplete: number;
  bytesOut: number;
  bytesIn: number;
  /** Keystroke → "saved" at the sender (probes on Polyphony), ms. */
  ackLatencies: number[];
  /** Event-loop utilisation of this thread over the window (1 = saturated). */
  utilisation: number;
  /**
   * How late this thread's event loop ran, p99 over the window (ms): a delivery that reaches the thread
   * while it is busy is timed only when the loop gets to it, so this much of every latency it measures
   * can be the generator's own.
   */
  loopDelayP99: number;
  windowMs: number;
}

const LOCAL = Symbol('typist');

interface Keystroke {
  sender: Editor;
  sentAt: number;
  remaining: number;
  measured: boolean;
}

interface Editor {
  readonly meeting: Meeting;
  synced: boolean;
  syncedAt: number;
  type(): void;
  close(): void;
}

interface Meeting {
  id: string;
  editors: Editor[];
}

// Every y-websocket provider adds a process 'exit' listener (to say goodbye); there are many here.
process.setMaxListeners(0);
const pending = new Map<number, Keystroke>();
const meetings: Meeting[] = [];
let target: Target;
let rate = 0;
let measuring = false;
let windowStart = 0;
let windowElu = performance.eventLoopUtilization();
let loopDelay: IntervalHistogram | null = null;
const window: Omit<WindowStats, 'utilisation' | 'loopDelayP99' | 'windowMs'> = emptyWindow();

function emptyWindow(): Omit<WindowStats, 'utilisation' | 'loopDelayP99' | 'windowMs'> {
  return {
    keystrokes: 0,
    latencies: [],
    sentAt: [],
    deliveries: 0,
    probeDeliveries: [],
    lightDeliveries: [],
    incomplete: 0,
    bytesOut: 0,
    bytesIn: 0,
    ackLatencies: [],
  };
}

/** The server URL of the editor at this position in its meeting (probes first). */
function serverUrlOf(index: number): string {
  const urls = target.serverUrls;
  return urls && urls.length > 0 ? (urls[index % urls.length] as string) : target.serverUrl;
}

function keystrokeSent(key: number, sender: Editor): void {
  pending.set(key, {
    sender,
    sentAt: performance.now(),
    remaining: sender.meeting.editors.length - 1,
    measured: measuring,
  });
  if (measuring) window.keystrokes++;
}

function keystrokeReceived(key: number, receiver: Editor): void {
  const keystroke = pending.get(key);
  // The y-websocket reference server echoes an update to its sender too: that is no delivery.
  if (!keystroke || keystroke.sender === receiver) return;
  if (keystroke.measured) {
    window.deliveries++;
    // A sample of single deliveries by kind of receiver, to see who is late when something is.
    if ((window.deliveries & 15) === 0) {
      (receiver instanceof ProbeEditor ? window.probeDeliveries : window.lightDeliveries).push(
        performance.now() - keystroke.sentAt,
      );
    }
  }
  if (--keystroke.remaining <= 0) {
    pending.delete(key);
    if (keystroke.measured) {
      window.latencies.push(performance.now() - keystroke.sentAt);
      window.sentAt.push(keystroke.sentAt - windowStart);
    }
  }
}

function countOut(bytes: number): void {
  if (measuring) window.bytesOut += bytes + frameOverhead(bytes, true);
}

function countIn(bytes: number): void {
  if (measuring) window.bytesIn += bytes + frameOverhead(bytes, false);
}

/** Exponential gaps around the mean rate: typists who never fire together by accident. */
function nextGap(): number {
  return (-Math.log(1 - Math.random()) / rate) * 1000;
}

function schedule(editor: Editor): void {
  setTimeout(() => {
    if (rate > 0 && !closing) {
      if (editor.synced) editor.type();
      schedule(editor);
    }
  }, nextGap()).unref();
}

let closing = false;
let nextSpeaker = 0;

/** A raw-protocol editor that does not decode what it receives. */
class LightEditor implements Editor {
  synced = false;
  syncedAt = 0;
  private everSynced = false;
  private socket: RawWebSocket | null = null;
  /** The message of the keystroke being typed, sent together with the cursor move. */
  private typedUpdate: Uint8Array | null = null;
  private readonly doc = new Y.Doc();
  private text: Y.XmlText | null = null;
  private typed = 0;
  /** Clock of this typist's last character; −1 before the first. */
  private lastClock = -1;
  private awarenessClock = 0;
  private attempts = 0;
  private closed = false;
  private readonly name = `Editor ${nextSpeaker++}`;
  private readonly serverUrl: string;

  constructor(
    readonly meeting: Meeting,
    index: number,
  ) {
    this.serverUrl = serverUrlOf(index);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== LOCAL) return;
      keystrokeSent(rawUpdateKey(update), this);
      this.typedUpdate = frame(target.framing, this.meeting.id, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, update);
      });
    });
  }

  connect(): void {
    const url = target.framing === 'hocuspocus' ? this.serverUrl : `${this.serverUrl}/${this.meeting.id}`;
    const socket = new RawWebSocket(url, target.cookie ? { cookie: target.cookie } : {}, {
      open: () => {
        this.attempts = 0;
        if (target.framing === 'hocuspocus') {
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
        this.send(
          frame(target.framing, this.meeting.id, (e) => {
            encoding.writeVarUint(e, 0);
            encoding.writeVarUint(e, 0);
            encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc));
          }),
        );
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
    for (const message of messages) countOut(message.length);
  }

  private receive(data: Buffer): void {
    countIn(data.length);
    const cursor: Cursor = { pos: 0 };
    if (target.framing === 'hocuspocus') skipVarBytes(data, cursor);
    const type = readVarUint(data, cursor);
    // Hocuspocus answers a sync step 1 with type 4 (sync reply); the content is the same.
    if (type !== 0 && type !== 4) return;
    const syncType = readVarUint(data, cursor);
    if (syncType === 2) {
      const length = readVarUint(data, cursor);
      forEachUpdateKey(data.subarray(cursor.pos, cursor.pos + length), (key) => keystrokeReceived(key, this));
    } else if (syncType === 1) {
      if (!this.everSynced) {
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
      this.send(
        frame(target.framing, this.meeting.id, (e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.doc, stateVector));
        }),
      );
    }
  }

  /** Write the meeting as it stands, if the server has nothing yet, and send it (meetings without probes). */
  writeSkeleton(title: string): void {
    if (this.doc.getXmlFragment('dialogue').length > 0) return;
    const before = Y.encodeStateVector(this.doc);
    writeMeetingSkeleton(this.doc, title, target.typist);
    const update = Y.encodeStateAsUpdate(this.doc, before);
    this.send(
      frame(target.framing, this.meeting.id, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, update);
      }),
    );
  }

  type(): void {
    const client = this.doc.clientID;
    if (this.lastClock < 0) {
      // The first keystroke opens this typist's voice block through Yjs; every later one appends a
      // character to it, written by hand (see appendCharacterUpdate).
      this.doc.transact(() => {
        this.text = startVoiceBlock(this.doc, this.name, target.typist);
        this.text.insert(0, typedCharacter(this.typed++));
      }, LOCAL);
      this.lastClock = Y.getState(this.doc.store, client) - 1;
    } else {
      const clock = ++this.lastClock;
      const update = appendCharacterUpdate(client, clock, typedCharacter(this.typed++));
      keystrokeSent(keystrokeKey(client, clock), this);
      this.typedUpdate = frame(target.framing, this.meeting.id, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, update);
      });
    }
    const position = `{"type":null,"tname":null,"item":{"client":${client},"clock":${this.lastClock}},"assoc":0}`;
    const state = `{"user":{"name":"${this.name}","color":"#30bced"},"cursor":{"anchor":${position},"head":${position}}}`;
    const update = this.typedUpdate as Uint8Array;
    this.typedUpdate = null;
    this.send(
      update,
      frame(target.framing, this.meeting.id, (e) => {
        encoding.writeVarUint(e, 1);
        const inner = encoding.createEncoder();
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, client);
        encoding.writeVarUint(inner, ++this.awarenessClock);
        encoding.writeVarString(inner, state);
        encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      }),
    );
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
    this.doc.destroy();
  }
}

/** The real client of the server under test, with a full document. */
class ProbeEditor implements Editor {
  readonly doc = new Y.Doc();
  syncedAt = 0;
  private text: Y.XmlText | null = null;
  private typed = 0;
  private readonly name = `Probe ${nextSpeaker++}`;
  private readonly sentAt = new Map<number, number>();
  private client: TestClient | null = null;
  private hocuspocus: HocuspocusProvider | null = null;

  constructor(
    readonly meeting: Meeting,
    index: number,
  ) {
    const serverUrl = serverUrlOf(index);
    // Registered before the provider's own handler, so a keystroke is timed before it is sent.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) keystrokeSent(rawUpdateKey(update), this);
      else forEachUpdateKey(update, (key) => keystrokeReceived(key, this));
    });
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
    } else {
      this.client = connectClient(serverUrl, meeting.id, {
        doc: this.doc,
        cookie: target.cookie,
        ack: target.polyphonyClient,
        ownPresenceOnly: target.polyphonyClient,
        recordTypes: false,
        onSend: (count) => {
          if (measuring) this.sentAt.set(count, performance.now());
        },
        onSaved: (count) => {
          for (const [sent, at] of this.sentAt) {
            if (sent > count) continue;
            if (measuring) window.ackLatencies.push(performance.now() - at);
            this.sentAt.delete(sent);
          }
        },
      });
      this.client.provider.on('sync', (synced: boolean) => {
        if (synced) this.syncedAt = Date.now();
      });
    }
  }

  get synced(): boolean {
    return this.hocuspocus ? this.hocuspocus.isSynced : (this.client?.provider.synced ?? false);
  }

  get awareness() {
    return this.hocuspocus ? this.hocuspocus.awareness : this.client?.provider.awareness;
  }

  savedStateVector(): [number, number][] {
    return [...(this.client?.savedStateVector() ?? new Map()).entries()];
  }

  type(): void {
    this.doc.transact(() => {
      if (!this.text || this.typed % 240 === 0)
        this.text = startVoiceBlock(this.doc, this.name, target.typist);
      this.text.insert(this.text.length, typedCharacter(this.typed++));
    }, LOCAL);
    const text = this.text as Y.XmlText;
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
    this.awareness?.setLocalStateField('cursor', { anchor: position, head: position });
  }

  close(): void {
    this.client?.destroy();
    this.hocuspocus?.destroy();
  }
}

// BENCH_GENERATOR_PROFILE=<dir>: a V8 CPU profile of this generator thread over each measured window.
const profileDir = process.env.BENCH_GENERATOR_PROFILE;
let profiler: Session | null = null;
let profiles = 0;

function startProfile(): void {
  if (!profileDir) return;
  profiler = new Session();
  profiler.connect();
  profiler.post('Profiler.enable');
  profiler.post('Profiler.start');
}

function stopProfile(): void {
  const session = profiler;
  if (!session) return;
  profiler = null;
  session.post('Profiler.stop', (error, result) => {
    if (!error)
      writeFileSync(
        `${profileDir}/generator-${process.pid}-${profiles++}.cpuprofile`,
        JSON.stringify(result.profile),
      );
    session.disconnect();
  });
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

async function open(
  command: Extract<WorkerCommand, { type: 'open' }>,
): Promise<{ editors: number; synced: boolean }> {
  target = command.target;
  const opened: Meeting[] = command.meetings.map((id) => ({ id, editors: [] }));
  // Probes first: the first one writes the meeting as it stands, then the light editors join it. In a
  // meeting without probes (--probe-every), its first light editor writes it.
  opened.forEach((meeting, index) => {
    const probes = index % command.probeEvery === 0 ? command.probes : 0;
    for (let i = 0; i < probes; i++) meeting.editors.push(new ProbeEditor(meeting, i));
    if (probes === 0) {
      const writer = new LightEditor(meeting, 0);
      meeting.editors.push(writer);
      writer.connect();
    }
  });
  const firsts = opened.flatMap((m) => m.editors);
  let synced = await waitUntil(() => firsts.every((e) => e.synced), 60_000);
  for (const meeting of opened) {
    const first = meeting.editors[0];
    const title = `Network meeting ${meeting.id}`;
    if (first instanceof ProbeEditor && first.doc.getXmlFragment('dialogue').length === 0) {
      writeMeetingSkeleton(first.doc, title, target.typist);
    } else if (first instanceof LightEditor) {
      first.writeSkeleton(title);
    }
  }
  // Give the skeleton a moment to reach the server before the light editors ask for the meeting.
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const meeting of opened) {
    for (let i = meeting.editors.length; i < command.editors; i++) {
      const editor = new LightEditor(meeting, i);
      meeting.editors.push(editor);
      editor.connect();
    }
  }
  meetings.push(...opened);
  const editors = opened.flatMap((m) => m.editors);
  synced = (await waitUntil(() => editors.every((e) => e.synced), 60_000)) && synced;
  if (rate > 0) for (const editor of editors) schedule(editor);
  return { editors: editors.length, synced };
}

function allEditors(): Editor[] {
  return meetings.flatMap((m) => m.editors);
}

async function handle(command: WorkerCommand): Promise<unknown> {
  switch (command.type) {
    case 'open':
      return open(command);
    case 'typing': {
      const wasIdle = rate === 0;
      rate = command.rate;
      if (wasIdle && rate > 0) for (const editor of allEditors()) schedule(editor);
      return null;
    }
    case 'measure':
      if (command.phase === 'start') {
        Object.assign(window, emptyWindow());
        measuring = true;
        windowStart = performance.now();
        windowElu = performance.eventLoopUtilization();
        loopDelay = monitorEventLoopDelay({ resolution: 5 });
        loopDelay.enable();
        startProfile();
        return null;
      } else {
        measuring = false;
        const windowMs = performance.now() - windowStart;
        const utilisation = performance.eventLoopUtilization(windowElu).utilization;
        loopDelay?.disable();
        const loopDelayP99 = (loopDelay?.percentile(99) ?? 0) / 1e6;
        loopDelay = null;
        stopProfile();
        // Late deliveries still count towards the window's keystrokes; give them a second.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        let incomplete = 0;
        for (const [key, keystroke] of pending) {
          if (keystroke.measured) incomplete++;
          pending.delete(key);
        }
        return { ...window, incomplete, utilisation, loopDelayP99, windowMs };
      }
    case 'waitDisconnected':
      return waitUntil(() => allEditors().every((e) => !e.synced), command.timeoutMs);
    case 'waitSynced': {
      const editors = allEditors();
      const ok = await waitUntil(() => editors.every((e) => e.synced), command.timeoutMs);
      return {
        ok,
        synced: editors.filter((e) => e.synced).length,
        lastSyncedAt: Math.max(...editors.map((e) => e.syncedAt)),
      };
    }
    case 'savedStates':
      return meetings.map((m) => ({
        meetingId: m.id,
        probes: m.editors
          .filter((e) => e instanceof ProbeEditor)
          .map((p) => (p as ProbeEditor).savedStateVector()),
      }));
    case 'close':
      closing = true;
      for (const editor of allEditors()) editor.close();
      meetings.length = 0;
      pending.clear();
      return null;
  }
}

parentPort?.on('message', (message: { id: number; command: WorkerCommand }) => {
  handle(message.command).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: String(error) }),
  );
});
