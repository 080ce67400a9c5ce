/**
 * Typists for durability checks against several instances: each is one person's Yjs document and its
 * connection (the stock y-websocket client with Polyphony's "saved"), which can be moved to another
 * instance, as a load balancer does when one goes away, and which keeps an exact account of what the
 * server promised: each keystroke appends the next number to the typist's own Y.Array `log-<n>` and, in
 * the same update, one letter at a random place in a shared Y.Text — so that people's edits depend on
 * each other's, across instances. When the server says "saved, count = k" on a socket, every number the
 * typist had pushed when that socket sent its k-th update-carrying message is promised durable.
 */
import * as Y from 'yjs';
import { connectClient, type TestClient, waitFor } from './clients.js';

/** The shared text every typist writes letters into. */
export const SHARED_TEXT = 'shared';

/** One person typing. */
export class Typist {
  readonly doc = new Y.Doc();
  client: TestClient | null = null;
  /** Where the typist is connected now (a /sync base URL). */
  wsUrl = '';
  /** Numbers pushed so far. */
  pushed = 0;
  /** Numbers the server has promised durable. */
  promised = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly index: number,
    private readonly meetingId: string,
    private readonly cookie: string,
  ) {}

  /** The typist's own array. */
  get log(): Y.Array<number> {
    return this.doc.getArray<number>(`log-${this.index}`);
  }

  /** Connect to an instance (leaving the one before, whose socket may be dead). */
  connectTo(wsUrl: string): TestClient {
    this.client?.provider.destroy();
    this.wsUrl = wsUrl;
    // This connection's own account: a "saved" the old one was sent before it closed can still arrive
    // after the new one has sent messages, and counts that connection's messages, not these. (Shared
    // across connections, such a late message made SD3 report 127 promised where 125 were: 1 run in 5.)
    const lengthAtSend: number[] = [0];
    const client = connectClient(wsUrl, this.meetingId, {
      cookie: this.cookie,
      ack: true,
      doc: this.doc,
      recordTypes: false,
      onSend: (count) => {
        // A socket of this provider starts counting again after a reconnection; the old one's last
        // messages are all delivered before its close, so none can arrive after this.
        if (count === 1) lengthAtSend.length = 1;
        lengthAtSend[count] = this.pushed;
      },
      onSaved: (count) => {
        this.promised = Math.max(this.promised, lengthAtSend[count] ?? 0);
      },
    });
    this.client = client;
    return client;
  }

  /** One keystroke: the next number, and a letter somewhere in the shared text. */
  type(): void {
    this.doc.transact(() => {
      const text = this.doc.getText(SHARED_TEXT);
      text.insert(
        Math.floor(Math.random() * (text.length + 1)),
        String.fromCharCode(97 + (this.pushed % 26)),
      );
      // Counted before the push: the transaction's end sends the update synchronously.
      this.pushed++;
      this.log.push([this.pushed - 1]);
    });
  }

  /** Type with random gaps around `meanGapMs` (exponential: people do not type in step). */
  start(meanGapMs: number): void {
    const next = () => {
      this.type();
      this.timer = setTimeout(next, -Math.log(1 - Math.random()) * meanGapMs);
    };
    this.timer = setTimeout(next, Math.random() * meanGapMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Wait until everything typed is saved on the current connection. */
  async whenAllSaved(timeoutMs = 15_000): Promise<void> {
    await waitFor(
      () => this.promised === this.pushed && this.client?.provider.synced === true,
      `typist ${this.index} to be saved (${this.promised} of ${this.pushed})`,
      timeoutMs,
    );
  }

  destroy(): void {
    this.stop();
    this.client?.provider.destroy();
    this.doc.destroy();
  }
}

/** What a stored document lacks of what typists were promised (or typed): one line per typist short of it. */
export function missingFrom(doc: Y.Doc, expected: readonly number[]): string[] {
  const missing: string[] = [];
  expected.forEach((count, index) => {
    const numbers = doc.getArray<number>(`log-${index}`).toArray();
    let contiguous = 0;
    while (contiguous < numbers.length && numbers[contiguous] === contiguous) contiguous++;
    if (contiguous < count) missing.push(`typist ${index}: ${contiguous} of ${count} readable in order`);
  });
  return missing;
}
