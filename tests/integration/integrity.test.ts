/**
 * Issue 13, parts 4–6 (and issue 14's nested export), against the real server process: the server
 * enforces who wrote what, checks members' updates and presence against the schema before applying
 * them, counts how much a document grows rather than what clients send, and every reader survives a
 * document stored before any of this was checked.
 */

import { openDatabase } from '@polyphony/server/persistence/database';
import { SqliteDocumentStore } from '@polyphony/server/persistence/sqlite';
import { attributeTo, CloseCodes, DocumentTypes, NodeNames, PRESENCE_COLOURS } from '@polyphony/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitFor, waitForSaved, waitForSync } from './helpers/clients.js';
import { hostileMeetingUpdate, READABLE } from './helpers/hostileDocument.js';
import { type MemberSocket, openMemberSocket } from './helpers/memberSocket.js';
import {
  openLink,
  type ServerProcess,
  type StartedNetwork,
  startNetwork,
  startServerProcess,
} from './helpers/serverProcess.js';
import { readStoredMeeting } from './helpers/storedDocument.js';

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function voice(attributes: Record<string, string>, text: string): Y.XmlElement {
  const block = new Y.XmlElement(NodeNames.voice);
  for (const [key, value] of Object.entries(attributes)) block.setAttribute(key, value);
  block.insert(0, [paragraph(text)]);
  return block;
}

const stateVectorOf = async (server: ServerProcess, meetingId: string) =>
  Buffer.from(Y.encodeStateVector((await readStoredMeeting(server.dataDir, meetingId)).doc)).toString('hex');

