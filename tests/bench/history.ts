/**
 * History figures: storage per version for a meeting of two hours of typing by eight people (Yjs
 * snapshots against full encoded states), the time to open one version of a meeting with 50, and the
 * time of the network page and a version list for a network of 100 meetings (real server, HTTP).
 *   node --import tsx tests/bench/history.ts
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { VersionRepository } from '@polyphony/server/history/repositories';
import { openDatabase } from '@polyphony/server/persistence/database';
import { SqliteDocumentStore } from '@polyphony/server/persistence/sqlite';
import * as Y from 'yjs';
import { startServerProcess, tempDataDir } from '../integration/helpers/serverProcess.js';
import { seedMember } from './seed.js';
import { median, percentile, round } from './stats.js';

const WRITERS = 8;

/**
 * Two hours of a meeting: eight people typing, one character a second each while they write, about
 * one keystroke in ten a correction; a version every three minutes of activity (as the server does).
 */
export function twoHourMeeting(): { doc: Y.Doc; snapshots: Uint8Array[] } {
  const doc = new Y.Doc({ gc: false });
  const dialogue = doc.getXmlFragment('dialogue');
  const snapshots: Uint8Array[] = [];
  const seconds = 2 * 60 * 60;
  const blocks: Y.XmlText[] = [];
  let rng = 42;
  const random = () => {
    rng = (rng * 1103515245 + 12345) % 2 ** 31;
    return rng / 2 ** 31;
  };
  for (let second = 0; second < seconds; second++) {
    for (let writer = 0; writer < WRITERS; writer++) {
      // People type in turns: about a quarter of the meeting each is spent writing.
      if (random() > 0.25) continue;
      doc.clientID = 100 + writer;
      doc.transact(() => {
        let text = blocks[writer];
        if (!text || random() < 0.01) {
          const block = new Y.XmlElement('voiceBlock');
          block.setAttribute('speakerName', `Person ${writer + 1}`);
          const paragraph = new Y.XmlElement('paragraph');
          text = new Y.XmlText();
          paragraph.insert(0, [text]);
          block.insert(0, [paragraph]);
          dialogue.insert(dialogue.length, [block]);
          blocks[writer] = text;
        }
        if (random() < 0.1 && text.length > 0) text.delete(text.length - 1, 1);
        else text.insert(text.length, 'abcdefghij klmnopqrst uvwxyz'[Math.floor(random() * 28)] as string);
      });
    }
    if (second % 180 === 179) snapshots.push(Y.encodeSnapshot(Y.snapshot(doc)));
  }
  return { doc, snapshots };
}

function bytes(values: number[]) {
  return { median: median(values), total: values.reduce((sum, v) => sum + v, 0) };
}

/** Storage per version, and the time to open a version. */
export function versionStorage() {
  const { doc, snapshots } = twoHourMeeting();
  const snapshotBytes = snapshots.map((s) => s.length);
  const stateBytes: number[] = [];
  const openMs: number[] = [];
  for (const snapshot of snapshots) {
    const started = performance.now();
    const old = Y.createDocFromSnapshot(doc, Y.decodeSnapshot(snapshot));
    const state = Y.encodeStateAsUpdate(old);
    openMs.push(performance.now() - started);
    stateBytes.push(state.length);
    old.destroy();
  }
  const gcDoc = new Y.Doc();
  Y.applyUpdate(gcDoc, Y.encodeStateAsUpdate(doc));
  const characters = doc
    .getXmlFragment('dialogue')
    .toArray()
    .reduce((sum, block) => sum + (block as Y.XmlElement).toString().replace(/<[^>]*>/g, '').length, 0);
  return {
    versions: snapshots.length,
    characters,
    snapshotBytesPerVersion: bytes(snapshotBytes),
    encodedStateBytesPerVersion: bytes(stateBytes),
    documentBytesGcOff: Y.encodeStateAsUpdate(doc).length,
    documentBytesGcOn: Y.encodeStateAsUpdate(gcDoc).length,
    openVersionMs: { median: round(median(openMs), 2), p95: round(percentile(openMs, 95), 2) },
  };
}

/** A network of 100 meetings, each with some writing and 50 versions; time its pages over HTTP. */
export async function networkOf100(runs = 10) {
  const dataDir = tempDataDir('bench-history');
  const db = openDatabase(dataDir);
  const now = new Date();
  const versions = new VersionRepository(db);
  const member = seedMember(db, 'Anna', 'Maria');
  const store = new SqliteDocumentStore(db);
  const meetingIds: string[] = [];
  for (let m = 0; m < 100; m++) {
    const meetingId = member.addMeeting(`Meeting ${m + 1}`);
    meetingIds.push(meetingId);
    const doc = new Y.Doc({ gc: false });
    doc.transact(() => {
      for (let b = 0; b < 40; b++) {
        const block = new Y.XmlElement(b % 4 === 0 ? 'planItem' : 'voiceBlock');
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [
          new Y.XmlText(`Block ${b} of meeting ${m + 1}: what was said, in people's own words.`),
        ]);
        block.insert(0, [paragraph]);
        doc.getXmlFragment(b % 4 === 0 ? 'plan' : 'dialogue').insert(0, [block]);
      }
    });
    await store.append([{ docId: meetingId, updates: [Y.encodeStateAsUpdate(doc)] }]);
    // The log is that one update: the snapshot is the document, with its state vector.
    await store.compact(meetingId, () => ({
      snapshot: Y.encodeStateAsUpdate(doc),
      stateVector: Y.encodeStateVector(doc),
    }));
    const snapshot = Y.encodeSnapshot(Y.snapshot(doc));
    for (let v = 0; v < 50; v++)
      versions.add(
        meetingId,
        'auto',
        [{ id: member.participantId, name: 'Maria' }],
        snapshot,
        now.toISOString(),
      );
  }
  await store.close();
  const server = await startServerProcess({ dataDir });
  const { cookie } = member;
  const time = async (path: string) => {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return performance.now() - started;
  };
  try {
    const coldNetworkPageMs = await time(`/api/networks/${member.networkId}`);
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push(await time(`/api/networks/${member.networkId}`));
    const list: number[] = [];
    const open: number[] = [];
    for (let i = 0; i < runs; i++) {
      const meetingId = meetingIds[(i * 37) % 100] as string;
      list.push(await time(`/api/meetings/${meetingId}/versions`));
    }
    const firstVersions = (await (
      await fetch(`${server.url}/api/meetings/${meetingIds[0]}/versions`, { headers: { cookie } })
    ).json()) as {
      versions: { id: number }[];
    };
    for (let i = 0; i < runs; i++) {
      open.push(await time(`/api/meetings/${meetingIds[0]}/versions/${firstVersions.versions[i % 50]?.id}`));
    }
    return {
      meetings: 100,
      versionsPerMeeting: 50,
      networkPageColdMs: round(coldNetworkPageMs),
      networkPageWarmMedianMs: round(median(warm)),
      versionListMedianMs: round(median(list), 2),
      openVersionOverHttpMedianMs: round(median(open), 2),
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify({ storage: versionStorage(), network: await networkOf100() }, null, 2));
}
