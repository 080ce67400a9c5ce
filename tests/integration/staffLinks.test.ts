/**
 * Staff sign-in without an identity provider (issue 17), against a real server process and the real
 * operator command: `polyphony staff add` prints a sign-in link; opening it gives a staff session
 * (HttpOnly cookie) and the team page; the professional's access to the team's networks comes from the
 * team, not from a link. Rule ids [SL1] … are carried in the test names.
 */
import type { TeamResponse } from '@polyphony/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLink, type ServerProcess, startServerProcess } from './helpers/serverProcess.js';
import { operatorOf, seedTeamNetwork } from './helpers/teams.js';

describe('staff sign-in links', () => {
  let server: ServerProcess;
  const { polyphony, addStaff } = operatorOf(() => server);
  const team = (cookie: string) => fetch(`${server.url}/api/team`, { headers: { cookie } });

  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('[SL1] staff add prints a link that signs in once, with an HttpOnly session, to the team page', async () => {
    const started = Date.now();
    const added = await addStaff(
      '--team',
      'Crisis team North',
      '--name',
      'Maria',
      '--email',
      'Maria@Pohjola.fi',
      '--admin',
    );
    expect(added.link.url).toMatch(new RegExp(`^${server.url}/staff/[A-Za-z0-9_-]{20,}$`));
    // Shorter-lived than a relative's 30-day link: a day.
    expect(Date.parse(added.link.expiresAt) - started).toBeLessThanOrEqual(24 * 3600_000 + 60_000);
    expect(Date.parse(added.link.expiresAt) - started).toBeGreaterThan(23 * 3600_000);

    const response = await fetch(added.link.url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/team');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0] as string;

    const page = await team(cookie);
    expect(page.status).toBe(200);
    expect((await page.json()) as TeamResponse).toEqual({
      staff: { id: added.staff.id, name: 'Maria', email: 'maria@pohjola.fi' },
      teams: [
        {
          id: added.team.id,
          name: 'Crisis team North',
          role: 'admin',
          kind: 'professional',
          networks: [],
          more: false,
          requests: [],
          members: [
            {
              id: added.staff.id,
              name: 'Maria',
              email: 'maria@pohjola.fi',
              role: 'admin',
              kind: 'professional',
            },
          ],
        },
      ],
    });
    // Used once: the same link again (a forwarded message, the browser's history) opens nothing.
    expect((await openLink(added.link.url)).location).toBe('/link-problem?reason=revoked');
    // Without a staff session there is no team page.
    expect((await fetch(`${server.url}/api/team`)).status).toBe(401);
  });

  it('[SL2] running staff add again renews the link: the old one stops working; still one person in one team', async () => {
    const first = await addStaff(
      '--team',
      'Crisis team North',
      '--name',
      'Pekka',
      '--email',
      'pekka@pohjola.fi',
      '--peer-worker',
    );
    const second = await addStaff(
      '--team',
      'Crisis team North',
      '--name',
      'Pekka',
      '--email',
      'pekka@pohjola.fi',
      '--peer-worker',
    );
    expect(second.staff.id).toBe(first.staff.id);
    expect(second.team.id).toBe(first.team.id);
    expect((await openLink(first.link.url)).location).toBe('/link-problem?reason=revoked');
    const opened = await openLink(second.link.url);
    expect(opened.location).toBe('/team');
    const body = (await (await team(opened.cookie!)).json()) as TeamResponse;
    expect(body.teams).toEqual([expect.objectContaining({ role: 'member', kind: 'peer_worker' })]);
    await expect(
      polyphony('staff', 'add', '--team', 'X', '--name', 'Y', '--email', 'not-an-address'),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is not an e-mail address'),
    });
  });

  it('[SL3] a professional reaches the team’s networks through the team — whole history, logged — and no other team’s', async () => {
    const maria = await addStaff(
      '--team',
      'Crisis team East',
      '--name',
      'Maria',
      '--email',
      'maria.east@pohjola.fi',
    );
    const other = await addStaff(
      '--team',
      'Crisis team West',
      '--name',
      'Sara',
      '--email',
      'sara@pohjola.fi',
    );
    // A network of the team with a relative in it, as the team page would start it.
    const { networkId } = await seedTeamNetwork(server.dataDir, maria.team.id);
    const signedIn = (await openLink(maria.link.url)).cookie!;
    const page = (await (await team(signedIn)).json()) as TeamResponse;
    expect(page.teams[0]?.networks.map((n) => n.centreName)).toEqual(['Anna']);

    const network = await fetch(`${server.url}/api/networks/${networkId}`, { headers: { cookie: signedIn } });
    expect(network.status).toBe(200);
    const detail = (await network.json()) as { people: { name: string; role: string }[] };
    expect(detail.people.map((p) => [p.name, p.role])).toEqual([
      ['Eeva', 'network_member'],
      ['Maria', 'professional'],
    ]);
    const activity = (await (
      await fetch(`${server.url}/api/networks/${networkId}/activity`, { headers: { cookie: signedIn } })
    ).json()) as { kind: string; actor: { name: string } | null }[];
    expect(activity.map((e) => [e.kind, e.actor?.name])).toContainEqual(['joined_from_team', 'Maria']);

    // A professional of another team is not told the network exists.
    const outsider = (await openLink(other.link.url)).cookie!;
    expect(
      (await fetch(`${server.url}/api/networks/${networkId}`, { headers: { cookie: outsider } })).status,
    ).toBe(404);
  });

  it('[SL4] staff start networks inside their team; once a team exists (and ALLOW_ANONYMOUS_START is not set), anonymous starts are off', async () => {
    const fresh = await startServerProcess();
    try {
      const start = (cookie?: string, extra: Record<string, unknown> = {}) =>
        fetch(`${fresh.url}/api/networks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
          body: JSON.stringify({
            centreName: 'Anna',
            me: { name: 'Someone', relation: '', role: 'professional' },
            people: [{ name: 'Eeva', relation: 'mother', role: 'network_member' }],
            ...extra,
          }),
        });
      const settings = async () =>
        ((await (await fetch(`${fresh.url}/api/settings`)).json()) as { anonymousStart: boolean })
          .anonymousStart;
      // No team yet: the first command still starts Polyphony as today.
      expect(await settings()).toBe(true);
      expect((await start()).status).toBe(201);

      const added = await operatorOf(() => fresh).addStaff(
        '--team',
        'Crisis team North',
        '--name',
        'Maria',
        '--email',
        'maria@pohjola.fi',
      );
      expect(await settings()).toBe(false);
      const refused = await start();
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: string }).error).toBe('anonymous_start_off');

      const cookie = (await openLink(added.link.url)).cookie!;
      const started = await start(cookie);
      expect(started.status).toBe(201);
      const body = (await started.json()) as { network: { id: string }; me: { name: string; role: string } };
      // The starter is the signed-in professional, whatever name the form carried.
      expect(body.me).toMatchObject({ name: 'Maria', role: 'professional' });
      const page = (await (
        await fetch(`${fresh.url}/api/team`, { headers: { cookie } })
      ).json()) as TeamResponse;
      expect(page.teams[0]?.networks.map((n) => n.id)).toEqual([body.network.id]);
      // Still the staff session: the network page opens through the team.
      expect(
        (await fetch(`${fresh.url}/api/networks/${body.network.id}`, { headers: { cookie } })).status,
      ).toBe(200);
      // A team that is not theirs is not told apart from one that does not exist.
      expect((await start(cookie, { teamId: 'not-their-team' })).status).toBe(404);
    } finally {
      await fresh.stop();
    }
  });

  it('[SL5] an expired link asks the team for a new one; a professional sends it; the relative is back in; all in the log', async () => {
    const maria = await addStaff(
      '--team',
      'Crisis team South',
      '--name',
      'Maria',
      '--email',
      'maria.south@pohjola.fi',
    );
    // Eeva's link expired a minute ago.
    const { networkId, meetingId, eeva, eevaToken } = await seedTeamNetwork(server.dataDir, maria.team.id, {
      linkEndsInMs: -60_000,
    });
    const expired = await fetch(`${server.url}/join/${eevaToken}`, { redirect: 'manual' });
    expect(expired.headers.get('location')).toBe('/link-problem?reason=expired');
    const waiting = (expired.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(waiting).toMatch(/^polyphony_expired_link=/);
    // Without having opened the expired link, there is nothing to ask for.
    expect((await fetch(`${server.url}/api/link-requests`, { method: 'POST' })).status).toBe(404);
    expect(
      (await fetch(`${server.url}/api/link-requests`, { method: 'POST', headers: { cookie: waiting } }))
        .status,
    ).toBe(204);

    const staffCookie = (await openLink(maria.link.url)).cookie!;
    const page = (await (await team(staffCookie)).json()) as TeamResponse;
    expect(page.teams[0]?.requests).toEqual([
      { networkId, participantId: eeva.id, name: 'Eeva', at: expect.any(String) },
    ]);
    const reissued = await fetch(`${server.url}/api/networks/${networkId}/people/${eeva.id}/reissue`, {
      method: 'POST',
      headers: { cookie: staffCookie },
    });
    expect(reissued.status).toBe(201);
    const fresh = ((await reissued.json()) as { url: string }).url;
    const back = await openLink(fresh);
    expect(back.location).toBe(`/m/${meetingId}`);
    expect(
      (await fetch(`${server.url}/api/networks/${networkId}`, { headers: { cookie: back.cookie! } })).status,
    ).toBe(200);
    // Answered: no longer on the team page.
    const after = (await (await team(staffCookie)).json()) as TeamResponse;
    expect(after.teams[0]?.requests).toEqual([]);
    const log = (await (
      await fetch(`${server.url}/api/networks/${networkId}/activity`, { headers: { cookie: staffCookie } })
    ).json()) as { kind: string; actor: { name: string } | null; subject: { name: string } | null }[];
    const story = log.map((e) => [e.kind, e.actor?.name ?? null, e.subject?.name ?? null]).reverse();
    expect(story).toEqual(
      expect.arrayContaining([
        ['link_requested', 'Eeva', null],
        ['joined_from_team', 'Maria', null],
        ['link_reissued', 'Maria', 'Eeva'],
        ['joined', 'Eeva', null],
      ]),
    );
    const kinds = story.map(([kind]) => kind);
    expect(kinds.indexOf('link_requested')).toBeLessThan(kinds.indexOf('link_reissued'));
    expect(kinds.lastIndexOf('joined')).toBeGreaterThan(kinds.indexOf('link_reissued'));
  });
});
