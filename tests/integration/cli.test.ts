/** The operator command against the same DATA_DIR as a running server. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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
});
