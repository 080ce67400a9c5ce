/**
 * The Markdown export, honestly (issue 18, parts 3 and 5), on the real route of a real server: one
 * paragraph per paragraph, times that say their zone, observers present as listening, and items carried
 * over from the previous meeting saying so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitForSaved, waitForSync } from './helpers/clients.js';
import { block } from './helpers/documentBlocks.js';
import {
  openLink,
  type ServerProcess,
  type StartedNetwork,
  startNetwork,
  startServerProcess,
} from './helpers/serverProcess.js';

/** A voice block of several paragraphs, as the editor writes one when someone presses Enter. */
function voice(speakerName: string, paragraphs: string[]): Y.XmlElement {
  const element = new Y.XmlElement('voiceBlock');
  element.setAttribute('speakerName', speakerName);
  element.insert(
    0,
    paragraphs.map((text) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      return paragraph;
    }),
  );
  return element;
}

describe('the Markdown export route', () => {
  let server: ServerProcess;
  let network: StartedNetwork;
  let observerCookie: string;
  const clients: TestClient[] = [];
  const exported = async (meetingId: string, cookie = network.cookie, lang = 'en') => {
    const response = await fetch(`${server.url}/api/meetings/${meetingId}/export.md?lang=${lang}`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    server = await startServerProcess();
    network = await startNetwork(server.url, {
      centreName: 'Anna',
      title: 'First meeting',
      people: [
        { name: 'Eeva', relation: 'mother', role: 'network_member' },
        { name: 'Liisa', relation: 'nursing student', role: 'observer' },
      ],
    });
    observerCookie = (await openLink(network.people[2]!.url)).cookie!;
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('writes one paragraph per paragraph, with blank lines between blocks, and says UTC', async () => {
    const maria = connectClient(server.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    clients.push(maria);
    await waitForSync(maria);
    maria.doc.transact(() => {
      maria.doc
        .getXmlFragment('dialogue')
        .insert(0, [
          voice('Anna', ['The nights are the hardest.', 'Mornings are better.']),
          voice('Eeva', ['She sleeps at my place now.']),
        ]);
      maria.doc
        .getXmlFragment('reflections')
        .insert(0, [
          block('reflection', 'I wonder whether home feels safer.', { authorName: 'Maria' }),
          block('reflection', 'I heard how tired everyone is.', { authorName: 'Jussi' }),
        ]);
      maria.doc
        .getXmlFragment('plan')
        .insert(0, [
          block('planItem', 'Sleep at home this week', { proposedByName: 'Anna' }),
          block('planItem', 'Call the team on Friday', { proposedByName: 'Eeva' }),
        ]);
      maria.doc.getMap('meta').set('nextMeeting', { when: '2026-12-04T13:30:00.000Z', convenerName: '' });
    });
    await waitForSaved(maria);

    const markdown = await exported(network.meetingId);
    // Each paragraph of a voice its own Markdown paragraph; each voice and reflection apart from the next.
    expect(markdown).toContain(
      '**Anna** (typed by Maria for Anna): The nights are the hardest.\n\nMornings are better.\n\n' +
        '**Eeva** (typed by Maria for Eeva): She sleeps at my place now.',
    );
    expect(markdown).toContain(
      '> *Maria wonders…* I wonder whether home feels safer.\n\n> *Jussi wonders…* I heard how tired everyone is.',
    );
    // The items of one list stay one list.
    expect(markdown).toMatch(/- \[ \] Sleep at home this week[^\n]*\n- \[ \] Call the team on Friday/);
    // Times carry their zone.
    expect(markdown).toContain('## Next meeting\n\n4 Dec 2026, 13:30 UTC');
    expect(markdown).toMatch(/Anna’s network · \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC · still open/);
  });

  it('lists an observer who attended on the "Present" line, as listening', async () => {
    const maria = clients[0]!;
    maria.doc.getMap('attendance').set(network.people[0]!.participantId, {
      name: 'Maria',
      relation: 'psychiatric nurse',
      role: 'professional',
      where: 'room',
    });
    await waitForSaved(maria);
    // Before Liisa has opened the meeting she is not present.
    expect(await exported(network.meetingId)).not.toContain('Liisa');

    // Liisa opens the meeting: an observer only reads, so nothing of hers is written into the document.
    const liisa = connectClient(server.wsUrl, network.meetingId, { cookie: observerCookie });
    clients.push(liisa);
    await waitForSync(liisa);
    await expect.poll(() => exported(network.meetingId), { timeout: 10_000 }).toContain('Liisa');
    const markdown = await exported(network.meetingId);
    expect(markdown).toContain(
      'Present: Maria (psychiatric nurse), in the room; Liisa (nursing student), listening',
    );
    expect(await exported(network.meetingId, network.cookie, 'fi')).toContain(
      'Liisa (nursing student), kuuntelee',
    );
    // The meeting page tells the client who listened, for its print page.
    const detail = (await (
      await fetch(`${server.url}/api/meetings/${network.meetingId}`, { headers: { cookie: network.cookie } })
    ).json()) as { listening?: string[] };
    expect(detail.listening).toEqual([network.people[2]!.participantId]);
  });

  it('says "from meeting 1" on plan items carried over to the next meeting', async () => {
    const started = await fetch(`${server.url}/api/networks/${network.networkId}/meetings`, {
      method: 'POST',
      headers: { cookie: network.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Second meeting' }),
    });
    expect(started.status).toBe(201);
    const second = ((await started.json()) as { id: string }).id;
    const markdown = await exported(second);
    expect(markdown).toContain('- [ ] Sleep at home this week — from meeting 1; Proposed by Anna');
    expect(await exported(second, network.cookie, 'de')).toContain('aus Treffen 1');
    // The meeting it was written in does not say it came from elsewhere.
    expect(await exported(network.meetingId)).not.toContain('from meeting');
  });
});