describe('who wrote what, and what the server lets in', () => {
  let server: ServerProcess;
  let network: StartedNetwork;
  let eevaCookie: string;
  let eevaId: string;
  let eeva: TestClient;
  const sockets: MemberSocket[] = [];
  const clients: TestClient[] = [];
  const member = async (cookie = network.cookie) => {
    const socket = await openMemberSocket(server.wsUrl, network.meetingId, cookie);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    server = await startServerProcess();
    network = await startNetwork(server.url, {
      people: [{ name: 'Eeva', relation: 'mother', role: 'network_member' }],
    });
    const invitation = network.people.find((person) => person.name === 'Eeva')!;
    eevaId = invitation.participantId;
    eevaCookie = (await openLink(invitation.url)).cookie!;
    // Eeva's browser: her client id is hers from her first edit, and her users entry says so.
    eeva = connectClient(server.wsUrl, network.meetingId, { cookie: eevaCookie, ack: true });
    clients.push(eeva);
    await waitForSync(eeva);
    attributeTo(eeva.doc, eevaId);
    eeva.doc
      .getXmlFragment(DocumentTypes.dialogue)
      .insert(0, [voice({ speakerId: eevaId, speakerName: 'Eeva' }, 'I am worried about the nights.')]);
    eeva.provider.awareness.setLocalStateField('user', { name: 'Eeva' });
    await waitForSaved(eeva);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.socket.close();
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it("[I1] a writer's socket claiming another person's client id, rewriting or listing into their users entry is closed with 4400, and nothing of it is applied", async () => {
    const before = await stateVectorOf(server, network.meetingId);
    const attempts: [string, (doc: Y.Doc) => void][] = [
      [
        "Eeva's client id",
        (doc) => {
          doc.clientID = eeva.doc.clientID;
          doc.getXmlFragment(DocumentTypes.dialogue).insert(1, [paragraph('Forged words of Eeva.')]);
        },
      ],
      ["Eeva's users entry rewritten", (doc) => doc.getMap(DocumentTypes.users).set(eevaId, new Y.Map())],
      ["Eeva's users entry deleted", (doc) => doc.getMap(DocumentTypes.users).delete(eevaId)],
      [
        "Eeva's client id listed as Maria's",
        (doc) => {
          const entry = new Y.Map<Y.Array<number>>();
          entry.set('ids', Y.Array.from<number>([eeva.doc.clientID]));
          entry.set('ds', new Y.Array<number>());
          doc.getMap(DocumentTypes.users).set(network.people[0]!.participantId, entry);
        },
      ],
    ];
    for (const [what, attempt] of attempts) {
      const maria = await member();
      maria.change(attempt);
      expect((await maria.closed).code, what).toBe(CloseCodes.malformedMessage.code);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await stateVectorOf(server, network.meetingId)).toBe(before);
    expect(eeva.doc.getXmlFragment(DocumentTypes.dialogue).toString()).not.toContain('Forged');
    expect(eeva.provider.wsconnected).toBe(true);
    // Eeva keeps writing with her own id.
    const text = (
      (eeva.doc.getXmlFragment(DocumentTypes.dialogue).get(0) as Y.XmlElement).get(0) as Y.XmlElement
    ).get(0) as Y.XmlText;
    text.insert(text.length, ' And the mornings.');
    await waitForSaved(eeva);
  });

  it('[I2] presence shows the socket’s person as the server knows them: nobody appears as Eeva but Eeva', async () => {
    const maria = await member();
    // Maria's socket says it is Eeva, and tries to speak for Eeva's presence too.
    maria.sendPresence({ user: { name: 'Eeva', id: eevaId, relation: 'mother', color: '#2e7d4f' } });
    maria.sendPresence({ user: { name: 'Impostor' } }, eeva.doc.clientID, 1000);
    const seen = () => eeva.provider.awareness.getStates();
    await waitFor(() => seen().has(maria.doc.clientID), "Maria's presence to reach Eeva");
    const impostor = seen().get(maria.doc.clientID) as { user: Record<string, string> };
    expect(impostor.user).toMatchObject({
      name: 'Maria',
      relation: 'psychiatric nurse',
      role: 'professional',
    });
    expect(impostor.user.id).toBe(network.people[0]!.participantId);
    // The colour is Maria's own in the network (the first of its people), not the one her socket said.
    expect(impostor.user.color).toBe(PRESENCE_COLOURS[0].color);
    const watcher = connectClient(server.wsUrl, network.meetingId, { cookie: network.cookie });
    clients.push(watcher);
    await waitForSync(watcher);
    await waitFor(() => watcher.provider.awareness.getStates().has(eeva.doc.clientID), "Eeva's presence");
    const eevaSeen = watcher.provider.awareness.getStates().get(eeva.doc.clientID) as {
      user: { name: string };
    };
    expect(eevaSeen.user.name).toBe('Eeva');
    // Malformed presence (the report's name that is an object, a caret that is a number) is not relayed.
    maria.sendPresence({ user: { name: { evil: 1 } }, cursor: 5 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((seen().get(maria.doc.clientID) as { cursor?: unknown }).cursor).toBeUndefined();
    expect(await maria.answers()).toBe(true);
  });

  it('[I3] a voice block written for someone else always shows who typed it', async () => {
    const maria = await member();
    maria.change((doc) =>
      doc
        .getXmlFragment(DocumentTypes.dialogue)
        .insert(0, [voice({ speakerId: eevaId, speakerName: 'Eeva' }, 'Words put in Eeva’s mouth.')]),
    );
    const block = () =>
      eeva.doc
        .getXmlFragment(DocumentTypes.dialogue)
        .toArray()
        .find((node) => node instanceof Y.XmlElement && node.toString().includes('put in')) as
        | Y.XmlElement
        | undefined;
    await waitFor(() => block()?.getAttribute('typistName') === 'Maria', 'the block to show its typist');
    expect(block()!.getAttribute('typistId')).toBe(network.people[0]!.participantId);
    expect(block()!.getAttribute('speakerName')).toBe('Eeva');
    expect(await maria.answers()).toBe(true);
  });

  it('[I5] 20,000 nested paragraphs are refused at the door, and the meeting still exports (issue 14, fault 7)', async () => {
    const maria = await member();
    maria.change((doc) => {
      let parent: Y.XmlFragment = doc.getXmlFragment(DocumentTypes.dialogue);
      for (let i = 0; i < 20_000; i++) {
        const next = new Y.XmlElement('paragraph');
        parent.insert(0, [next]);
        parent = next;
      }
    });
    expect((await maria.closed).code).toBe(CloseCodes.malformedMessage.code);
    const exported = await fetch(`${server.url}/api/meetings/${network.meetingId}/export.md`, {
      headers: { cookie: eevaCookie },
    });
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain('I am worried about the nights.');
  });
});

describe('the size limit counts how much a document grows', () => {
  let server: ServerProcess;
  const clients: TestClient[] = [];
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('[I4] a client re-sending the whole 1 MiB document on each of 20 reconnects stays connected under a 2 MiB limit; growth past it is refused with 4413', async () => {
    // A message may hold the whole document (a 1 MiB meeting re-sent whole does not fit the default 1 MiB).
    server = await startServerProcess({
      env: { MAX_DOCUMENT_BYTES: String(2 * 1024 * 1024), MAX_MESSAGE_BYTES: String(4 * 1024 * 1024) },
    });
    const network = await startNetwork(server.url);
    const writer = connectClient(server.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    clients.push(writer);
    await waitForSync(writer);
    const dialogue = writer.doc.getXmlFragment(DocumentTypes.dialogue);
    // 1 MiB of what people said, in four updates of 256 KiB (each under the 1 MiB message limit).
    for (let i = 0; i < 4; i++) {
      dialogue.push([paragraph(`${i} `.padEnd(256 * 1024, 'x'))]);
      await waitForSaved(writer, 10_000);
    }
    const whole = Y.encodeStateAsUpdate(writer.doc);
    expect(whole.length).toBeGreaterThan(1024 * 1024);
    const rowsBefore = (await readStoredMeeting(server.dataDir, network.meetingId)).updateRows;
    // As pycrdt does: on every connection, its whole copy as the SyncStep2.
    for (let reconnect = 0; reconnect < 20; reconnect++) {
      const copy = await openMemberSocket(server.wsUrl, network.meetingId, network.cookie, { ack: true });
      copy.sendUpdate(whole, 'step2');
      await waitFor(
        () => copy.messages.some((message) => message[0] === 16),
        `"saved" for reconnect ${reconnect + 1}`,
      );
      expect(await copy.answers(), `reconnect ${reconnect + 1}`).toBe(true);
      copy.socket.close();
      await copy.closed;
    }
    // Nothing of it was new: nothing was stored.
    expect((await readStoredMeeting(server.dataDir, network.meetingId)).updateRows).toBe(rowsBefore);

    // Real growth: another 1.25 MiB of new text takes the document past 2 MiB.
    const closes: number[] = [];
    writer.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    for (let i = 0; i < 5 && closes.length === 0; i++) {
      dialogue.push([paragraph(`more ${i} `.padEnd(256 * 1024, 'y'))]);
      await waitFor(
        () => closes.length > 0 || writer.acked() === writer.sent(),
        'the growth to be saved or refused',
        10_000,
      );
    }
    expect(closes[0]).toBe(CloseCodes.documentTooLarge.code);
  });
});

describe('a document stored before the server checked anything', () => {
  let server: ServerProcess;
  let network: StartedNetwork;
  const clients: TestClient[] = [];
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  beforeAll(async () => {
    const first = await startServerProcess();
    network = await startNetwork(first.url, {
      people: [{ name: 'Eeva', relation: 'mother', role: 'network_member' }],
    });
    expect(await first.stop()).toBe(0);
    // Straight into the store, past every check: 20,000 nested paragraphs, numbers for names…
    const store = new SqliteDocumentStore(openDatabase(first.dataDir));
    await store.append([{ docId: network.meetingId, updates: [hostileMeetingUpdate()] }]);
    await store.close();
    server = await startServerProcess({ dataDir: first.dataDir });
  });

  it('[I6] every reader answers and shows what it can: exports, the network page, search, versions, a live client', async () => {
    const get = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie: network.cookie } });
    const exported = await get(`/api/meetings/${network.meetingId}/export.md`);
    expect(exported.status).toBe(200);
    const markdown = await exported.text();
    for (const words of [READABLE.voice, READABLE.plan, READABLE.deep, READABLE.loose])
      expect(markdown).toContain(words);
    const whole = await get(`/api/networks/${network.networkId}/export.md`);
    expect(whole.status).toBe(200);
    expect(await whole.text()).toContain(READABLE.deep);
    const page = await get(`/api/networks/${network.networkId}`);
    expect(page.status).toBe(200);
    const detail = (await page.json()) as { people: { name: string }[]; meetings: { planItems: string[] }[] };
    expect(detail.people.map((person) => person.name)).toEqual(expect.arrayContaining(['Maria', 'Eeva']));
    expect(detail.meetings[0]!.planItems).toContain(READABLE.plan);
    const search = await get(`/api/networks/${network.networkId}/search?q=bottom`);
    expect(search.status).toBe(200);
    expect(JSON.stringify(await search.json())).toContain('very bottom');
    expect((await get(`/api/meetings/${network.meetingId}/versions`)).status).toBe(200);
    expect((await get(`/api/meetings/${network.meetingId}`)).status).toBe(200);
    // A browser syncs it and goes on writing.
    const writer = connectClient(server.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    clients.push(writer);
    await waitForSync(writer, 10_000);
    writer.doc.getXmlFragment(DocumentTypes.plan).push([paragraph('Written after.')]);
    await waitForSaved(writer);
    // Starting the next meeting carries the open plan items over.
    const next = await fetch(`${server.url}/api/networks/${network.networkId}/meetings`, {
      method: 'POST',
      headers: { cookie: network.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Next' }),
    });
    expect(next.status).toBe(201);
  });
});
