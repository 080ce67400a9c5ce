/**
 * A complete access record, against a real server: every read of content — opening a meeting, a
 * version, the "as agreed" view, a search, exports of a meeting and of the network, print, the network
 * page, a person's own archive — is in the activity log, which holds ids and never text. And the
 * person's own archive (Markdown + JSON), and what a browser is told to drop of its local copies.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ActivityEntry } from '@polyphony/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type TestClient, waitForSync } from './helpers/clients.js';
import { api, network, writeAs } from './helpers/erasure.js';
import { type ServerProcess, startServerProcess } from './helpers/serverProcess.js';

const run = promisify(execFile);

async function log(server: ServerProcess, networkId: string, cookie: string): Promise<ActivityEntry[]> {
  return (await (await api(server, `/api/networks/${networkId}/activity`, cookie)).json()) as ActivityEntry[];
}

describe('the access record', () => {
  let server: ServerProcess;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startServerProcess({ env: { VERSION_EVERY_MS: '1' } });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('every read of content is in the log, by whom, of which meeting; the log holds no text', async () => {
    const secret = 'words-nobody-should-see-in-the-log';
    const net = await network(server, 'Aino');
    const aino = net.people[1]!;
    const jussi = net.people[2]!;
    clients.push(await writeAs(server, net.meetingId, net.ainoCookie, aino.participantId, 'Aino', secret));
    await api(server, `/api/meetings/${net.meetingId}/close`, net.cookie, { method: 'POST' });
    const kinds = async () =>
      (await log(server, net.networkId, net.cookie))
        .filter((entry) => entry.actor?.id === jussi.participantId)
        .map((entry) => [entry.kind, entry.meetingId]);
    expect(await kinds()).toEqual([['joined', null]]);

    // Jussi opens the meeting (its socket), reads a version, the agreed view, searches, exports, prints.
    const reader = connectClient(server.wsUrl, net.meetingId, { cookie: net.jussiCookie });
    clients.push(reader);
    await waitForSync(reader);
    const versions = (await (
      await api(server, `/api/meetings/${net.meetingId}/versions`, net.jussiCookie)
    ).json()) as {
      versions: { id: number }[];
    };
    expect(versions.versions.length).toBeGreaterThan(0);
    const reads = [
      `/api/meetings/${net.meetingId}/versions/${versions.versions[0]!.id}`,
      `/api/meetings/${net.meetingId}/agreed`,
      `/api/networks/${net.networkId}/search?q=${secret}`,
      `/api/meetings/${net.meetingId}/export.md`,
      `/api/networks/${net.networkId}/export.md`,
      `/api/networks/${net.networkId}`,
      `/api/networks/${net.networkId}/my-data.zip`,
    ];
    for (const route of reads) expect((await api(server, route, net.jussiCookie)).status, route).toBe(200);
    const printed = await api(server, `/api/meetings/${net.meetingId}/exported`, net.jussiCookie, {
      method: 'POST',
      body: '{"format":"print"}',
    });
    expect(printed.status).toBe(204);

    const m = net.meetingId;
    expect((await kinds()).reverse()).toEqual([
      ['joined', null],
      ['viewed', m],
      ['version_viewed', m],
      ['agreed_viewed', m],
      ['searched', null],
      ['exported', m],
      ['exported', null],
      ['network_viewed', null],
      ['own_data_exported', null],
      ['exported', m],
    ]);
    // Everyone in the network sees it, Aino too; it never holds what was written or searched for.
    const seenByAino = await (
      await api(server, `/api/networks/${net.networkId}/activity`, net.ainoCookie)
    ).text();
    expect(seenByAino).toContain('version_viewed');
    expect(seenByAino).not.toContain(secret);
  });

  it('a person’s own archive holds their details, their links’ history, the meetings and the log, in Markdown and JSON', async () => {
    const net = await network(server, 'Aava');
    const aava = net.people[1]!;
    clients.push(
      await writeAs(server, net.meetingId, net.ainoCookie, aava.participantId, 'Aava', 'Aava said this'),
    );
    const response = await api(server, `/api/networks/${net.networkId}/my-data.zip?lang=fi`, net.ainoCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="polyphony-Anna-Aava\.zip"/,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-own-data-'));
    const file = path.join(dir, 'data.zip');
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    // The system's unzip opens it and checks every file's CRC.
    await run('unzip', ['-q', file, '-d', dir]);
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'about-you.json'), 'utf8'));
    expect(data.you).toMatchObject({
      id: aava.participantId,
      name: 'Aava',
      relation: 'aunt',
      role: 'network_member',
    });
    expect(data.links).toHaveLength(1);
    expect(data.links[0]).toMatchObject({ state: 'active', revokedAt: null });
    expect(data.network).toMatchObject({ id: net.networkId, centreName: 'Anna' });
    expect(data.meetings).toEqual([
      expect.objectContaining({ id: net.meetingId, file: 'meetings/meeting-1.md' }),
    ]);
    expect(data.activity.map((e: ActivityEntry) => e.kind)).toContain('joined');
    expect(data.thisSession).toMatchObject({ createdAt: expect.any(String), endsAt: expect.any(String) });
    expect(fs.readFileSync(path.join(dir, 'meetings/meeting-1.md'), 'utf8')).toContain('Aava said this');
    const readme = fs.readFileSync(path.join(dir, 'about-you.md'), 'utf8');
    expect(readme).toContain('Mitä Polyphony säilyttää henkilöstä Aava');
    expect(readme).toContain('meetings/meeting-1.md');
  });
});

describe('what a browser must delete of its local copies', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(() => server.stop());

  const ask = async (copies: unknown[]) => {
    const response = await api(server, '/api/local-copies', undefined, {
      method: 'POST',
      body: JSON.stringify({ copies }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { drop: { meetingId: string; reason: string }[] }).drop;
  };

  it('drops copies of erased meetings, of revoked and erased people, and copies older than a rewrite', async () => {
    const net = await network(server, 'Aulikki');
    const [maria, aulikki, jussi] = net.people as [
      (typeof net.people)[0],
      (typeof net.people)[0],
      (typeof net.people)[0],
    ];
    expect(await ask([{ meetingId: net.meetingId, participantId: jussi.participantId }])).toEqual([]);
    await api(server, `/api/networks/${net.networkId}/people/${jussi.participantId}/revoke`, net.cookie, {
      method: 'POST',
    });
    expect(await ask([{ meetingId: net.meetingId, participantId: jussi.participantId }])).toEqual([
      { meetingId: net.meetingId, reason: 'revoked' },
    ]);
    // A new link for him: his copy is his again.
    await api(server, `/api/networks/${net.networkId}/people/${jussi.participantId}/reissue`, net.cookie, {
      method: 'POST',
    });
    expect(await ask([{ meetingId: net.meetingId, participantId: jussi.participantId }])).toEqual([]);
    // Erasing Aulikki rewrites the document: copies from before are dropped, hers for good.
    const writer = await writeAs(
      server,
      net.meetingId,
      net.ainoCookie,
      aulikki.participantId,
      'Aulikki',
      'her words',
    );
    writer.destroy();
    await api(server, `/api/networks/${net.networkId}/people/${aulikki.participantId}/erase`, net.cookie, {
      method: 'POST',
      body: '{"words":"remove"}',
    });
    const detail = (await (await api(server, `/api/meetings/${net.meetingId}`, net.cookie)).json()) as {
      documentRewrittenAt: string;
    };
    expect(detail.documentRewrittenAt).not.toBeNull();
    expect(
      await ask([
        { meetingId: net.meetingId, participantId: maria.participantId, rewrittenAt: null },
        { meetingId: net.meetingId, participantId: aulikki.participantId },
        {
          meetingId: net.meetingId,
          participantId: maria.participantId,
          rewrittenAt: detail.documentRewrittenAt,
        },
      ]),
    ).toEqual([
      { meetingId: net.meetingId, reason: 'rewritten' },
      { meetingId: net.meetingId, reason: 'erased' },
    ]);
    // An erased meeting (and a copy the browser cannot place) goes.
    await api(server, `/api/networks/${net.networkId}/erase`, net.cookie, { method: 'POST' });
    expect(await ask([{ meetingId: net.meetingId }])).toEqual([
      { meetingId: net.meetingId, reason: 'erased' },
    ]);
    // Anything else is refused, not guessed at.
    const bad = await api(server, '/api/local-copies', undefined, {
      method: 'POST',
      body: JSON.stringify({ copies: [{ meetingId: '../x' }] }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('the API description', () => {
  it('describes the data-protection routes', async () => {
    const server = await startServerProcess();
    try {
      const openapi = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: object };
      expect(Object.keys(openapi.paths)).toEqual(
        expect.arrayContaining([
          '/api/session/leave',
          '/api/local-copies',
          '/api/networks/{id}/erase',
          '/api/meetings/{id}/erase',
          '/api/networks/{id}/people/{participantId}/erase',
          '/api/networks/{id}/my-data.zip',
          '/api/join/pending',
        ]),
      );
    } finally {
      await server.stop();
    }
  });
});

describe('the operator command and the settings', () => {
  it('lists the new commands in its usage', async () => {
    const { fileURLToPath } = await import('node:url');
    const cli = fileURLToPath(new URL('../../server/dist/cli.js', import.meta.url));
    const usage = (await run(process.execPath, [cli, '--help'])).stdout;
    for (const command of ['erase network', 'erase due', 'retention', 'erasures', '--dry-run']) {
      expect(usage).toContain(command);
    }
  });
});
