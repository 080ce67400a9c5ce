/**
 * Cold load: how long a person waits to see a meeting whose history is N stored keystroke updates, when
 * the server has not loaded it yet — first with the raw update log, then after the log was compacted
 * into a snapshot. Measured end to end (WebSocket connect → synced) against the real server process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '@polyphony/server/persistence/database';
import { SqliteDocumentStore } from '@polyphony/server/persistence/sqlite';
import * as Y from 'yjs';
import { connectClient, waitForSync } from '../integration/helpers/clients.js';
import { startServerProcess, tempDataDir } from '../integration/helpers/serverProcess.js';
import { readStoredMeeting } from '../integration/helpers/storedDocument.js';
import { seedMember } from './seed.js';
import { median, round } from './stats.js';

/** Keystroke updates of a meeting written by 8 people, each typing into paragraphs of the dialogue. */
export function keystrokeHistory(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const dialogue = doc.getXmlFragment('dialogue');
  const writers = 8;
  const words = 'I wonder whether the nights have been the hardest part for everyone here '.split(' ');
  let paragraph: Y.XmlText | null = null;
  for (let i = 0; updates.length < count; i++) {
    // Each writer is its own Yjs client, as in a real meeting.
    doc.clientID = 1000 + (Math.floor(i / 40) % writers);
    if (!paragraph || i % 40 === 0) {
      const element = new Y.XmlElement('paragraph');
      paragraph = new Y.XmlText();
      element.insert(0, [paragraph]);
      dialogue.insert(dialogue.length, [element]);
      continue;
    }
    const word = words[i % words.length] as string;
    paragraph.insert(
      paragraph.length,
      word[i % word.length] === undefined ? ' ' : (word[i % word.length] as string),
    );
  }
  return updates.slice(0, count);
}

/** A seeded meeting and the session cookie of a member. */
interface Seeded {
  meetingId: string;
  cookie: string;
}

async function seed(dataDir: string, updates: Uint8Array[]): Promise<Seeded> {
  const db = openDatabase(dataDir);
  const member = seedMember(db, 'Cold load');
  const meetingId = member.addMeeting('Cold load');
  const store = new SqliteDocumentStore(db);
  for (let i = 0; i < updates.length; i += 1000) {
    await store.append([{ docId: meetingId, updates: updates.slice(i, i + 1000) }]);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  return { meetingId, cookie: member.cookie };
}

async function timeColdOpen(dataDir: string, seeded: Seeded): Promise<number> {
  const server = await startServerProcess({ dataDir });
  try {
    const started = performance.now();
    const client = connectClient(server.wsUrl, seeded.meetingId, { cookie: seeded.cookie });
    await waitForSync(client, 60_000);
    const elapsed = performance.now() - started;
    client.destroy();
    return elapsed;
  } finally {
    await server.stop();
  }
}

/** What the cold-load benchmark measured. */
export interface ColdLoadResult {
  updates: number;
  runs: number;
  logMedianMs: number;
  snapshotMedianMs: number;
  logSamplesMs: number[];
  snapshotSamplesMs: number[];
  snapshotBytes: number;
}

/** Measure cold load before and after compaction; each figure is the median of `runs` fresh starts. */
export async function coldLoad(updates = 10_000, runs = 5): Promise<ColdLoadResult> {
  const pristine = tempDataDir('bench-cold-pristine');
  const seeded = await seed(pristine, keystrokeHistory(updates));
  const logSamplesMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    // A fresh copy each time: the first load compacts the log, which is what is measured next.
    const dir = tempDataDir('bench-cold-log');
    fs.cpSync(pristine, dir, { recursive: true });
    logSamplesMs.push(await timeColdOpen(dir, seeded));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const compactedDir = tempDataDir('bench-cold-snapshot');
  fs.cpSync(pristine, compactedDir, { recursive: true });
  await timeColdOpen(compactedDir, seeded);
  const compacted = await readStoredMeeting(compactedDir, seeded.meetingId);
  if (compacted.updateRows !== 0) throw new Error('the log was not compacted');
  const snapshotSamplesMs: number[] = [];
  for (let run = 0; run < runs; run++) snapshotSamplesMs.push(await timeColdOpen(compactedDir, seeded));
  const snapshotBytes = Y.encodeStateAsUpdate(compacted.doc).length;
  fs.rmSync(path.join(pristine), { recursive: true, force: true });
  fs.rmSync(compactedDir, { recursive: true, force: true });
  return {
    updates,
    runs,
    logMedianMs: round(median(logSamplesMs)),
    snapshotMedianMs: round(median(snapshotSamplesMs)),
    logSamplesMs: logSamplesMs.map((v) => round(v)),
    snapshotSamplesMs: snapshotSamplesMs.map((v) => round(v)),
    snapshotBytes,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await coldLoad(Number(process.argv[2] ?? 10_000)), null, 2));
}
