/**
 * Leaving the team and the team page (issue 17), against a real server process and the real operator
 * command: a professional taken out of the team loses every network of it at once — open meeting
 * sockets closed, API calls refused, in the network's log — and, back in the team later, is the same
 * person with the whole history; the team page shows each network's last and next meeting, what is new
 * and the plan items that are theirs, and finds networks by the person's first name. Rule ids [SL6] …
 */
import { CloseCodes, type TeamResponse } from '@polyphony/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, waitForSaved, waitForSync } from './helpers/clients.js';
import { block } from './helpers/documentBlocks.js';
import { openRawSocket } from './helpers/rawSocket.js';
import { openLink, type ServerProcess, startServerProcess } from './helpers/serverProcess.js';
import { operatorOf, seedTeamNetwork } from './helpers/teams.js';

/** Resolves with the socket's close code and reason, or with 'open' if it is still open after `ms`. */
const closedWithin = (closed: Promise<{ code: number; reason: string }>, ms: number) =>
  Promise.race([
    closed.then(({ code, reason }) => ({ code, reason })),
    new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), ms)),
  ]);

describe('leaving the team, and the team page', () => {
  let server: ServerProcess;
  const { polyphony, addStaff } = operatorOf(() => server);
  const get = (path: string, cookie: string) => fetch(`${server.url}${path}`, { headers: { cookie } });
  const teamPage = async (cookie: string, q?: string) =>
    (await (
      await get(`/api/team${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`, cookie)
    ).json()) as TeamResponse;

  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('[SL6] an admin takes a professional out of the team: sockets closed, API refused, logged; back later, the whole history', async () => {
    const maria = await addStaff(
      '--team',
      'Leaving North',
      '--name',
      'Maria',
      '--email',
      'maria@north.fi',
      '--admin',
    );
    const pekka = await addStaff('--team', 'Leaving North', '--name', 'Pekka', '--email', 'pekka@north.fi');
    // Pekka is in another team too: his session stays, and only this team's networks close to him.
    await addStaff('--team', 'Leaving South', '--name', 'Pekka', '--email', 'pekka@north.fi');
    const { networkId, meetingId } = await seedTeamNetwork(server.dataDir, maria.team.id);
    const mariaCookie = (await openLink(maria.link.url)).cookie!;
    const pekkaCookie = (
      await openLink(
        (
          await addStaff('--team', 'Leaving North', '--name', 'Pekka', '--email', 'pekka@north.fi')
        ).link.url,
      )
    ).cookie!;

    // Maria writes in the meeting; Pekka opens the network (joining from the team) and the meeting.
    expect((await get(`/api/networks/${networkId}`, mariaCookie)).status).toBe(200);
    const writer = connectClient(server.wsUrl, meetingId, { cookie: mariaCookie, ack: true });
    await waitForSync(writer);
    writer.doc.transact(() => {
      writer.doc
        .getXmlFragment('plan')
        .insert(0, [block('planItem', 'Pekka phones the school', { status: 'open', doerName: 'Pekka' })]);
    });
    await waitForSaved(writer);
    writer.destroy();
    const network = (await (await get(`/api/networks/${networkId}`, pekkaCookie)).json()) as {
      me: { id: string; role: string };
    };
    expect(network.me.role).toBe('professional');
    const socket = await openRawSocket(`${server.wsUrl}/${meetingId}`, { cookie: pekkaCookie });

    // Only an admin takes someone out.
    const byMember = await fetch(`${server.url}/api/team/${maria.team.id}/members/${maria.staff.id}`, {
      method: 'DELETE',
      headers: { cookie: pekkaCookie },
    });
    expect(byMember.status).toBe(403);
    const removed = await fetch(`${server.url}/api/team/${maria.team.id}/members/${pekka.staff.id}`, {
      method: 'DELETE',
      headers: { cookie: mariaCookie },
    });
    expect(removed.status).toBe(204);
    // At once (generous for a loaded machine; the issue asks for 2 s), saying why: not a revoked link.
    expect(await closedWithin(socket.closed, 10_000)).toEqual(CloseCodes.teamAccessEnded);
    const refused = await get(`/api/networks/${networkId}`, pekkaCookie);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe('access_revoked');
    expect((await get(`/api/meetings/${meetingId}`, pekkaCookie)).status).toBe(403);
    expect((await get(`/api/networks/${networkId}/activity`, pekkaCookie)).status).toBe(403);
    const again = await openRawSocket(`${server.wsUrl}/${meetingId}`, { cookie: pekkaCookie }).then(
      () => 'opened',
      () => 'refused',
    );
    expect(again).toBe('refused');
    // Gone from the team page; the network's log says he left the team.
    expect((await teamPage(pekkaCookie)).teams.map((t) => t.name)).toEqual(['Leaving South']);
    const log = (await (await get(`/api/networks/${networkId}/activity`, mariaCookie)).json()) as {
      kind: string;
      subject: { name: string } | null;
    }[];
    expect(log.map((e) => [e.kind, e.subject?.name ?? null])).toContainEqual(['left_team', 'Pekka']);
    // Not in the team any more: a second removal finds no one.
    expect(
      (
        await fetch(`${server.url}/api/team/${maria.team.id}/members/${pekka.staff.id}`, {
          method: 'DELETE',
          headers: { cookie: mariaCookie },
        })
      ).status,
    ).toBe(404);

    // Back in the team: the same person, who reads the whole history.
    const back = await addStaff('--team', 'Leaving North', '--name', 'Pekka', '--email', 'pekka@north.fi');
    const backCookie = (await openLink(back.link.url)).cookie!;
    const page = (await (await get(`/api/networks/${networkId}`, backCookie)).json()) as {
      me: { id: string };
      meetings: { planItems: string[] }[];
    };
    expect(page.me.id).toBe(network.me.id);
    expect(page.meetings[0]?.planItems).toEqual(['Pekka phones the school']);
  });

  it('[SL7] polyphony staff remove ends the access on the running server (its sweep, as on every instance)', async () => {
    const sara = await addStaff('--team', 'Leaving East', '--name', 'Sara', '--email', 'sara@east.fi');
    // In another team as well: her session stays, so only the departure can close her socket.
    const both = await addStaff('--team', 'Leaving Far East', '--name', 'Sara', '--email', 'sara@east.fi');
    const { networkId, meetingId } = await seedTeamNetwork(server.dataDir, sara.team.id, {
      centreName: 'Ben',
    });
    const cookie = (await openLink(both.link.url)).cookie!;
    expect((await get(`/api/networks/${networkId}`, cookie)).status).toBe(200);
    const socket = await openRawSocket(`${server.wsUrl}/${meetingId}`, { cookie });

    const out = await polyphony(
      'staff',
      'remove',
      '--team',
      sara.team.id,
      '--email',
      'SARA@east.fi',
      '--json',
    );
    expect(JSON.parse(out.stdout)).toMatchObject({ networks: 1, sessionsEnded: 1 });
    // Another process changed the store: the server's access sweep finds the departure within a second.
    expect(await closedWithin(socket.closed, 10_000)).toEqual(CloseCodes.teamAccessEnded);
    expect((await get(`/api/networks/${networkId}`, cookie)).status).toBe(403);
    expect((await teamPage(cookie)).teams.map((t) => t.name)).toEqual(['Leaving Far East']);
    await expect(
      polyphony('staff', 'remove', `--team=${sara.team.id}`, '--email', 'sara@east.fi'),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('is not in') });
    // Out of the last team too: the session itself ends, and every call asks to sign in again.
    await polyphony('staff', 'remove', '--team', 'Leaving Far East', '--email', 'sara@east.fi');
    expect((await get(`/api/networks/${networkId}`, cookie)).status).toBe(401);
    expect((await get('/api/team', cookie)).status).toBe(401);
  });

  it('[SL8] the team page: last and next meeting, what is new, my open plan items, found by first name', async () => {
    const maria = await addStaff('--team', 'Page West', '--name', 'Maria', '--email', 'maria@west.fi');
    const pekka = await addStaff('--team', 'Page West', '--name', 'Pekka', '--email', 'pekka@west.fi');
    const anna = await seedTeamNetwork(server.dataDir, maria.team.id, { centreName: 'Anna Virtanen' });
    await seedTeamNetwork(server.dataDir, maria.team.id, { centreName: 'Ben' });
    const mariaCookie = (await openLink(maria.link.url)).cookie!;
    const pekkaCookie = (await openLink(pekka.link.url)).cookie!;

    // Never opened: no content is read for her, only the meeting's dates.
    const first = await teamPage(mariaCookie);
    expect(first.teams[0]?.networks.map((n) => n.centreName)).toEqual(['Ben', 'Anna Virtanen']);
    expect(first.teams[0]?.networks[1]).toMatchObject({
      lastMeeting: { id: anna.meetingId, number: 1, closedAt: null },
      nextMeeting: null,
      lastSeenAt: null,
      myPlanItems: [],
    });

    expect((await get(`/api/networks/${anna.networkId}`, mariaCookie)).status).toBe(200);
    const writer = connectClient(server.wsUrl, anna.meetingId, { cookie: mariaCookie, ack: true });
    await waitForSync(writer);
    writer.doc.transact(() => {
      writer.doc.getXmlFragment('plan').insert(0, [
        block('planItem', 'Maria phones on Thursday', {
          status: 'open',
          doerName: 'Maria',
          byWhen: 'Thursday',
        }),
        block('planItem', 'Maria finds the old letter', { status: 'done', doerName: 'Maria' }),
        block('planItem', 'Eeva asks her sister', { status: 'open', doerName: 'Eeva' }),
      ]);
      writer.doc.getMap('meta').set('nextMeeting', { when: 'when_needed', convenerName: 'Maria' });
    });
    await waitForSaved(writer);
    writer.destroy();
    // Something new after she looked: Pekka begins working with the network.
    expect((await get(`/api/networks/${anna.networkId}`, pekkaCookie)).status).toBe(200);

    const page = await teamPage(mariaCookie, 'an');
    expect(page.teams[0]?.networks.map((n) => n.centreName)).toEqual(['Anna Virtanen']);
    expect(page.teams[0]?.more).toBe(false);
    const annaOnPage = page.teams[0]?.networks[0];
    expect(annaOnPage).toMatchObject({
      nextMeeting: { when: 'when_needed', convenerName: 'Maria' },
      myPlanItems: [{ text: 'Maria phones on Thursday', byWhen: 'Thursday' }],
    });
    expect(annaOnPage?.lastSeenAt).not.toBeNull();
    expect(annaOnPage?.newSince).toBeGreaterThanOrEqual(1);
    // The first name only, any case; nothing matches a surname.
    expect((await teamPage(mariaCookie, 'BE')).teams[0]?.networks.map((n) => n.centreName)).toEqual(['Ben']);
    expect((await teamPage(mariaCookie, 'Virtanen')).teams[0]?.networks).toEqual([]);
    expect((await get(`/api/team?q=${'a'.repeat(81)}`, mariaCookie)).status).toBe(400);
    // Reading the plan for the team page is in the network's log, as the network page is.
    const log = (await (await get(`/api/networks/${anna.networkId}/activity`, mariaCookie)).json()) as {
      kind: string;
      actor: { name: string } | null;
    }[];
    expect(log.map((e) => [e.kind, e.actor?.name])).toContainEqual(['network_viewed', 'Maria']);
    // Members are for the admins: Maria is not one.
    expect(page.teams[0]?.members).toEqual([]);
  });

  it('[SL10] a peer worker of the team joins its networks as a peer worker, not as a professional', async () => {
    const tiina = await addStaff(
      '--team',
      'Peer North',
      '--name',
      'Tiina',
      '--email',
      'tiina@north.fi',
      '--peer-worker',
    );
    const { networkId } = await seedTeamNetwork(server.dataDir, tiina.team.id, { centreName: 'Clara' });
    const cookie = (await openLink(tiina.link.url)).cookie!;
    const page = (await (await get(`/api/networks/${networkId}`, cookie)).json()) as {
      me: { name: string; role: string };
    };
    expect(page.me).toMatchObject({ name: 'Tiina', role: 'peer_worker' });
  });
});
