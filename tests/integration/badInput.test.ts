/**
 * Bad input closes only the socket that sent it, with its shared close code, and loses nothing: a live
 * client in another meeting keeps editing and being acknowledged throughout.
 */
import { CloseCodes } from '@polyphony/shared';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitFor, waitForSaved, waitForSync } from './helpers/clients.js';
import { openRawSocket } from './helpers/rawSocket.js';
import { createMeeting, type ServerProcess, startServerProcess } from './helpers/serverProcess.js';
import { readStoredMeeting } from './helpers/storedDocument.js';

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(clientId: number, state: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, 1);
  encoding.writeVarString(inner, state);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

describe('bad input', () => {
  let server: ServerProcess;
  let bystander: TestClient;
  let bystanderMeeting: string;
  let target: string;
  let cookie: string;
  let typing: NodeJS.Timeout;
  let typed = 0;

  beforeAll(async () => {
    server = await startServerProcess();
    const other = await createMeeting(server.url, 'Another family');
    bystanderMeeting = other.meetingId;
    ({ meetingId: target, cookie } = await createMeeting(server.url, 'Under attack'));
    bystander = connectClient(server.wsUrl, bystanderMeeting, { ack: true, cookie: other.cookie });
    await waitForSync(bystander);
    // Someone in another meeting types all through these tests.
    typing = setInterval(() => {
      const text = bystander.doc.getText('notes');
      text.insert(text.length, 'a');
      typed++;
    }, 20);
  });

  afterAll(async () => {
    await waitFor(() => typed >= 25, 'the bystander to type a while');
    clearInterval(typing);
    // The bystander was never disconnected and everything they typed was saved.
    expect(bystander.provider.wsconnected).toBe(true);
    await waitForSaved(bystander);
    bystander.destroy();
    expect(await server.stop()).toBe(0);
    const stored = await readStoredMeeting(server.dataDir, bystanderMeeting);
    expect(stored.doc.getText('notes').length).toBe(typed);
    expect(typed).toBeGreaterThan(20);
  });

  const cases: { name: string; message: () => Uint8Array | string; code: number }[] = [
    {
      name: 'a message over 1 MiB',
      message: () => syncUpdateMessage(new Uint8Array(1024 * 1024 + 10)),
      code: CloseCodes.messageTooBig.code,
    },
    // A message type that cannot even be read (a varint cut short). A type that can be read but is not
    // known is ignored (below).
    { name: 'garbage bytes', message: () => new Uint8Array([0xff, 0xff, 0xff]), code: 4400 },
    { name: 'an empty message', message: () => new Uint8Array([]), code: 4400 },
    { name: 'a truncated sync message', message: () => new Uint8Array([0, 2, 50, 1, 2]), code: 4400 },
    {
      name: 'an update that is not a Yjs update',
      message: () => syncUpdateMessage(new Uint8Array([7, 200, 1, 9, 9, 9, 9, 9])),
      code: CloseCodes.malformedMessage.code,
    },
    { name: 'a text frame', message: () => 'hello', code: CloseCodes.malformedMessage.code },
    {
      name: 'awareness that is not JSON',
      message: () => awarenessMessage(42, '{not json'),
      code: CloseCodes.malformedMessage.code,
    },
    {
      name: 'awareness over 4 KiB',
      message: () => awarenessMessage(43, JSON.stringify({ user: { name: 'x'.repeat(5000) } })),
      code: CloseCodes.messageTooBig.code,
    },
  ];

  for (const { name, message, code } of cases) {
    it(`[SY4] ${name} closes that socket with ${code} and leaves the document unchanged`, async () => {
      const before = Y.encodeStateVector((await readStoredMeeting(server.dataDir, target)).doc);
      const raw = await openRawSocket(`${server.wsUrl}/${target}`, { cookie });
      raw.socket.send(message());
      const closed = await raw.closed;
      expect(closed.code).toBe(code);
      const after = Y.encodeStateVector((await readStoredMeeting(server.dataDir, target)).doc);
      expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    });
  }

  it('[SY4] message types the server does not know are ignored, and counted against the rate', async () => {
    const before = Y.encodeStateVector((await readStoredMeeting(server.dataDir, target)).doc);
    const raw = await openRawSocket(`${server.wsUrl}/${target}`, { cookie });
    // What stock clients of other implementations and later extensions send: auth, 5, 16 (saved), 9.
    for (const message of [
      [2, 0, 0],
      [5, 0],
      [16, 0, 0],
      [9, 0, 0],
    ])
      raw.socket.send(new Uint8Array(message));
    // The socket is still open and still answered: a SyncStep1 gets its SyncStep2.
    const answered = raw.messages.length;
    raw.socket.send(new Uint8Array([0, 0, 1, 0]));
    await waitFor(() => raw.messages.slice(answered).some((m) => m[0] === 0 && m[1] === 1), 'the step 2');
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    // Many of them are a flood like any other message.
    for (let i = 0; i < 3000 && raw.socket.readyState === raw.socket.OPEN; i++)
      raw.socket.send(new Uint8Array([5, 0]));
    expect((await raw.closed).code).toBe(CloseCodes.flood.code);
    const after = Y.encodeStateVector((await readStoredMeeting(server.dataDir, target)).doc);
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });

  it('[SY4] a flood of messages closes the socket with the flood code', async () => {
    const raw = await openRawSocket(`${server.wsUrl}/${target}`, { cookie });
    const step1 = new Uint8Array([0, 0, 1, 0]);
    for (let i = 0; i < 3000 && raw.socket.readyState === raw.socket.OPEN; i++) raw.socket.send(step1);
    expect((await raw.closed).code).toBe(CloseCodes.flood.code);
  });

  it('[SY12] a socket cannot announce presence for someone else', async () => {
    const anna = connectClient(server.wsUrl, target, { cookie });
    await waitForSync(anna);
    // Whatever a browser says its name is, others see the name of the session's person: Maria.
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    const observer = connectClient(server.wsUrl, target, { cookie });
    await waitForSync(observer);
    await waitFor(
      () =>
        (observer.provider.awareness.getStates().get(anna.doc.clientID) as { user?: { name: string } })?.user
          ?.name === 'Maria',
      'Anna’s browser to be seen, as Maria',
    );
    const raw = await openRawSocket(`${server.wsUrl}/${target}`, { cookie });
    raw.socket.send(awarenessMessage(anna.doc.clientID, JSON.stringify({ user: { name: 'Impostor' } })));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seen = observer.provider.awareness.getStates().get(anna.doc.clientID) as { user: { name: string } };
    expect(seen.user.name).toBe('Maria');
    raw.socket.close();
    anna.destroy();
    observer.destroy();
  });

  it('an unknown meeting is refused with 404 before the socket opens', async () => {
    await expect(openRawSocket(`${server.wsUrl}/AAAAAAAAAAAAAAAAAAAAAA`, { cookie })).rejects.toMatchObject({
      status: 404,
    });
    await expect(openRawSocket(`${server.wsUrl}/../api/health`)).rejects.toMatchObject({ status: 404 });
  });

  it('an outdated client is told to reload', async () => {
    const raw = await openRawSocket(`${server.wsUrl}/${target}?v=0`, { cookie });
    expect((await raw.closed).code).toBe(CloseCodes.outdatedClient.code);
  });
});
