/** Stock y-websocket clients against the real server: the protocol is y-websocket's, unchanged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitFor, waitForSync } from './helpers/clients.js';
import { createMeeting, type ServerProcess, startServerProcess } from './helpers/serverProcess.js';

describe('y-websocket interop', () => {
  let server: ServerProcess;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('two stock clients converge, and a third that joins later receives everything', async () => {
    const { meetingId, cookie } = await createMeeting(server.url);
    const anna = connectClient(server.wsUrl, meetingId, { cookie });
    const mother = connectClient(server.wsUrl, meetingId, { cookie });
    clients.push(anna, mother);
    await Promise.all([waitForSync(anna), waitForSync(mother)]);

    anna.doc.getText('notes').insert(0, 'I could not sleep. ');
    mother.doc.getMap('meta').set('title', 'First meeting');
    const planned = new Y.XmlElement('paragraph');
    planned.insert(0, [new Y.XmlText('Call on Friday')]);
    mother.doc.getXmlFragment('plan').insert(0, [planned]);
    const expected = () => anna.doc.getText('notes').toString() === 'I could not sleep. ';
    await waitFor(
      () => expected() && mother.doc.getText('notes').toString() === 'I could not sleep. ',
      'the dialogue to reach the mother',
    );
    await waitFor(() => anna.doc.getMap('meta').get('title') === 'First meeting', 'the title to reach Anna');

    // Concurrent edits at the same place converge to one text.
    anna.doc.getText('notes').insert(19, 'A');
    mother.doc.getText('notes').insert(19, 'M');
    await waitFor(
      () =>
        anna.doc.getText('notes').toString() === mother.doc.getText('notes').toString() &&
        anna.doc.getText('notes').length === 21,
      'concurrent edits to converge',
    );

    const late = connectClient(server.wsUrl, meetingId, { cookie });
    clients.push(late);
    await waitForSync(late);
    expect(late.doc.getText('notes').toString()).toBe(anna.doc.getText('notes').toString());
    expect(late.doc.getMap('meta').get('title')).toBe('First meeting');
    expect(late.doc.getXmlFragment('plan').toString()).toBe('<paragraph>Call on Friday</paragraph>');
  });

  it('[SY3] a stock client is never sent the "saved" message it does not know', async () => {
    const { meetingId, cookie } = await createMeeting(server.url);
    const stock = connectClient(server.wsUrl, meetingId, { cookie });
    const polyphony = connectClient(server.wsUrl, meetingId, { ack: true, cookie });
    clients.push(stock, polyphony);
    await Promise.all([waitForSync(stock), waitForSync(polyphony)]);
    stock.doc.getText('t').insert(0, 'hello');
    polyphony.doc.getText('t').insert(0, 'hi ');
    await waitFor(
      () => stock.doc.getText('t').length === 8 && polyphony.doc.getText('t').length === 8,
      'sync',
    );
    await waitFor(() => polyphony.acked() === polyphony.sent(), 'the ack');
    expect(polyphony.receivedTypes).toContain(16);
    expect(stock.receivedTypes.length).toBeGreaterThan(0);
    expect(stock.receivedTypes.every((type) => type <= 3)).toBe(true);
  });

  it('[SY12] a quiet stock client in a busy meeting is never closed, and fast presence arrives coalesced', async () => {
    const { meetingId, cookie } = await createMeeting(server.url);
    const reader = connectClient(server.wsUrl, meetingId, { cookie });
    const mover = connectClient(server.wsUrl, meetingId, { cookie });
    clients.push(reader, mover);
    await Promise.all([waitForSync(reader), waitForSync(mover)]);
    const closes: number[] = [];
    reader.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    mover.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    // 60 moves a second for two seconds: the stock reader relays each one back to the server. (A field of
    // the client's own: `cursor` is the editors' caret, which the server relays only in the editors' shape.)
    for (let i = 1; i <= 120; i++) {
      mover.provider.awareness.setLocalStateField('position', i);
      await new Promise((resolve) => setTimeout(resolve, 1000 / 60));
    }
    const seen = () =>
      (reader.provider.awareness.getStates().get(mover.doc.clientID) as { position?: number } | undefined)
        ?.position;
    await waitFor(() => seen() === 120, 'the last cursor position to arrive');
    expect(closes).toEqual([]);
    expect(reader.provider.wsconnected && mover.provider.wsconnected).toBe(true);
  });

  it('[SY12] a stock client in a big meeting is not closed for echoing everyone’s presence at once', async () => {
    const { meetingId, cookie } = await createMeeting(server.url);
    const people = Array.from({ length: 14 }, () => connectClient(server.wsUrl, meetingId, { cookie }));
    clients.push(...people);
    await Promise.all(people.map((person) => waitForSync(person)));
    const closes: number[] = [];
    for (const person of people)
      person.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    // Everyone moves at once: the server relays the changes together (over 4 KiB here), and each stock
    // client echoes that relay back in one message.
    for (const [i, person] of people.entries()) {
      person.provider.awareness.setLocalStateField('user', { name: `Person ${i}`, note: 'x'.repeat(400) });
    }
    const last = people[people.length - 1] as TestClient;
    await waitFor(
      () => people.every((person) => person.provider.awareness.getStates().has(last.doc.clientID)),
      'everyone to see everyone',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(closes).toEqual([]);
    expect(people.every((person) => person.provider.wsconnected)).toBe(true);
  });

  it('Polyphony’s client sends only its own presence; a stock one echoes everyone’s', async () => {
    const { meetingId, cookie } = await createMeeting(server.url);
    const mover = connectClient(server.wsUrl, meetingId, { cookie });
    const stock = connectClient(server.wsUrl, meetingId, { cookie });
    const polyphony = connectClient(server.wsUrl, meetingId, { cookie, ownPresenceOnly: true });
    clients.push(mover, stock, polyphony);
    await Promise.all([mover, stock, polyphony].map((client) => waitForSync(client)));
    const cursorOf = (viewer: TestClient, of: TestClient) =>
      (viewer.provider.awareness.getStates().get(of.doc.clientID) as { position?: number } | undefined)
        ?.position;
    polyphony.provider.awareness.setLocalStateField('position', 1);
    await waitFor(() => cursorOf(mover, polyphony) === 1, 'the Polyphony client’s own cursor to arrive');
    const [stockBefore, polyphonyBefore] = [stock.awarenessSent(), polyphony.awarenessSent()];

    // Someone else moves their cursor ten times; both readers see every position.
    for (let i = 1; i <= 10; i++) {
      mover.provider.awareness.setLocalStateField('position', i);
      await waitFor(
        () => cursorOf(stock, mover) === i && cursorOf(polyphony, mover) === i,
        `cursor position ${i} to reach both`,
      );
    }
    expect(stock.awarenessSent() - stockBefore).toBeGreaterThanOrEqual(10);
    expect(polyphony.awarenessSent()).toBe(polyphonyBefore);

    // Its own moves still go out, and others still see it leave.
    polyphony.provider.awareness.setLocalStateField('position', 2);
    await waitFor(() => cursorOf(stock, polyphony) === 2, 'the Polyphony client’s move to arrive');
    expect(polyphony.awarenessSent()).toBe(polyphonyBefore + 1);
    polyphony.provider.awareness.setLocalState(null);
    await waitFor(
      () => !mover.provider.awareness.getStates().has(polyphony.doc.clientID),
      'the Polyphony client’s departure to arrive',
    );
  });

  it('refuses a socket for a meeting that does not exist, before it opens', async () => {
    const { cookie } = await createMeeting(server.url);
    const missing = connectClient(server.wsUrl, 'AAAAAAAAAAAAAAAAAAAAAA', { cookie });
    clients.push(missing);
    const errors: unknown[] = [];
    missing.provider.on('connection-error', (event) => errors.push(event));
    await waitFor(() => errors.length > 0, 'the upgrade to be refused');
    expect(missing.provider.wsconnected).toBe(false);
  });
});
