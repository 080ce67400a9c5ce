/** Stopping and restarting the real server: every meeting intact, the update log compacted. */
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, type TestClient, waitForSaved, waitForSync } from './helpers/clients.js';
import { createMeeting, type ServerProcess, startServerProcess } from './helpers/serverProcess.js';
import { readStoredMeeting } from './helpers/storedDocument.js';

describe('persistence across restarts', () => {
  let server: ServerProcess | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.stop();
  });

  it('[SY13] SIGTERM commits and compacts; after a restart every meeting is intact', async () => {
    server = await startServerProcess();
    const { dataDir } = server;
    const started = await Promise.all([1, 2, 3].map((n) => createMeeting(server!.url, `Meeting ${n}`)));
    const meetings = started.map((meeting) => meeting.meetingId);
    const cookieOf = (index: number) => started[index]!.cookie;
    for (const [index, meetingId] of meetings.entries()) {
      const client = connectClient(server.wsUrl, meetingId, { ack: true, cookie: cookieOf(index) });
      clients.push(client);
      await waitForSync(client);
      const text = client.doc.getText('notes');
      // Keystroke by keystroke, as people type: many small updates in the log.
      for (const char of `Meeting ${index + 1} was about sleep and work.`) text.insert(text.length, char);
      client.doc.getMap('meta').set('title', `Meeting ${index + 1}`);
      await waitForSaved(client);
    }
    const before = await readStoredMeeting(dataDir, meetings[0]!);
    expect(before.updateRows).toBeGreaterThan(10);

    for (const client of clients.splice(0)) client.destroy();
    expect(await server.stop()).toBe(0);

    for (const [index, meetingId] of meetings.entries()) {
      const stored = await readStoredMeeting(dataDir, meetingId);
      expect(stored.updateRows).toBe(0);
      expect(stored.hasSnapshot).toBe(true);
      expect(stored.doc.getText('notes').toString()).toBe(`Meeting ${index + 1} was about sleep and work.`);
    }

    server = await startServerProcess({ dataDir });
    for (const [index, meetingId] of meetings.entries()) {
      const client = connectClient(server.wsUrl, meetingId, { cookie: cookieOf(index) });
      clients.push(client);
      await waitForSync(client);
      expect(client.doc.getText('notes').toString()).toBe(`Meeting ${index + 1} was about sleep and work.`);
      expect(client.doc.getMap('meta').get('title')).toBe(`Meeting ${index + 1}`);
    }
  });

  it('[SY13] a SIGTERM while clients type loses nothing that was acknowledged, and they reconnect', async () => {
    server = await startServerProcess();
    const { dataDir, port } = server;
    const { meetingId, cookie } = await createMeeting(server.url);
    const client = connectClient(server.wsUrl, meetingId, { ack: true, cookie });
    clients.push(client);
    await waitForSync(client);
    const text = client.doc.getText('notes');
    for (let i = 0; i < 50; i++) text.insert(text.length, 'x');
    await waitForSaved(client);
    expect(await server.stop()).toBe(0);
    // Typed while the server is down: kept by the client, sent when it reconnects.
    for (let i = 0; i < 5; i++) text.insert(text.length, 'y');
    server = await startServerProcess({ dataDir, port });
    await waitForSaved(client, 10_000);
    const stored = await readStoredMeeting(dataDir, meetingId);
    expect(stored.doc.getText('notes').toString()).toBe(`${'x'.repeat(50)}${'y'.repeat(5)}`);
  });

  it('compacts the log of a meeting left idle, and while busy after COMPACT_EVERY updates', async () => {
    server = await startServerProcess({ env: { IDLE_UNLOAD_MS: '200', COMPACT_EVERY: '40' } });
    const { meetingId, cookie } = await createMeeting(server.url);
    const client = connectClient(server.wsUrl, meetingId, { ack: true, cookie });
    clients.push(client);
    await waitForSync(client);
    const text = client.doc.getText('notes');
    for (let i = 0; i < 45; i++) {
      text.insert(text.length, 'k');
      await waitForSaved(client);
    }
    const busy = await readStoredMeeting(server.dataDir, meetingId);
    expect(busy.hasSnapshot).toBe(true);
    expect(busy.updateRows).toBeLessThan(40);
    client.destroy();
    clients.splice(0);
    let idle = await readStoredMeeting(server.dataDir, meetingId);
    const deadline = Date.now() + 5000;
    while (idle.updateRows > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      idle = await readStoredMeeting(server.dataDir, meetingId);
    }
    expect(idle.updateRows).toBe(0);
    expect(idle.doc.getText('notes').toString()).toBe('k'.repeat(45));
  });
});
