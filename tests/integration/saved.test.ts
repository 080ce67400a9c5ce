/** The "saved" acknowledgement: sent after the commit, counting the socket's updates, with the durable state. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitFor, waitForSaved, waitForSync } from './helpers/clients.js';
import { createMeeting, type ServerProcess, startServerProcess } from './helpers/serverProcess.js';
import { readStoredMeeting } from './helpers/storedDocument.js';

describe('"saved" acknowledgements', () => {
  let server: ServerProcess;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('[SY1] count every update a socket sent, and carry a state vector the database really holds', async () => {
    const { meetingId, cookie } = await createMeeting(server.url);
    const writer = connectClient(server.wsUrl, meetingId, { ack: true, cookie });
    clients.push(writer);
    await waitForSync(writer);
    // Right after the sync handshake the client has sent its (empty) SyncStep2, which is acknowledged.
    await waitFor(() => writer.acked() === writer.sent() && writer.sent() === 1, 'the handshake ack');
    const text = writer.doc.getText('notes');
    for (const char of 'We will meet again on Tuesday.') text.insert(text.length, char);
    text.delete(0, 3);
    await waitForSaved(writer);
    expect(writer.sent()).toBe(1 + 30 + 1);

    const acknowledged = writer.savedStateVector();
    const stored = await readStoredMeeting(server.dataDir, meetingId);
    const storedVector = Y.decodeStateVector(Y.encodeStateVector(stored.doc));
    expect(acknowledged.get(writer.doc.clientID)).toBe(30);
    expect(storedVector.get(writer.doc.clientID)).toBeGreaterThanOrEqual(30);
    expect(stored.doc.getText('notes').toString()).toBe('will meet again on Tuesday.');
  });

  it("[SY3] are sent to each writer for their own updates, not for other people's", async () => {
    const { meetingId, cookie } = await createMeeting(server.url);
    const a = connectClient(server.wsUrl, meetingId, { ack: true, cookie });
    const b = connectClient(server.wsUrl, meetingId, { ack: true, cookie });
    clients.push(a, b);
    await Promise.all([waitForSync(a), waitForSync(b)]);
    await waitFor(() => a.acked() === a.sent() && b.acked() === b.sent(), 'handshake acks');
    const bAcksBefore = b.receivedTypes.filter((type) => type === 16).length;
    a.doc.getText('t').insert(0, 'only a writes');
    await waitForSaved(a);
    await waitFor(() => b.doc.getText('t').toString() === 'only a writes', 'b to receive the text');
    expect(b.receivedTypes.filter((type) => type === 16).length).toBe(bAcksBefore);
  });
});
