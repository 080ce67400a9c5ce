/**
 * Yjs clients for tests: the stock y-websocket WebsocketProvider over the `ws` package, optionally with
 * Polyphony's "saved" acknowledgement (a socket subclass counts the update-carrying messages it sends,
 * the same way the browser client does).
 */
import {
  carriesUpdate,
  MessageType,
  PROTOCOL_VERSION,
  readNudge,
  readRelay,
  readSaved,
  SyncParams,
  sendOwnPresenceOnly,
} from '@polyphony/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A connected test client. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Update-carrying messages sent on the current socket. */
  sent(): number;
  /** The last "saved" count received on the current socket. */
  acked(): number;
  /** The last durable state vector received, decoded. */
  savedStateVector(): Map<number, number>;
  /** Whether the server last said it reaches the other instances (message 17; true until it says not). */
  relaying(): boolean;
  /** The topics of the nudges received (message 18), in order. */
  nudges: number[];
  /** Every raw message type received (to check what a stock client is sent). */
  receivedTypes: number[];
  /** Awareness messages sent on any socket of this client. */
  awarenessSent(): number;
  destroy(): void;
}

/** Options of a test client. */
export interface ClientOptions {
  /** The Cookie header to open the socket with (the session of a personal link). */
  cookie?: string;
  /** Ask for "saved" acknowledgements (as Polyphony's client does); off = exactly a stock client. */
  ack?: boolean;
  doc?: Y.Doc;
  /** Called with the socket's sent count each time an update-carrying message goes out. */
  onSend?: (sentCount: number) => void;
  /** Called on each "saved" acknowledgement. */
  onSaved?: (count: number) => void;
  /** Send only this client's own presence changes, as Polyphony's client does (off = stock: echo everyone's). */
  ownPresenceOnly?: boolean;
  /** Keep `receivedTypes` (on unless turned off: the load generator's probes need no record). */
  recordTypes?: boolean;
  /** Called with every message received, before the provider handles it. */
  onReceive?: (data: Uint8Array) => void;
}

/** Connect a client to a meeting. */
export function connectClient(wsUrl: string, meetingId: string, options: ClientOptions = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  let sent = 0;
  let acked = 0;
  let savedStateVector = new Map<number, number>();
  const receivedTypes: number[] = [];
  let awarenessSent = 0;
  let relaying = true;

  class CountingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: options.cookie ? { cookie: options.cookie } : {} });
      sent = 0;
      acked = 0;
      relaying = true;
      const { onReceive } = options;
      if (onReceive)
        this.addEventListener('message', (event) => onReceive(new Uint8Array(event.data as ArrayBuffer)));
      if (options.recordTypes === false) return;
      this.addEventListener('message', (event) => {
        const data = new Uint8Array(event.data as ArrayBuffer);
        if (data.length > 0) receivedTypes.push(data[0] as number);
      });
    }

    override send(data: unknown, ...rest: unknown[]): void {
      if (data instanceof Uint8Array && carriesUpdate(data)) {
        sent++;
        options.onSend?.(sent);
      } else if (data instanceof Uint8Array && data[0] === MessageType.awareness) {
        awarenessSent++;
      }
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }

  const params: Record<string, string> = { [SyncParams.version]: String(PROTOCOL_VERSION) };
  if (options.ack) params[SyncParams.ack] = '1';
  const provider = new WebsocketProvider(wsUrl, meetingId, doc, {
    connect: false,
    params: options.ack ? params : {},
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  if (options.ownPresenceOnly) sendOwnPresenceOnly(provider);
  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    const saved = readSaved(decoder);
    acked = saved.count;
    savedStateVector = Y.decodeStateVector(saved.stateVector);
    options.onSaved?.(saved.count);
  };
  provider.messageHandlers[MessageType.relay] = (_encoder, decoder) => {
    relaying = readRelay(decoder);
  };
  const nudges: number[] = [];
  provider.messageHandlers[MessageType.nudge] = (_encoder, decoder) => {
    nudges.push(readNudge(decoder));
  };
  provider.connect();
  return {
    doc,
    provider,
    sent: () => sent,
    acked: () => acked,
    savedStateVector: () => savedStateVector,
    relaying: () => relaying,
    nudges,
    receivedTypes,
    awarenessSent: () => awarenessSent,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Wait until a condition holds, polling; fails with `what` after the timeout. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Wait until a client's provider has synced with the server. */
export function waitForSync(client: TestClient, timeoutMs = 5000): Promise<void> {
  return waitFor(() => client.provider.synced, 'the client to sync', timeoutMs);
}

/** Wait until everything a client sent is acknowledged as saved. */
export function waitForSaved(client: TestClient, timeoutMs = 5000): Promise<void> {
  return waitFor(
    () => client.provider.synced && client.acked() === client.sent() && client.sent() > 0,
    'the client to be saved',
    timeoutMs,
  );
}
