/**
 * Personal links, sessions and the authorised sync socket: what gets in, what stays out, and how fast a
 * revoked person is put out.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase } from '@polyphony/server/persistence/database';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitFor, waitForSaved, waitForSync } from './helpers/clients.js';
import { openRawSocket } from './helpers/rawSocket.js';
import {
  openLink,
  type ServerProcess,
  type StartedNetwork,
  startNetwork,
  startServerProcess,
} from './helpers/serverProcess.js';
import { readStoredMeeting } from './helpers/storedDocument.js';

const tokenOf = (url: string) => url.split('/join/')[1] as string;

function updateMessage(update: Uint8Array, syncType = 2): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function someUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

async function storedBytes(server: ServerProcess, meetingId: string): Promise<string> {
  const { doc } = await readStoredMeeting(server.dataDir, meetingId);
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('hex');
}

describe('personal links and sessions', () => {
  let server: ServerProcess;
  let a: StartedNetwork;
  let b: StartedNetwork;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServerProcess();
    a = await startNetwork(server.url, {
      centreName: 'Anna',
      people: [
        { name: 'Eeva', relation: 'mother', role: 'network_member' },
        { name: 'Olli', relation: 'student nurse, by agreement', role: 'observer' },
        { name: 'Jussi', relation: 'partner', role: 'network_member' },
        { name: 'Liisa', relation: 'sister', role: 'network_member' },
      ],
    });
    b = await startNetwork(server.url, { centreName: 'Ben' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('a valid link sets an HttpOnly SameSite session cookie and redirects to a URL without the token', async () => {
    const eeva = a.people.find((person) => person.name === 'Eeva')!;
    const response = await fetch(eeva.url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location).toBe(`/m/${a.meetingId}`);
    expect(location).not.toContain(tokenOf(eeva.url));
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // Links carry 256 random bits: 43 base64url characters.
    expect(tokenOf(eeva.url)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('stores only hashes of links', async () => {
    const db = openDatabase(server.dataDir);
    const rows = db.prepare('SELECT token_hash FROM invitations').all() as { token_hash: string }[];
    db.close();
    const tokens = a.people.map((person) => tokenOf(person.url));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(tokens).not.toContain(row.token_hash);
  });

  describe('refused before the WebSocket opens', () => {
    const cases: { name: string; cookie: () => Promise<string | null>; expectedLink?: string }[] = [
      {
        name: 'a tampered link',
        cookie: async () => {
          const token = tokenOf(a.people[1]!.url);
          const tampered = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
          const opened = await openLink(`${server.url}/join/${tampered}`);
          expect(opened.location).toBe('/link-problem?reason=invalid');
          return opened.cookie;
        },
      },
      {
        name: 'a malformed link',
        cookie: async () => {
          const opened = await openLink(`${server.url}/join/not-a-token`);
          expect(opened.location).toBe('/link-problem?reason=invalid');
          return opened.cookie;
        },
      },
      {
        name: 'a malformed session cookie',
        cookie: async () => 'polyphony_session=abc',
      },
      {
        name: 'an expired link',
        cookie: async () => {
          const liisa = a.people.find((person) => person.name === 'Liisa')!;
          const opened = await openLink(liisa.url);
          expect(opened.cookie).not.toBeNull();
          const db = openDatabase(server.dataDir);
          db.prepare('UPDATE invitations SET expires_at = ? WHERE participant_id = ?').run(
            new Date(Date.now() - 1000).toISOString(),
            liisa.participantId,
          );
          db.close();
          expect((await openLink(liisa.url)).location).toBe('/link-problem?reason=expired');
          return opened.cookie;
        },
      },
      {
        name: 'a revoked link',
        cookie: async () => {
          const jussi = a.people.find((person) => person.name === 'Jussi')!;
          const opened = await openLink(jussi.url);
          const revoke = await fetch(
            `${server.url}/api/networks/${a.networkId}/people/${jussi.participantId}/revoke`,
            {
              method: 'POST',
              headers: { cookie: a.cookie },
            },
          );
          expect(revoke.status).toBe(200);
          expect((await openLink(jussi.url)).location).toBe('/link-problem?reason=revoked');
          return opened.cookie;
        },
      },
      { name: "another network's session", cookie: async () => b.cookie },
      { name: 'no session at all', cookie: async () => null },
    ];
    for (const { name, cookie } of cases) {
      it(name, async () => {
        const session = await cookie();
        await expect(
          openRawSocket(`${server.wsUrl}/${a.meetingId}`, session ? { cookie: session } : {}),
        ).rejects.toMatchObject({ status: 401 });
        const api = await fetch(`${server.url}/api/meetings/${a.meetingId}`, {
          headers: session ? { cookie: session } : {},
        });
        expect([401, 404]).toContain(api.status);
      });
    }
  });

  it('refuses a socket opened from another site', async () => {
    await expect(
      openRawSocket(`${server.wsUrl}/${a.meetingId}`, { cookie: a.cookie, origin: 'https://evil.example' }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('a socket for meeting A never reads or writes meeting B', async () => {
    const bMember = connectClient(server.wsUrl, b.meetingId, { cookie: b.cookie, ack: true });
    clients.push(bMember);
    await waitForSync(bMember);
    bMember.doc.getText('notes').insert(0, 'Ben said this in his own meeting.');
    await waitForSaved(bMember);
    const bBefore = await storedBytes(server, b.meetingId);

    // Renamed room, path tricks: a session of A only ever opens A.
    for (const path of [
      b.meetingId,
      `${a.meetingId}/../${b.meetingId}`,
      `${b.meetingId}%2F`,
      `..%2F${b.meetingId}`,
    ]) {
      await expect(openRawSocket(`${server.wsUrl}/${path}`, { cookie: a.cookie })).rejects.toHaveProperty(
        'status',
      );
    }
    // A second handshake and crafted updates on A's socket land in A, never in B.
    const raw = await openRawSocket(`${server.wsUrl}/${a.meetingId}?room=${b.meetingId}`, {
      cookie: a.cookie,
    });
    raw.socket.send(new Uint8Array([0, 0, 1, 0]));
    raw.socket.send(updateMessage(someUpdate('written on the socket of A'), 1));
    raw.socket.send(updateMessage(someUpdate('again on the socket of A')));
    raw.socket.send(new Uint8Array([0, 0, 1, 0]));
    await waitFor(
      () => raw.messages.filter((m) => m[0] === 0 && m[1] === 1).length >= 2,
      'two SyncStep2 replies',
    );
    const replies = raw.messages.filter((m) => m[0] === 0 && m[1] === 1);
    for (const reply of replies) expect(Buffer.from(reply).toString()).not.toContain('Ben said this');
    // The second handshake answers with A's document, which now holds what was written on A's socket.
    expect(Buffer.from(replies.at(-1)!).toString()).toContain('again on the socket of A');
    raw.socket.close();
    expect(await storedBytes(server, b.meetingId)).toBe(bBefore);
  });

  it("[SY2] an observer's updates, live or replayed after being offline, leave the document byte-identical", async () => {
    const olli = a.people.find((person) => person.role === 'observer')!;
    const { cookie } = await openLink(olli.url);
    const writer = connectClient(server.wsUrl, a.meetingId, { cookie: a.cookie, ack: true });
    clients.push(writer);
    await waitForSync(writer);
    writer.doc.getText('notes').insert(0, 'Maria: what would help this week? ');
    await waitForSaved(writer);
    const before = await storedBytes(server, a.meetingId);
    const writerText = writer.doc.getText('notes').toString();

    const observer = connectClient(server.wsUrl, a.meetingId, { cookie: cookie!, ack: true });
    clients.push(observer);
    await waitForSync(observer);
    // Observers read everything.
    expect(observer.doc.getText('notes').toString()).toBe(writerText);
    observer.doc.getText('notes').insert(0, 'observer live edit ');
    // Offline edits, sent as SyncStep2 on reconnect.
    observer.provider.disconnect();
    observer.doc.getText('notes').insert(0, 'observer offline edit ');
    observer.provider.connect();
    await waitForSync(observer);
    const raw = await openRawSocket(`${server.wsUrl}/${a.meetingId}`, { cookie: cookie! });
    raw.socket.send(updateMessage(someUpdate('crafted by the observer')));
    raw.socket.send(updateMessage(someUpdate('crafted step 2'), 1));
    // Nothing the observer sent is acknowledged as saved, because nothing was.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(observer.acked()).toBe(0);
    raw.socket.close();
    expect(await storedBytes(server, a.meetingId)).toBe(before);
    // The writer never saw the observer's text either.
    expect(writer.doc.getText('notes').toString()).toBe(writerText);
  });

  it("revoking a live person closes their socket within 2 seconds, with the 'access revoked' code", async () => {
    const eeva = a.people.find((person) => person.name === 'Eeva')!;
    const { cookie } = await openLink(eeva.url);
    const raw = await openRawSocket(`${server.wsUrl}/${a.meetingId}`, { cookie: cookie! });
    const started = performance.now();
    const response = await fetch(
      `${server.url}/api/networks/${a.networkId}/people/${eeva.participantId}/revoke`,
      {
        method: 'POST',
        headers: { cookie: a.cookie },
      },
    );
    expect(response.status).toBe(200);
    const closed = await raw.closed;
    expect(closed.code).toBe(4403);
    expect(performance.now() - started).toBeLessThan(2000);
    // And the same session is refused from now on.
    await expect(openRawSocket(`${server.wsUrl}/${a.meetingId}`, { cookie: cookie! })).rejects.toMatchObject({
      status: 401,
    });
  });

  it('10,000 guessed links find nothing', async () => {
    let found = 0;
    let refused = 0;
    const guess = async () => {
      const opened = await openLink(`${server.url}/join/${randomBytes(32).toString('base64url')}`);
      if (opened.cookie || !opened.location.startsWith('/link-problem')) found++;
      else refused++;
    };
    for (let batch = 0; batch < 10_000 / 50; batch++) {
      await Promise.all(Array.from({ length: 50 }, guess));
    }
    expect(found).toBe(0);
    expect(refused).toBe(10_000);
  });
});
