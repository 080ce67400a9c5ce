/**
 * After a meeting is closed, against the real server: going back to a version keeps the afterthoughts,
 * keeps what it replaces as a version and is in the activity log; and every change to what was agreed
 * (who agrees and who sees it differently, in their own words; the next meeting) is recorded by the
 * server with who and when, and is in the Markdown export.
 */

import { openDatabase } from '@polyphony/server/persistence/database';
import { SqliteDocumentStore } from '@polyphony/server/persistence/sqlite';
import {
  type ActivityEntry,
  type LaterChange,
  MarkNames,
  type RestoreResponse,
  readLaterChanges,
  type VersionList,
} from '@polyphony/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitFor, waitForSaved, waitForSync } from './helpers/clients.js';
import { block } from './helpers/documentBlocks.js';
import {
  openLink,
  type ServerProcess,
  type StartedNetwork,
  startNetwork,
  startServerProcess,
} from './helpers/serverProcess.js';

const later = (authorName: string, authorId: string) => ({
  [MarkNames.laterAddition]: { authorId, authorName, at: new Date().toISOString() },
});

/** A new block of `name` whose text is all marked as added later by the author. */
function afterthought(
  name: string,
  text: string,
  author: { id: string; name: string },
  attrs: Record<string, string>,
) {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
  const paragraph = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  element.insert(0, [paragraph]);
  return { element, write: () => content.insert(0, text, later(author.name, author.id)) };
}

/** Versions only when asked for: the tests list them. */
const ENV = { VERSION_EVERY_MS: '600000' };

