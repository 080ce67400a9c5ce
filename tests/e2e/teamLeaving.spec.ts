/**
 * The team's work in Chromium (issue 17), against the real built server, the real operator command and
 * a real LiveKit server on loopback: the team page with each network's meetings, what is new and the
 * plan items that are yours, found by first name; a relative's request on the network page answered
 * with one click; and a professional removed from the team — their open meeting page and video close
 * (the issue asks for 2 s: measured and printed, asserted with a generous wait) and API calls fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { openDatabase } from '@polyphony/server/persistence/database';
import { operatorOf } from './operator.js';
import { repoRoot } from './server.js';
import { FAKE_MEDIA, withVideoServers } from './videoSetup.js';

const shots = path.join(repoRoot, 'tests/e2e/screenshots');

test.use(FAKE_MEDIA);

test.describe('the team page and leaving the team', () => {
  const setUp = withVideoServers('e2e leaving the team, with video', { timeoutMs: 240_000, optional: true });

  const { addStaff } = operatorOf(() => setUp.server);

  async function signIn(context: BrowserContext, url: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(url);
    await expect(page).toHaveURL(`${setUp.server.url}/team`);
    return page;
  }

  test('the team page, a request on the network page, and a professional removed: meeting and video close, API refused', async ({
    browser,
  }) => {
    const maria = await addStaff(
      '--team',
      'Crisis team North',
      '--name',
      'Maria',
      '--email',
      'maria@north.fi',
      '--admin',
    );
    const pekka = await addStaff(
      '--team',
      'Crisis team North',
      '--name',
      'Pekka',
      '--email',
      'pekka@north.fi',
    );
    const mariaContext = await browser.newContext({ baseURL: setUp.server.url });
    const mariaTeam = await signIn(mariaContext, maria.link.url);
    const start = async (centreName: string) => {
      const started = await mariaTeam.request.post(`${setUp.server.url}/api/networks`, {
        data: {
          centreName,
          me: { name: 'Maria', relation: '', role: 'professional' },
          people: [{ name: 'Liisa', relation: 'mother', role: 'network_member' }],
        },
        headers: { origin: setUp.server.url },
      });
      expect(started.status()).toBe(201);
      return (await started.json()) as {
        network: { id: string };
        meeting: { id: string; path: string };
        invitations: { url: string; participant: { id: string; name: string } }[];
      };
    };
    await start('Ben');
    const anna = await start('Anna');

    // Maria has Anna's meeting open.
    const mariaMeeting = await mariaContext.newPage();
    await mariaMeeting.goto(anna.meeting.path);
    await expect(mariaMeeting.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

    // Liisa's link lapses; she asks the team; the request is on the network page, answered in one click.
    const liisa = anna.invitations.find((each) => each.participant.name === 'Liisa')!;
    const db = openDatabase(setUp.server.dataDir);
    db.prepare('UPDATE invitations SET expires_at = ? WHERE participant_id = ?').run(
      new Date(Date.now() - 1000).toISOString(),
      liisa.participant.id,
    );
    db.close();
    const family = await browser.newContext({ baseURL: setUp.server.url });
    const liisaPage = await family.newPage();
    await liisaPage.goto(liisa.url);
    await liisaPage.getByRole('button', { name: 'Ask the team for a new link' }).click();
    await expect(liisaPage.getByRole('status')).toBeVisible();
    const networkPage = await mariaContext.newPage();
    await networkPage.goto(`/n/${anna.network.id}`);
    const liisaOnPage = networkPage.locator('[data-testid="person"][data-name="Liisa"]');
    await expect(liisaOnPage.getByTestId('link-request')).toBeVisible();
    await fs.promises.mkdir(shots, { recursive: true });
    await networkPage.setViewportSize({ width: 360, height: 740 });
    await liisaOnPage.scrollIntoViewIfNeeded();
    await networkPage.screenshot({ path: path.join(shots, 'link-request-phone.png') });
    await liisaOnPage.getByRole('button', { name: 'Send Liisa a new link' }).click();
    const fresh = liisaOnPage.getByTestId('invitation-url');
    await expect(fresh).toBeVisible();
    await expect(liisaOnPage.getByTestId('link-request')).toHaveCount(0);
    await family.close();

    // Pekka signs in, opens Anna's network from the team page, the meeting, and the video.
    const pekkaContext = await browser.newContext({ baseURL: setUp.server.url });
    const pekkaTeam = await signIn(pekkaContext, pekka.link.url);
    // Pekka works in a second team too, so his session outlives his place in North's.
    await addStaff('--team', 'Crisis team South', '--name', 'Pekka', '--email', 'pekka@north.fi');
    await expect(pekkaTeam.getByTestId('team-network')).toHaveCount(2);
    await pekkaTeam.getByTestId('team-search').fill('an');
    await pekkaTeam.getByRole('button', { name: 'Find', exact: true }).click();
    await expect(pekkaTeam.getByTestId('team-network')).toHaveCount(1);
    await expect(pekkaTeam.getByTestId('team-network')).toHaveAttribute('data-centre', 'Anna');
    await pekkaTeam.getByRole('link', { name: /Anna/ }).click();
    await expect(pekkaTeam).toHaveURL(`${setUp.server.url}/n/${anna.network.id}`);
    const pekkaMeeting = await pekkaContext.newPage();
    await pekkaMeeting.goto(anna.meeting.path);
    await expect(pekkaMeeting.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    if (setUp.livekit) {
      for (const page of [pekkaMeeting, mariaMeeting]) {
        await page.getByTestId('join-video').click();
        await page.getByTestId('join-video-now').click();
        await expect(page.locator('[data-testid="video-tile"][data-local="true"]')).toBeVisible();
      }
    }

    // Maria's team page: what is new (Pekka began working with Anna's network), the members.
    await mariaTeam.reload();
    const annaItem = mariaTeam.locator('[data-testid="team-network"][data-centre="Anna"]');
    await expect(annaItem.getByTestId('new-since')).toContainText('New since you last looked');
    await expect(annaItem.getByTestId('next-meeting')).toBeVisible();
    for (const [width, height, name] of [
      [360, 740, 'team-page-phone.png'],
      [1280, 800, 'team-page-desktop.png'],
    ] as const) {
      await mariaTeam.setViewportSize({ width, height });
      await mariaTeam.screenshot({ path: path.join(shots, name), fullPage: true });
    }

    // Maria takes Pekka out of the team.
    const pekkaItem = mariaTeam.locator('[data-testid="team-member"][data-name="Pekka"]');
    await pekkaItem.getByRole('button', { name: 'Remove Pekka from the team' }).click();
    const removedAt = Date.now();
    const answered = mariaTeam.waitForResponse((response) => response.request().method() === 'DELETE');
    await pekkaItem.getByRole('button', { name: 'Yes, remove' }).click();
    await answered;
    console.log(
      `leaving the team: the server answered the removal ${Date.now() - removedAt} ms after the click`,
    );
    await expect(pekkaMeeting.getByTestId('meeting-ended')).toBeVisible({ timeout: 10_000 });
    // It says why: he was taken out of the team, not "This link was revoked".
    await expect(pekkaMeeting.getByRole('heading', { level: 1 })).toHaveText(
      'You were removed from the team',
    );
    await expect(pekkaMeeting.getByTestId('meeting-ended')).toHaveAttribute('data-end', 'leftTeam');
    if (setUp.livekit) {
      await expect(pekkaMeeting.getByTestId('video-ended')).toHaveText(
        'You left the video because you were removed from the team.',
      );
    }
    await pekkaMeeting.screenshot({ path: path.join(shots, 'removed-from-team.png') });
    console.log(`leaving the team: the meeting page closed ${Date.now() - removedAt} ms after the click`);
    if (setUp.livekit) {
      await expect(mariaMeeting.locator('[data-testid="video-tile"]:not([data-local="true"])')).toHaveCount(
        0,
        {
          timeout: 10_000,
        },
      );
      console.log(
        `leaving the team: video gone from the other's page ${Date.now() - removedAt} ms after the click`,
      );
    }
    await expect(pekkaItem).toHaveCount(0);
    // Every API call fails now.
    const refused = await pekkaMeeting.request.get(`/api/networks/${anna.network.id}`);
    expect([401, 403]).toContain(refused.status());
    const meeting = await pekkaMeeting.request.get(`/api/meetings/${anna.meeting.id}`);
    expect([401, 403]).toContain(meeting.status());
    const video = await pekkaMeeting.request.post(`/api/video/meetings/${anna.meeting.id}/token`, {
      headers: { origin: setUp.server.url },
    });
    expect([401, 403, 404]).toContain(video.status());
    // Opened again with the session he still has (South), the meeting and the network say why as well.
    await pekkaMeeting.reload();
    await expect(pekkaMeeting.getByRole('heading', { level: 1 })).toHaveText(
      'You were removed from the team',
    );
    await pekkaMeeting.goto(`/n/${anna.network.id}`);
    await expect(pekkaMeeting.getByTestId('network-left-team')).toBeVisible();
    await mariaContext.close();
    await pekkaContext.close();
  });
});
