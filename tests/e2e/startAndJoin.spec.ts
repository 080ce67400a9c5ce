/** Starting a meeting from nothing, joining it by name, and what the page looks like on two screens. */
import path from 'node:path';
import { editor, expect, PHONE, screenshotDir, test } from './fixtures.js';

test('start a meeting and land in it under your own name, with the shared page saved', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Polyphony' })).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, 'start.png'), fullPage: true });

  await page.getByLabel('Whose network is this?').fill('Anna');
  await page.getByLabel('Title of the meeting').fill('Anna and her family');
  await page.getByLabel('Your name, as you wish to be called').fill('Mirja');
  await page.getByRole('button', { name: 'Start the meeting now' }).click();
  await page.getByRole('link', { name: 'Go to the meeting' }).first().click();
  await expect(page).toHaveURL(/\/m\/[A-Za-z0-9_-]{22}$/);

  // Nobody is asked for a name: it comes from the start form (and, for everyone else, from their link).
  await expect(page.getByTestId('meeting-title')).toHaveValue('Anna and her family');
  for (const heading of ['What people said', 'Reflections', 'Plan', 'Not yet known']) {
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  }
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
  await expect(page.getByTestId('who-is-here')).toContainText('Mirja');
  await expect(page.getByTestId('your-name')).toHaveText(/Mirja/);

  await editor(page, 'dialogue').click();
  await page.keyboard.type('Anna: I have not slept for three nights.');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await page.screenshot({ path: path.join(screenshotDir, 'meeting-desktop.png'), fullPage: true });

  // A reload keeps who you are and what was written.
  await page.reload();
  await expect(page.getByTestId('your-name')).toHaveText(/Mirja/);
  await expect(editor(page, 'dialogue')).toContainText('I have not slept for three nights.');
});

test('a meeting that does not exist says so plainly', async ({ page, startNetwork }) => {
  await startNetwork({ context: page.context() });
  await page.goto('/m/AAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByRole('heading', { name: 'This meeting cannot be found' })).toBeVisible();
});

test('on a phone the meeting is one column, with nothing to scroll sideways', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ title: 'Anna and her family' });
  const context = await browser.newContext({ baseURL, ...PHONE });
  const page = await context.newPage();
  await page.goto(network.linkOf('Anna'));
  await page.screenshot({ path: path.join(screenshotDir, 'join-phone.png') });
  await expect(page.getByTestId('your-name')).toHaveText(/Anna/);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await editor(page, 'dialogue').tap();
  await page.keyboard.type('I want my mother to hear this too.');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  // Single column: the people list sits below the document, not beside it.
  const documentBox = await page.locator('main.document').boundingBox();
  const sidebarBox = await page.locator('aside.sidebar').boundingBox();
  expect(sidebarBox!.y).toBeGreaterThan(documentBox!.y + documentBox!.height - 1);
  // Big touch targets.
  const button = await page.getByTestId('raise-hand').boundingBox();
  expect(button!.height).toBeGreaterThanOrEqual(44);
  // The sticky header is one row (hand, save status, language), so the document keeps the screen; the
  // note that video is not set up stands under the title instead.
  const header = await page.locator('header.topbar').boundingBox();
  expect(header!.height).toBeLessThan(2 * 44);
  await expect(page.getByTestId('video-not-set-up')).toBeHidden();
  await expect(page.getByTestId('video-not-set-up-phone')).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, 'meeting-phone.png') });
  await page.screenshot({ path: path.join(screenshotDir, 'meeting-phone-full.png'), fullPage: true });
  await context.close();
});
