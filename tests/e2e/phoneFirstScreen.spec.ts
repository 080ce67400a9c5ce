/**
 * The document first on a phone (issue 18, part 2): at 360×740, in each of the eight languages, the first
 * editor starts on the first screen — during the reflecting phase too, when its banner is shown — and the
 * top bar is one row. History, "who wrote what" and the copies are behind one menu button that a keyboard
 * opens, Escape closes, and focus comes back to.
 */
import { LANGUAGES } from '@polyphony/shared';
import { expect, screenshotDir, setPhase, startNetwork, test, waitUntilEditable } from './networkMeeting.js';
import { expectOneRow, measureTopBar, PHONE_360 } from './topBar.js';

const MIA = { name: 'Mia', relation: 'psychiatric nurse', role: 'professional' } as const;
const ANNA = { name: 'Anna', relation: '', role: 'person_at_centre' } as const;

test('at 360×740 the first editor is on the first screen and the top bar is one row, in all eight languages', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MIA, [ANNA]);
  // The reflecting phase: its banner stands above the document, the reflections come first.
  await setPhase(network.starter.page, 'reflecting');
  for (const language of LANGUAGES) {
    const context = await browser.newContext({ baseURL, locale: language, ...PHONE_360 });
    const page = await context.newPage();
    await page.goto(network.invitationOf('Anna').url);
    await waitUntilEditable(page);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.getByTestId('reflecting-banner')).toBeVisible();
    const seen = await measureTopBar(page);
    expect(seen.editorTop, `${language}: the first editor's top`).toBeLessThan(740);
    expectOneRow(seen, language);
    await page.screenshot({ path: `${screenshotDir}/phone-first-screen-${language}.png` });
    await context.close();
  }
  await network.starter.context.close();
});

test('history, who wrote what and the copies are in one menu: a keyboard opens it, Escape closes it, focus returns', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MIA, [ANNA]);
  for (const [size, viewport] of [
    [360, PHONE_360],
    [1280, { viewport: { width: 1280, height: 800 } }],
  ] as const) {
    const context = await browser.newContext({ baseURL, ...viewport });
    const page = await context.newPage();
    await page.goto(network.invitationOf('Anna').url);
    await waitUntilEditable(page);
    const button = page.getByRole('button', { name: 'Revisit and keep a copy' });
    const panel = page.getByTestId('meeting-menu-panel');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(panel).toBeHidden();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(panel.getByRole('button', { name: 'History' })).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Download as Markdown' })).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Print / save as PDF' })).toBeVisible();
    await page.screenshot({ path: `${screenshotDir}/meeting-menu-open-${size}.png` });
    // Tab goes into the list, Escape closes it and focus is on the button again.
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'History' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();
    // A choice closes it too, and does what it says.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(panel).toBeHidden();
    await expect(button).toBeFocused();
    await expect(page.getByTestId('history-panel')).toBeVisible();
    await context.close();
  }
  await network.starter.context.close();
});
