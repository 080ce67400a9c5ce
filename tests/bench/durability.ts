/**
 * The durability check of A and B, with clients of its own: a few writers in a meeting of their own type
 * beside the measured load and ask for "saved" (Polyphony's acknowledgement that an update is on disk);
 * after the window the server is killed with `kill -9` and every "saved" state vector a writer received is
 * checked against what the store holds. The latency probes never ask for "saved" (the headline's clients
 * are the same for every server); these writers run on every server, so the load stays the same, and only
 * Polyphony answers them.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../integration/helpers/clients.js';
import { readStoredMeeting } from '../integration/helpers/storedDocument.js';
import type { Transport } from './clientBehaviour.js';
import { startVoiceBlock, typedCharacter, writeMeetingSkeleton } from './meetingDocument.js';
import type { BenchServer } from './servers.js';

/** Writers that ask for "saved", typing at `rate` keys/s each. */
export class DurabilityWriters {
  /** Keystroke → "saved" at the writer, ms, while measuring. */
  readonly ackLatencies: number[] = [];
  measuring = false;
  private readonly clients: TestClient[] = [];
  private readonly hocuspocus: HocuspocusProvider[] = [];
  private readonly timers: NodeJS.Timeout[] = [];

  private constructor(
    private readonly transport: Transport,
    readonly meetingId: string,
  ) {}

  static async start(
    transport: Transport,
    meetingId: string,
    writers: number,
    rate: number,
  ): Promise<DurabilityWriters> {
    const set = new DurabilityWriters(transport, meetingId);
    for (let i = 0; i < writers; i++) set.add();
    const deadline = Date.now() + 30_000;
    while (!set.synced()) {
      if (Date.now() > deadline) throw new Error('the durability writers did not sync in 30 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const first = set.docs()[0];
    if (first && first.getXmlFragment('dialogue').length === 0)
      writeMeetingSkeleton(first, `Durability ${meetingId}`, transport.typist);
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const doc of set.docs()) set.type(doc, rate);
    return set;
  }

  private add(): void {
    const doc = new Y.Doc();
    // per-server: transport (Hocuspocus's own provider; it has no "saved")
    if (this.transport.framing === 'hocuspocus') {
      this.hocuspocus.push(
        new HocuspocusProvider({
          url: this.transport.serverUrl,
          name: this.meetingId,
          document: doc,
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        } as ConstructorParameters<typeof HocuspocusProvider>[0]),
      );
      return;
    }
    const sentAt = new Map<number, number>();
    this.clients.push(
      connectClient(this.transport.serverUrl, this.meetingId, {
        doc,
        cookie: this.transport.cookie,
        ack: true,
        ownPresenceOnly: true,
        recordTypes: false,
        onSend: (count) => {
          if (this.measuring) sentAt.set(count, performance.now());
        },
        onSaved: (count) => {
          for (const [sent, at] of sentAt) {
            if (sent > count) continue;
            if (this.measuring) this.ackLatencies.push(performance.now() - at);
            sentAt.delete(sent);
          }
        },
      }),
    );
  }

  private docs(): Y.Doc[] {
    return [...this.clients.map((c) => c.doc), ...this.hocuspocus.map((p) => p.document)];
  }

  private synced(): boolean {
    return this.clients.every((c) => c.provider.synced) && this.hocuspocus.every((p) => p.isSynced);
  }

  private type(doc: Y.Doc, rate: number): void {
    let text: Y.XmlText | null = null;
    let typed = 0;
    const next = (): void => {
      doc.transact(() => {
        if (!text || typed % 240 === 0) text = startVoiceBlock(doc, 'Writer', this.transport.typist);
        text.insert(text.length, typedCharacter(typed++));
      });
      this.timers.push(setTimeout(next, (-Math.log(1 - Math.random()) / rate) * 1000));
    };
    this.timers.push(setTimeout(next, 100));
  }

  /** Stop typing; what each writer was told is saved. */
  stop(): Map<number, number>[] {
    for (const timer of this.timers) clearTimeout(timer);
    return this.clients.map((c) => c.savedStateVector());
  }

  close(): void {
    this.stop();
    for (const client of this.clients) client.destroy();
    for (const provider of this.hocuspocus) provider.destroy();
  }
}

/** Kill the server with SIGKILL, then check every "saved" state vector against the store (Polyphony). */
export async function checkDurable(
  server: BenchServer,
  writers: DurabilityWriters,
): Promise<{ checked: number; lost: number }> {
  const saved = writers.stop();
  await server.kill();
  const stored = await readStoredMeeting(server.dataDir, writers.meetingId);
  const storedVector = Y.decodeStateVector(Y.encodeStateVector(stored.doc));
  let checked = 0;
  let lost = 0;
  for (const vector of saved) {
    for (const [client, clock] of vector) {
      checked++;
      if ((storedVector.get(client) ?? 0) < clock) lost++;
    }
  }
  return { checked, lost };
}