describe('after a meeting is closed', () => {
  let server: ServerProcess;
  let network: StartedNetwork;
  const cookies = new Map<string, string>();
  const clients: TestClient[] = [];
  const api = (path: string, cookie: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { cookie, 'content-type': 'application/json' } });
  const person = (name: string) => network.people.find((p) => p.name === name)!;

  /** A writer whose Yjs client id is theirs, as the browser client does it. */
  async function writer(name: string, meetingId = network.meetingId) {
    const client = connectClient(server.wsUrl, meetingId, { cookie: cookies.get(name)!, ack: true });
    clients.push(client);
    await waitForSync(client);
    new Y.PermanentUserData(client.doc, client.doc.getMap('users')).setUserMapping(
      client.doc,
      client.doc.clientID,
      person(name).participantId,
    );
    return client;
  }

  beforeAll(async () => {
    server = await startServerProcess({ env: ENV });
    network = await startNetwork(server.url, {
      centreName: 'Anna',
      people: [
        { name: 'Kaisa', relation: 'psychiatric nurse', role: 'professional' },
        { name: 'Anna', relation: '', role: 'person_at_centre' },
      ],
    });
    cookies.set('Maria', network.cookie);
    for (const name of ['Kaisa', 'Anna']) cookies.set(name, (await openLink(person(name).url)).cookie!);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('going back to a version keeps the afterthoughts, keeps the text it replaces, and is in the log', async () => {
    const maria = await writer('Maria');
    maria.doc.transact(() => {
      maria.doc
        .getXmlFragment('dialogue')
        .insert(0, [
          block('voiceBlock', 'We talked about the nights.', { speakerName: 'Maria' }),
          block('voiceBlock', 'Anna slept better on Thursday.', { speakerName: 'Anna' }),
        ]);
      maria.doc
        .getXmlFragment('reflections')
        .insert(0, [block('reflection', 'I wonder whether Sundays are hard.', { authorName: 'Maria' })]);
    });
    await waitForSaved(maria);
    expect(
      (await api(`/api/meetings/${network.meetingId}/close`, network.cookie, { method: 'POST' })).status,
    ).toBe(200);
    const versions = async () =>
      (await (
        await api(`/api/meetings/${network.meetingId}/versions`, network.cookie)
      ).json()) as VersionList;
    const closing = (await versions()).versions.at(-1)!;
    expect(closing.kind).toBe('closing');

    // After closing: the nurse adds a crisis phone number, Anna a response; then Maria deletes a sentence.
    const kaisa = await writer('Kaisa');
    const crisis = afterthought(
      'voiceBlock',
      'Crisis line, day and night: 0800 123 456.',
      {
        id: person('Kaisa').participantId,
        name: 'Kaisa',
      },
      { speakerName: 'Kaisa' },
    );
    kaisa.doc.transact(() => {
      kaisa.doc.getXmlFragment('dialogue').insert(2, [crisis.element]);
      crisis.write();
    });
    await waitForSaved(kaisa);
    const anna = await writer('Anna');
    const response = afterthought(
      'response',
      'Sundays are when I miss my father.',
      {
        id: person('Anna').participantId,
        name: 'Anna',
      },
      { authorName: 'Anna' },
    );
    anna.doc.transact(() => {
      (anna.doc.getXmlFragment('reflections').get(0) as Y.XmlElement).insert(1, [response.element]);
      response.write();
    });
    await waitForSaved(anna);
    await waitFor(() => maria.doc.getXmlFragment('dialogue').length === 3, 'the afterthought to reach Maria');
    maria.doc.getXmlFragment('dialogue').delete(1, 1);
    await waitForSaved(maria);
    await waitFor(
      () => !anna.doc.getXmlFragment('dialogue').toString().includes('Anna slept better'),
      'the deletion to reach Anna',
    );

    // Anna goes back to the version taken at closing.
    const restored = await api(
      `/api/meetings/${network.meetingId}/versions/${closing.id}/restore`,
      cookies.get('Anna')!,
      {
        method: 'POST',
      },
    );
    expect(restored.status).toBe(200);
    const result = (await restored.json()) as RestoreResponse;
    expect(result.keptLaterAdditions).toBe(2);
    for (const client of [anna, kaisa, maria]) {
      await waitFor(
        () => client.doc.getXmlFragment('dialogue').toString().includes('Anna slept better on Thursday.'),
        'the restore to reach everyone',
      );
      // Nothing lost: both afterthoughts are still there, for everyone.
      expect(client.doc.getXmlFragment('dialogue').toString()).toContain(
        'Crisis line, day and night: 0800 123 456.',
      );
      expect(client.doc.getXmlFragment('reflections').toString()).toContain(
        'Sundays are when I miss my father.',
      );
    }

    // The text it replaced is a version of its own, listed, with who went back to which version.
    const list = (await versions()).versions;
    const before = list.find((version) => version.id === result.beforeVersionId)!;
    const after = list.find((version) => version.id === result.versionId)!;
    const restoring = {
      by: { id: person('Anna').participantId, name: 'Anna' },
      version: { id: closing.id, takenAt: closing.takenAt },
    };
    expect(before).toMatchObject({ kind: 'before_restore', restoring });
    expect(after).toMatchObject({ kind: 'restore', restoring });
    expect(list.indexOf(before)).toBe(list.indexOf(after) - 1);
    const beforeDoc = new Y.Doc();
    Y.applyUpdate(
      beforeDoc,
      new Uint8Array(
        await (
          await api(`/api/meetings/${network.meetingId}/versions/${before.id}`, network.cookie)
        ).arrayBuffer(),
      ),
    );
    expect(beforeDoc.getXmlFragment('dialogue').toString()).toContain('Crisis line');
    expect(beforeDoc.getXmlFragment('dialogue').toString()).not.toContain('Anna slept better');

    // The activity log says who went back to which version.
    const log = (await (
      await api(`/api/networks/${network.networkId}/activity`, network.cookie)
    ).json()) as ActivityEntry[];
    // Newest first: Maria's look at the version before the restore, above (every read of content is in
    // the log), then Anna going back.
    expect(log[0]).toMatchObject({ kind: 'version_viewed', actor: { name: 'Maria' } });
    expect(log[1]).toMatchObject({
      kind: 'version_restored',
      actor: { name: 'Anna' },
      meetingId: network.meetingId,
      version: { id: closing.id, takenAt: closing.takenAt },
    });
  });

  it('records every change to what was agreed, with who and when, and exports it', async () => {
    const next = await api(`/api/networks/${network.networkId}/meetings`, network.cookie, {
      method: 'POST',
      body: JSON.stringify({ title: 'Second meeting' }),
    });
    const meetingId = ((await next.json()) as { id: string }).id;
    const maria = await writer('Maria', meetingId);
    const anna = person('Anna');
    maria.doc.transact(() => {
      maria.doc.getXmlFragment('plan').insert(0, [
        block('planItem', 'Maria phones on Monday.', {
          proposedByName: 'Maria',
          agrees: [{ id: anna.participantId, name: 'Anna' }] as unknown as string,
          differs: [] as unknown as string,
        }),
      ]);
      maria.doc
        .getMap('meta')
        .set('nextMeeting', { when: '2030-03-07T09:00:00.000Z', convenerName: 'Maria' });
    });
    await waitForSaved(maria);
    expect((await api(`/api/meetings/${meetingId}/close`, network.cookie, { method: 'POST' })).status).toBe(
      200,
    );

    // The next day: Anna sees it differently now, in her own words; Kaisa moves the next meeting.
    const annaClient = await writer('Anna', meetingId);
    const item = annaClient.doc.getXmlFragment('plan').get(0) as Y.XmlElement;
    item.setAttribute('agrees', [] as unknown as string);
    item.setAttribute('differs', [
      { id: anna.participantId, name: 'Anna', view: 'I would rather she called on Tuesday.' },
    ] as unknown as string);
    await waitForSaved(annaClient);
    const kaisa = await writer('Kaisa', meetingId);
    kaisa.doc.getMap('meta').set('nextMeeting', { when: 'when_needed', convenerName: 'Kaisa' });
    await waitForSaved(kaisa);

    let changes: LaterChange[] = [];
    await waitFor(() => {
      changes = readLaterChanges(maria.doc);
      return changes.length === 2;
    }, 'both changes to be recorded');
    expect(changes[0]).toMatchObject({
      what: 'planItem',
      change: 'changed',
      by: [{ id: anna.participantId, name: 'Anna' }],
      before: { agrees: [{ name: 'Anna' }], differs: [] },
      after: { agrees: [], differs: [{ name: 'Anna', view: 'I would rather she called on Tuesday.' }] },
    });
    expect(changes[1]).toMatchObject({
      what: 'nextMeeting',
      by: [{ name: 'Kaisa' }],
      before: { when: '2030-03-07T09:00:00.000Z', convenerName: 'Maria' },
      after: { when: 'when_needed', convenerName: 'Kaisa' },
    });
    expect(Date.now() - Date.parse(changes[1]!.at)).toBeLessThan(60_000);

    const markdown = await (await api(`/api/meetings/${meetingId}/export.md`, network.cookie)).text();
    expect(markdown).toContain('Sees it differently: Anna (“I would rather she called on Tuesday.”)');
    expect(markdown).toMatch(
      /- _Changed after the meeting by Anna, [^_]+:_ Agrees: nobody \(before: Anna\); Sees it differently: Anna \(“I would rather she called on Tuesday\.”\) \(before: nobody\)/,
    );
    expect(markdown).toMatch(
      /- _Changed after the meeting by Kaisa, [^_]+:_ Next meeting: When it is needed\. Kaisa will call it together\. \(before: 7 Mar 2030, 09:00 UTC\. Maria will call it together\.\)/,
    );
  });

  it('in a meeting closed before the record was kept, what differs is said to be from before, by nobody it cannot name', async () => {
    const next = await api(`/api/networks/${network.networkId}/meetings`, network.cookie, {
      method: 'POST',
      body: JSON.stringify({ title: 'Third meeting' }),
    });
    const meetingId = ((await next.json()) as { id: string }).id;
    const maria = await writer('Maria', meetingId);
    maria.doc
      .getXmlFragment('plan')
      .insert(0, [block('planItem', 'Maria phones on Monday.', { proposedByName: 'Maria' })]);
    await waitForSaved(maria);
    expect((await api(`/api/meetings/${meetingId}/close`, network.cookie, { method: 'POST' })).status).toBe(
      200,
    );
    // Closing starts the record; a meeting closed by an older Polyphony has no such entry. The stored
    // document is made to read like one, with the server stopped.
    await waitFor(() => maria.doc.getArray('laterChanges').length === 1, 'the record to start');
    expect(maria.doc.getArray('laterChanges').get(0)).toMatchObject({ what: 'recordStart' });
    for (const client of clients.splice(0)) client.destroy();
    expect(await server.stop()).toBe(0);
    const store = new SqliteDocumentStore(openDatabase(server.dataDir));
    try {
      const stored = await store.load(meetingId);
      const old = new Y.Doc({ gc: false });
      if (stored.snapshot) Y.applyUpdate(old, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(old, update);
      const before = Y.encodeStateVector(old);
      old.getArray('laterChanges').delete(0, old.getArray('laterChanges').length);
      await store.append([{ docId: meetingId, updates: [Y.encodeStateAsUpdate(old, before)] }]);
    } finally {
      await store.close();
    }
    server = await startServerProcess({ dataDir: server.dataDir, port: server.port, env: ENV });
    const again = await writer('Maria', meetingId);
    expect(again.doc.getArray('laterChanges').length).toBe(0);

    // A change of text: the document does not say who made it, and it may be older than this writing.
    const item = again.doc.getXmlFragment('plan').get(0) as Y.XmlElement;
    ((item.get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 'Maria '.length);
    await waitForSaved(again);
    let changes: LaterChange[] = [];
    await waitFor(() => {
      changes = readLaterChanges(again.doc);
      return changes.length === 1;
    }, 'the change to be recorded');
    expect(changes[0]).toMatchObject({
      what: 'planItem',
      earlier: true,
      by: [],
      before: { text: 'Maria phones on Monday.' },
      after: { text: 'phones on Monday.' },
    });
    expect(again.doc.getArray('laterChanges').get(0)).toMatchObject({ what: 'recordStart' });
    const markdown = await (await api(`/api/meetings/${meetingId}/export.md`, network.cookie)).text();
    expect(markdown).toMatch(
      /- _Changed after the meeting by someone, before [^_]+:_ Text: “phones on Monday\.” \(before: “Maria phones on Monday\.”\)/,
    );
  });
});
