/**
 * y-websocket protocol messages made by hand, for peers that speak the protocol without a Yjs provider:
 * a flood of sync requests, updates built to lack what they build on, a crowd's presence.
 */
import fs from 'node:fs';
import { NodeNames, writeAwareness, writeSyncStep1, writeUpdate } from '@polyphony/shared';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { openLink, type StartedNetwork, startNetwork } from './serverProcess.js';

/** A SyncStep1 asking for what is missing beside `stateVector`. */
export const syncStep1Message: (stateVector: Uint8Array) => Uint8Array = writeSyncStep1;

/** A sync Update message carrying `update`. */
export const updateMessage: (update: Uint8Array) => Uint8Array = writeUpdate;

/** An awareness message announcing `clients` (id, clock, state JSON) all at once. */
export function awarenessMessage(clients: { id: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, clients.length);
  for (const { id, clock, state } of clients) {
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  return writeAwareness(encoding.toUint8Array(inner));
}

/**
 * `count` updates that each build on content the meeting does not have: a voice block written right
 * after another client's block that is never sent. Yjs cannot integrate any of them.
 */
export function updatesMissingTheirBase(count: number, firstClient = 50_000_000): Uint8Array[] {
  const updates: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const base = new Y.Doc();
    base.clientID = firstClient + 2 * i;
    base.getXmlFragment('dialogue').insert(0, [voiceBlock('never sent', 'base')]);
    const doc = new Y.Doc();
    doc.clientID = firstClient + 2 * i + 1;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    const before = Y.encodeStateVector(doc);
    doc.getXmlFragment('dialogue').insert(1, [voiceBlock(`built on what is missing ${i}`, 'ghost')]);
    updates.push(Y.encodeStateAsUpdate(doc, before));
  }
  return updates;
}

/** A voice block of one paragraph. */
export function voiceBlock(text: string, speakerId: string): Y.XmlElement {
  const block = new Y.XmlElement(NodeNames.voice);
  block.setAttribute('speakerId', speakerId);
  block.setAttribute('speakerName', speakerId);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  block.insert(0, [paragraph]);
  return block;
}

/** A document of one's own that writes voice blocks at the top of the dialogue, one update each. */
export function blockWriter(clientId: number): { write(text: string): Uint8Array } {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  return {
    write: (text) => {
      const before = Y.encodeStateVector(doc);
      doc.getXmlFragment('dialogue').insert(0, [voiceBlock(text, `writer-${clientId}`)]);
      return Y.encodeStateAsUpdate(doc, before);
    },
  };
}

/** A network with a professional (its starter), a member and an observer, each with a session. */
export async function networkOfThree(url: string): Promise<{
  network: StartedNetwork;
  professional: string;
  member: { cookie: string; participantId: string };
  observer: { cookie: string; participantId: string };
}> {
  const network = await startNetwork(url, {
    people: [
      { name: 'Eeva', relation: 'mother', role: 'network_member' },
      { name: 'Olli', relation: 'student', role: 'observer' },
    ],
  });
  const session = async (name: string) => {
    const person = network.people.find((p) => p.name === name);
    if (!person) throw new Error(`no ${name}`);
    const { cookie } = await openLink(person.url);
    if (!cookie) throw new Error(`no session for ${name}`);
    return { cookie, participantId: person.participantId };
  };
  return {
    network,
    professional: network.cookie,
    member: await session('Eeva'),
    observer: await session('Olli'),
  };
}

/** CPU time the process has used so far (ms, user and system), from /proc (10 ms steps). */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** The server process's resident memory (MiB), from /proc. */
export function residentMiB(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}
