/** The operator command against the same DATA_DIR as a running server. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { hashToken, newId, newToken } from '@polyphony/server/auth/tokens';
import { openDatabase } from '@polyphony/server/persistence/database';
import { SqliteMetadataStore } from '@polyphony/server/persistence/metadata/SqliteMetadataStore';
import type { Role } from '@polyphony/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type TestClient, waitForSync } from './helpers/clients.js';
import { openRawSocket } from './helpers/rawSocket.js';
import { openLink, type ServerProcess, startServerProcess } from './helpers/serverProcess.js';

const CLI = fileURLToPath(new URL('../../server/dist/cli.js', import.meta.url));
const run = promisify(execFile);

describe('operator command', () => {
  let server: ServerProcess;
  const clients: TestClient[] = [];
  const polyphony = (...args: string[]) =>
    run(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATA_DIR: server.dataDir, PUBLIC_URL: server.url, LOG_LEVEL: 'warn' },
    });

  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('creates a network meeting and prints links that work; lists; revokes a live person within 2 s', async () => {
    const created = await polyphony(
      'create',
      '--centre',
      'Anna',
      '--person',
      'Maria:psychiatric nurse:professional',
      '--person',
      'Eeva:mother:network_member',
      '--json',
    );
    const result = JSON.parse(created.stdout) as {
      meeting: { id: string };
      links: { url: string; participant: { id: string; name: string } }[];
    };
    expect(result.links.map((link) => link.participant.name)).toEqual(['Maria', 'Eeva']);
    const eeva = result.links[1]!;
    const opened = await openLink(eeva.url);
    expect(opened.location).toBe(`/m/${result.meeting.id}`);
    const client = connectClient(server.wsUrl, result.meeting.id, { cookie: opened.cookie! });
    clients.push(client);
    await waitForSync(client);
    // The command seeded the meeting document as the start page does.
    expect(client.doc.getMap('meta').get('phase')).toBe('opening');

    const listed = JSON.parse((await polyphony('list', '--json')).stdout) as {
      centreName: string;
      people: unknown[];
    }[];
    expect(listed.map((network) => network.centreName)).toContain('Anna');

    const text = await polyphony('list');
    expect(text.stdout).toContain('Eeva, network_member, link active');

    const raw = await openRawSocket(`${server.wsUrl}/${result.meeting.id}`, { cookie: opened.cookie! });
    const started = performance.now();
    await polyphony('revoke', eeva.participant.id);
    const closed = await raw.closed;
    expect(closed.code).toBe(4403);
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await openLink(eeva.url)).location).toBe('/link-problem?reason=revoked');
  });

  it('says what is wrong with a bad command, and exits 2', async () => {
    await expect(polyphony('create', '--person', 'X:y:wizard')).rejects.toMatchObject({ code: 2 });
    await expect(polyphony('revoke', 'nobody')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no person'),
    });
  });

  it('takes ids that start with "-" as ids: revoke -abc, reissue -abc and revoke -- -abc', async () => {
    // Ids are random base64url; one in 64 starts with "-". Three people whose ids do, written to the
    // running server's file as starting a network writes them.
    const dashed = () => `-${randomBytes(15).toString('base64url')}`;
    const now = new Date();
    const network = { id: newId(), centreName: 'Anna', createdAt: now.toISOString() };
    const people = (['Maria', 'Eeva', 'Juho'] as const).map((name, i) => {
      const participant = {
        id: dashed(),
        networkId: network.id,
        name,
        relation: '',
        role: (i === 0 ? 'professional' : 'network_member') as Role,
        createdAt: now.toISOString(),
        lastSeenAt: null,
      };
      const token = newToken();
      const record = {
        id: newId(),
        networkId: network.id,
        participantId: participant.id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
        revokedAt: null,
      };
      return { participant, link: { token, tokenHash: hashToken(token), record } };
    });
    const meetingId = newId();
    const db = openDatabase(server.dataDir);
    try {
      await new SqliteMetadataStore(db).startNetwork({
        network,
        meeting: { id: meetingId, title: 'Meeting with Anna' },
        people,
      });
    } finally {
      db.close();
    }
    const [maria, eeva, juho] = people.map(({ participant }) => participant.id) as [string, string, string];
    const stateOf = async (id: string) => {
      const listed = JSON.parse((await polyphony('list', '--json')).stdout) as {
        people: { id: string; link: { state: string } }[];
      }[];
      return listed.flatMap((n) => n.people).find((person) => person.id === id)?.link.state;
    };

    const revoked = await polyphony('revoke', eeva);
    expect(revoked.stdout).toContain('Revoked 1 link(s) of Eeva');
    expect(await stateOf(eeva)).toBe('revoked');

    const reissued = JSON.parse((await polyphony('reissue', maria, '--json')).stdout) as { url: string };
    expect((await openLink(reissued.url)).location).toBe(`/m/${meetingId}`);
    expect(await stateOf(maria)).toBe('active');

    const separated = await polyphony('revoke', '--json', '--', juho);
    expect(JSON.parse(separated.stdout)).toMatchObject({ revokedInvitations: 1 });
    expect(await stateOf(juho)).toBe('revoked');
    // An id given twice over is refused, not half done.
    await expect(polyphony('revoke', maria, juho)).rejects.toMatchObject({ code: 2 });

    // erase takes them too, before or after its options (a dry run: it lists, and changes nothing).
    const dry = JSON.parse(
      (await polyphony('erase', 'person', eeva, '--words', 'remove', '--dry-run', '--json')).stdout,
    );
    expect(dry).toMatchObject({ dryRun: true, words: 'remove' });
    const before = JSON.parse(
      (await polyphony('erase', 'person', '--dry-run', '--words=anonymise', eeva, '--json')).stdout,
    );
    expect(before).toMatchObject({ dryRun: true, words: 'anonymise' });
    expect(await stateOf(eeva)).toBe('revoked');
  });
});
