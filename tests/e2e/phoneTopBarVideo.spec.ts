/**
 * With video set up (a real LiveKit server), the phone's top bar holds "Join video" too and is still one
 * row at 360 px in all eight languages (issue 18, part 2): video and the hand show their icons there.
 */
import { expect, test } from '@playwright/test';
import { LANGUAGES } from '@polyphony/shared';
import { screenshotDir } from './networkMeeting.js';
import { expectOneRow, measureTopBar, PHONE_360 } from './topBar.js';
import { withVideoServers } from './videoSetup.js';

test.describe('the phone top bar with video set up', () => {
  const setUp = withVideoServers('e2e phone top bar with video', { timeoutMs: 180_000 });

  test('"Join video", the hand, the save status, the language and the menu share one row at 360 px in all eight languages', async ({
    browser,
  }) => {
    const starter = await browser.newContext({ baseURL: setUp.server.url });
    const response = await starter.request.post('/api/networks', {
      data: {
        centreName: 'Anna',
        me: { name: 'Maria', relation: 'psychiatric nurse', role: 'professional' },
        people: [{ name: 'Eeva', relation: 'mother', role: 'network_member' }],
      },
    });
    expect(response.status()).toBe(201);
    const { invitations } = (await response.json()) as {
      invitations: { url: string; participant: { name: string } }[];
    };
    const eeva = invitations.find((each) => each.participant.name === 'Eeva')!.url;
    for (const language of LANGUAGES) {
      const context = await browser.newContext({ baseURL: setUp.server.url, locale: language, ...PHONE_360 });
      const page = await context.newPage();
      await page.goto(eeva);
      await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
      await expect(page.getByTestId('join-video')).toBeVisible();
      await expect(page.getByTestId('raise-hand')).toBeVisible();
      const seen = await measureTopBar(page);
      expect(seen.editorTop, `${language}: the first editor's top`).toBeLessThan(740);
      expectOneRow(seen, language);
      await page.screenshot({ path: `${screenshotDir}/phone-top-bar-video-${language}.png` });
      await context.close();
    }
    await starter.close();
  });
});
