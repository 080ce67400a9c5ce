/**
 * One round of the durability check: ten clients type into one meeting while the server is killed with
 * SIGKILL at a random moment. Afterwards the SQLite file (not the clients) must hold every update that
 * had been acknowledged as saved.
 *
 * Each client appends consecutive numbers to its own Y.Array, one number per update. When the client
 * sends an update-carrying message it records how many numbers it had pushed; when the server says
 * "saved, count = n", the numbers recorded at the n-th message are promised durable.
 */

import type * as Y from 'yjs';
import { connectClient, type TestClient, waitForSync } from '../integration/helpers/clients.js';
import { createMeeting, startServerProcess } from '../integration/helpers/serverProcess.js';
import { readStoredMeeting } from '../integration/helpers/storedDocument.js';

/** What one round found. */
export interface KillRoundResult {
  killedAfterMs: number;
  /** Numbers promised durable, summed over clients. */
  acknowledged: number;
  /** Numbers found in the database, summed over clients. */
  stored: number;
  /** Clients whose acknowledged numbers were not all in the database (must be empty). */
  lost: { client: number; acknowledged: number; stored: number; contiguous: boolean }[];
}

const CLIENTS = 10;

/** Options of a round. */
export interface KillRoundOptions {
  minMs?: number;
  maxMs?: number;
  /** Extra server environment (DATABASE_URL for the PostgreSQL store). */
  env?: Record<string, string>;
  /** Read the meeting as stored after the kill; the SQLite file of the server by default. */
  readStored?: (dataDir: string, meetingId: string) => Promise<Y.Doc>;
}

/** Run one round. */
export async function killRound(options: KillRoundOptions = {}): Promise<KillRoundResult> {
  const { minMs = 300, maxMs = 1500 } = options;
  const readStored =
    options.readStored ??
    (async (dataDir: string, meetingId: string) => (await readStoredMeeting(dataDir, meetingId)).doc);
  const server = await startServerProcess(options.env ? { env: options.env } : {});
  const { meetingId, cookie } = await createMeeting(server.url, 'Durability');
  const clients: TestClient[] = [];
  const promised: number[] = new Array(CLIENTS).fill(0);
  const timers: NodeJS.Timeout[] = [];
  try {
    for (let i = 0; i < CLIENTS; i++) {
      // lengthAtSend[n] = numbers pushed when the n-th update-carrying message left this socket.
      const lengthAtSend: number[] = [0];
      let pushed = 0;
      const client = connectClient(server.wsUrl, meetingId, {
        ack: true,
        cookie,
        onSend: (count) => {
          lengthAtSend[count] = pushed;
        },
        onSaved: (count) => {
          promised[i] = Math.max(promised[i] as number, lengthAtSend[count] ?? 0);
        },
      });
      clients.push(client);
      await waitForSync(client);
      const log = client.doc.getArray<number>(`log-${i}`);
      const type = () => {
        // Count before pushing: the push sends its message synchronously.
        pushed++;
        log.push([pushed - 1]);
        timers[i] = setTimeout(type, 2 + Math.random() * 15);
      };
      type();
    }
    const killedAfterMs = minMs + Math.random() * (maxMs - minMs);
    await new Promise((resolve) => setTimeout(resolve, killedAfterMs));
    await server.kill();
    for (const timer of timers) clearTimeout(timer);
    const snapshotOfPromises = [...promised];
    for (const client of clients) client.destroy();

    const doc = await readStored(server.dataDir, meetingId);
    const lost: KillRoundResult['lost'] = [];
    let stored = 0;
    for (let i = 0; i < CLIENTS; i++) {
      const numbers = doc.getArray<number>(`log-${i}`).toArray();
      stored += numbers.length;
      const contiguous = numbers.every((value, index) => value === index);
      const acknowledged = snapshotOfPromises[i] as number;
      if (numbers.length < acknowledged || !contiguous) {
        lost.push({ client: i, acknowledged, stored: numbers.length, contiguous });
      }
    }
    const acknowledged = snapshotOfPromises.reduce((sum, n) => sum + n, 0);
    return { killedAfterMs: Math.round(killedAfterMs), acknowledged, stored, lost };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    await server.kill();
  }
}
