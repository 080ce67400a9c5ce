/** Revisiting: versions, restoring, "since your last visit", export and search, against the real server. */
import type { ActivityEntry, NetworkDetail, SearchHit, VersionList } from '@polyphony/shared';
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

describe('revisiting the living document', () => {
  let server: ServerProcess;
  let network: StartedNetwork;
  let eevaCookie: string;
  let exportMeetingId: string;
  const clients: TestClient[] = [];
  const api = (path: string, cookie: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { cookie, 'content-type': 'application/json' } });

  /** A client that maps its Yjs client id to the participant, as the browser client does. */
  async function writer(cookie: string, participantId: string, meetingId = network.meetingId) {
    const client = connectClient(server.wsUrl, meetingId, { cookie, ack: true });
    clients.push(client);
    await waitForSync(client);
    new Y.PermanentUserData(client.doc, client.doc.getMap('users')).setUserMapping(
      client.doc,
      client.doc.clientID,
      participantId,
    );
    return client;
  }

  beforeAll(async () => {
    server = await startServerProcess({ env: { VERSION_EVERY_MS: '400' } });
    network = await startNetwork(server.url, {
      centreName: 'Anna',
      title: 'First meeting',
      people: [{ name: 'Eeva', relation: 'mother', role: 'network_member' }],
    });
    eevaCookie = (await openLink(network.people[1]!.url)).cookie!;
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('takes versions while people write, with who was writing; restoring one is new, attributed edits', async () => {
    const eeva = await writer(eevaCookie, network.people[1]!.participantId);
    const dialogue = eeva.doc.getXmlFragment('dialogue');
    dialogue.insert(0, [block('voiceBlock', 'The nights are the hardest.', { speakerName: 'Eeva' })]);
    await waitForSaved(eeva);
    await new Promise((resolve) => setTimeout(resolve, 500));
    dialogue.insert(1, [block('voiceBlock', 'And the mornings.', { speakerName: 'Eeva' })]);
    await waitForSaved(eeva);
    const versions = async () =>
      (await (await api(`/api/meetings/${network.meetingId}/versions`, eevaCookie)).json()) as VersionList;
    let list = await versions();
    // Writing went on for longer than VERSION_EVERY_MS: the last commit took a version.
    expect(list.versions.length).toBeGreaterThan(0);
    const first = list.versions.at(-1)!;
    expect(first.kind).toBe('auto');
    expect(first.writers.map((w) => w.name)).toEqual(['Eeva']);

    // Later text, then a version at closing.
    dialogue.insert(2, [block('voiceBlock', 'Something written much later.', { speakerName: 'Eeva' })]);
    await waitForSaved(eeva);
    expect(
      (await api(`/api/meetings/${network.meetingId}/close`, network.cookie, { method: 'POST' })).status,
    ).toBe(200);
    list = await versions();
    expect(list.hasAgreed).toBe(true);
    expect(list.versions.at(-1)!.kind).toBe('closing');

    const read = async (id: number) => {
      const doc = new Y.Doc();
      Y.applyUpdate(
        doc,
        new Uint8Array(
          await (await api(`/api/meetings/${network.meetingId}/versions/${id}`, eevaCookie)).arrayBuffer(),
        ),
      );
      return doc;
    };
    const firstBefore = Y.encodeStateAsUpdate(await read(first.id));
    const old = await read(first.id);
    expect(old.getXmlFragment('dialogue').toString()).toContain('The nights are the hardest.');
    expect(old.getXmlFragment('dialogue').toString()).not.toContain('Something written much later.');

    const restored = await api(
      `/api/meetings/${network.meetingId}/versions/${first.id}/restore`,
      network.cookie,
      {
        method: 'POST',
      },
    );
    expect(restored.status).toBe(200);
    await waitFor(
      () => !eeva.doc.getXmlFragment('dialogue').toString().includes('Something written much later.'),
      'the restore to reach Eeva',
    );
    expect(eeva.doc.getXmlFragment('dialogue').toString()).toContain('The nights are the hardest.');
    // Attributed: the restorer (Maria) now owns a Yjs client id that wrote.
    const users = eeva.doc.getMap<Y.Map<Y.Array<number>>>('users');
    const mariaIds = users.get(network.people[0]!.participantId)?.get('ids')?.toArray() ?? [];
    expect(mariaIds.length).toBeGreaterThan(0);
    const vector = Y.decodeStateVector(Y.encodeStateVector(eeva.doc));
    expect(mariaIds.some((id) => (vector.get(id) ?? 0) > 0)).toBe(true);
    // History is not rewritten: the old version reads exactly as before.
    expect(Buffer.from(Y.encodeStateAsUpdate(await read(first.id))).equals(Buffer.from(firstBefore))).toBe(
      true,
    );
    list = await versions();
    expect(list.versions.at(-1)).toMatchObject({ kind: 'restore', writers: [{ name: 'Maria' }] });
  });

  it("knows what each person has seen: others' writing since then is news, one's own is not", async () => {
    const next = await api(`/api/networks/${network.networkId}/meetings`, network.cookie, {
      method: 'POST',
      body: '{}',
    });
    const meetingId = ((await next.json()) as { id: string }).id;
    const eeva = await writer(eevaCookie, network.people[1]!.participantId, meetingId);
    const news = async () => {
      const page = (await (
        await api(`/api/networks/${network.networkId}`, eevaCookie)
      ).json()) as NetworkDetail;
      return page.meetings.find((meeting) => meeting.id === meetingId)!.news;
    };
    const markSeen = (doc: Y.Doc) =>
      api(`/api/meetings/${meetingId}/seen`, eevaCookie, {
        method: 'PUT',
        body: JSON.stringify({ stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('base64') }),
      });
    expect((await markSeen(eeva.doc)).status).toBe(200);
    expect(await news()).toBe(false);
    eeva.doc
      .getXmlFragment('dialogue')
      .insert(0, [block('voiceBlock', 'My own words.', { speakerName: 'Eeva' })]);
    await waitForSaved(eeva);
    expect(await news()).toBe(false);
    const maria = await writer(network.cookie, network.people[0]!.participantId, meetingId);
    maria.doc
      .getXmlFragment('reflections')
      .insert(0, [block('reflection', 'I wonder about the nights.', { authorName: 'Maria' })]);
    await waitForSaved(maria);
    expect(await news()).toBe(true);
    const seen = (await (await api(`/api/meetings/${meetingId}/seen`, eevaCookie)).json()) as {
      seenAt: string;
    };
    expect(seen.seenAt).not.toBeNull();
    await waitFor(
      () => eeva.doc.getXmlFragment('reflections').length === 1,
      'Eeva to receive the reflection',
    );
    await markSeen(eeva.doc);
    expect(await news()).toBe(false);
  });

  it('exports a meeting as Markdown with every section, speaker and mark, and logs the export', async () => {
    const next = await api(`/api/networks/${network.networkId}/meetings`, network.cookie, {
      method: 'POST',
      body: JSON.stringify({ title: 'Export meeting' }),
    });
    const meetingId = ((await next.json()) as { id: string }).id;
    const maria = network.people[0]!;
    const client = await writer(network.cookie, maria.participantId, meetingId);
    // Each typed by the person whose socket writes it (the server would say so if the block did not).
    const eeva = await writer(eevaCookie, network.people[1]!.participantId, meetingId);
    eeva.doc.getXmlFragment('dialogue').insert(0, [
      block('voiceBlock', 'Grandad says hello.', {
        speakerName: 'Grandad',
        typistId: network.people[1]!.participantId,
        typistName: 'Eeva',
      }),
    ]);
    await waitForSaved(eeva);
    await waitFor(() => client.doc.getXmlFragment('dialogue').length === 1, 'Eeva’s block to arrive');
    client.doc.transact(() => {
      client.doc.getXmlFragment('dialogue').insert(0, [
        block('voiceBlock', 'I want to sleep at home.', {
          speakerName: 'Anna',
          typistId: maria.participantId,
          typistName: 'Maria',
        }),
      ]);
      client.doc
        .getXmlFragment('reflections')
        .insert(0, [
          block('reflection', 'I wonder whether home feels safer.', { authorName: 'Maria' }, [
            block('response', 'Yes, it does.', { authorName: 'Anna' }),
          ]),
        ]);
      client.doc.getXmlFragment('plan').insert(0, [
        block('planItem', 'Sleep at home this week', {
          status: 'open',
          proposedByName: 'Anna',
          agrees: [{ id: 'x', name: 'Eeva' }] as unknown as string,
          differs: [{ id: 'y', name: 'Jussi' }] as unknown as string,
          doerName: 'Anna',
          byWhen: 'Friday',
        }),
      ]);
      client.doc
        .getXmlFragment('openQuestions')
        .insert(0, [block('openQuestion', 'Will work wait?', { status: 'open', raisedByName: 'Anna' })]);
      const later = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'An afterthought.', {
        laterAddition: { authorName: 'Anna', at: '2026-11-22T09:30:00.000Z' },
      });
      later.insert(0, [text]);
      client.doc.getXmlFragment('dialogue').insert(2, [later]);
      client.doc.getMap('meta').set('nextMeeting', { when: 'when_needed', convenerName: 'Maria' });
    });
    await waitForSaved(client);
    const response = await api(`/api/meetings/${meetingId}/export.md`, eevaCookie);
    expect(response.headers.get('content-type')).toContain('text/markdown');
    const markdown = await response.text();
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Meeting 3: Export meeting',
      '## What people said',
      '## Reflections',
      '## Plan',
      '## Not yet known',
      '## Next meeting',
    ]);
    for (const expected of [
      '**Anna** (typed by Maria for Anna): I want to sleep at home.',
      '**Grandad** (typed by Eeva for Grandad): Grandad says hello.',
      '*Maria wonders…* I wonder whether home feels safer.',
      '**Response from Anna** — Yes, it does.',
      '- [ ] Sleep at home this week — Proposed by Anna; Agrees: Eeva; Sees it differently: Jussi; Who does it: Anna; By when: Friday',
      '- Will work wait? (Raised by Anna)',
      'An afterthought. _(added later by Anna, 22 Nov 2026, 09:30 UTC)_',
      'When it is needed. Maria will call it together.',
    ]) {
      expect(markdown).toContain(expected);
    }
    const log = (await (
      await api(`/api/networks/${network.networkId}/activity`, eevaCookie)
    ).json()) as ActivityEntry[];
    expect(log[0]).toMatchObject({ kind: 'exported', actor: { name: 'Eeva' }, meetingId });
    const whole = await (await api(`/api/networks/${network.networkId}/export.md`, eevaCookie)).text();
    expect(whole.match(/^# Meeting \d/gm)).toHaveLength(3);
    expect(whole.split('\n')[0]).toBe('# Anna’s network');
    exportMeetingId = meetingId;
  });

  it('exports in the reader’s language: ?lang=, else Accept-Language, else English; people’s words as written', async () => {
    const meetingExport = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/api/meetings/${exportMeetingId}/export.md${query}`, {
        headers: { cookie: eevaCookie, ...headers },
      });
    const finnish = await meetingExport('?lang=fi');
    expect(finnish.status).toBe(200);
    const markdown = await finnish.text();
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '# Kokous 3: Export meeting',
      '## Mitä sanottiin',
      '## Reflektiot',
      '## Suunnitelma',
      '## Vielä avoinna',
      '## Seuraava tapaaminen',
    ]);
    for (const expected of [
      '**Grandad** (Eeva kirjoitti henkilön Grandad puolesta): Grandad says hello.',
      '*Maria pohtii…* I wonder whether home feels safer.',
      '**Vastaus: Anna** — Yes, it does.',
      '- [ ] Sleep at home this week — Ehdotti: Anna; Samaa mieltä: Eeva; Näkee toisin: Jussi; Kuka tekee: Anna; Mihin mennessä: Friday',
      '- Will work wait? (Kysyi: Anna)',
      'An afterthought. _(Anna lisäsi myöhemmin, 22.11.2026 klo 09.30 UTC)_',
      'Kun tarvitaan. Maria kutsuu koolle.',
    ]) {
      expect(markdown).toContain(expected);
    }
    expect(markdown).toMatch(/^Verkosto: Anna · \d{1,2}\.\d{1,2}\.\d{4} klo /m);
    expect(markdown).not.toContain('What people said');

    // The browser's language when the link names none; English for a language we do not offer.
    const swedish = await (await meetingExport('', { 'accept-language': 'sv-FI,sv;q=0.9,en;q=0.5' })).text();
    expect(swedish).toContain('## Vad som sades');
    expect(swedish).toContain('**Grandad** (skrivet av Eeva åt Grandad): Grandad says hello.');
    const unknown = await meetingExport('?lang=xx');
    expect(unknown.status).toBe(200);
    const english = await unknown.text();
    expect(english).toContain('## What people said');
    expect(english).toContain('**Anna** (typed by Maria for Anna): I want to sleep at home.');
    expect(await (await meetingExport('')).text()).toBe(english);

    // The whole network too: its title and every meeting in it.
    const networkExport = await fetch(`${server.url}/api/networks/${network.networkId}/export.md?lang=fi`, {
      headers: { cookie: eevaCookie },
    });
    expect(networkExport.status).toBe(200);
    const whole = await networkExport.text();
    expect(whole.split('\n')[0]).toBe('# Verkosto: Anna');
    expect(whole.match(/^# Kokous \d/gm)).toHaveLength(3);
    expect(whole.match(/^## Mitä sanottiin$/gm)).toHaveLength(3);
    expect(whole).toContain('**Anna** (Maria kirjoitti henkilön Anna puolesta): I want to sleep at home.');
    expect(whole).not.toMatch(/^# Meeting /m);

    // The API description says so.
    const openapi = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }>;
    };
    for (const path of ['/api/meetings/{id}/export.md', '/api/networks/{id}/export.md']) {
      const lang = openapi.paths[path]!.get.parameters.find((parameter) => parameter.name === 'lang');
      expect(lang?.schema.enum, path).toContain('fi');
    }
  });

  it('searches every meeting of the network, accents and case aside', async () => {
    const hits = (await (
      await api(`/api/networks/${network.networkId}/search?q=NIGHTS`, eevaCookie)
    ).json()) as SearchHit[];
    expect(hits.map((hit) => hit.meetingNumber)).toContain(1);
    const hit = hits.find((h) => h.meetingNumber === 1)!;
    expect(hit.snippet.slice(hit.matchStart, hit.matchEnd).toLowerCase()).toBe('nights');
    const accented = (await (
      await api(`/api/networks/${network.networkId}/search?q=wónder`, eevaCookie)
    ).json()) as SearchHit[];
    expect(accented.length).toBeGreaterThan(0);
    // Snippets are plain text with whose words they are, not Markdown.
    expect(accented[0]!.snippet).toMatch(/^Maria: I wonder/);
    expect(accented.map((h) => h.snippet).join('')).not.toMatch(/[*>\\]/);
    const none = (await (
      await api(`/api/networks/${network.networkId}/search?q=zebra`, eevaCookie)
    ).json()) as SearchHit[];
    expect(none).toEqual([]);
    expect((await api(`/api/networks/${network.networkId}/search?q=x`, eevaCookie)).status).toBe(400);
  });
});
