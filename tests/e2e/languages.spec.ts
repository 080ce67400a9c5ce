/**
 * The interface in each person's own language: a professional reads it in English while a relative,
 * whose phone is Finnish, reads the same meeting in Finnish; she switches to Swedish with the picker,
 * and the choice outlives a reload. The document text itself — people's own words — is never translated;
 * the Markdown copy each downloads has its headings and phrases in their own language.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  addBlock,
  editor,
  expect,
  PHONE,
  screenshotDir,
  startNetwork,
  test,
  waitUntilEditable,
} from './networkMeeting.js';

/** The whole page on a phone, one screen at a time, to look at by eye. */
async function screens(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let top = 0, n = 1; top < height; top += PHONE.viewport.height, n++) {
    await page.screenshot({
      path: path.join(screenshotDir, `languages-${name}-phone-${n}.png`),
      fullPage: true,
      clip: {
        x: 0,
        y: top,
        width: PHONE.viewport.width,
        height: Math.min(PHONE.viewport.height, height - top),
      },
    });
  }
}

/** The meeting's Markdown, downloaded from the page's own link. */
async function downloadMarkdown(page: Page): Promise<string> {
  await page.getByTestId('meeting-menu').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-markdown').click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

function sectionHeading(page: Page, section: string) {
  return page.getByTestId(`section-${section}`).getByRole('heading', { level: 2 });
}

test('a professional in English and a relative in Finnish, then Swedish, read one meeting each in their own language', async ({
  browser,
  baseURL,
}) => {
  const { starter: maria, invitationOf } = await startNetwork(
    browser,
    baseURL!,
    { name: 'Maria', relation: 'psychiatrist', role: 'professional' },
    [{ name: 'Liisa', relation: 'äiti', role: 'network_member' }],
  );
  await expect(sectionHeading(maria.page, 'dialogue')).toHaveText('What people said');
  await expect(maria.page.locator('html')).toHaveAttribute('lang', 'en');

  // The relative's phone speaks Finnish: the interface does too, from the first page on.
  const context = await browser.newContext({ baseURL, ...PHONE, locale: 'fi-FI' });
  const liisa = await context.newPage();
  await liisa.goto(invitationOf('Liisa').url);
  await expect(liisa).toHaveURL(/\/m\/[A-Za-z0-9_-]+$/);
  await waitUntilEditable(liisa);
  await expect(liisa.locator('html')).toHaveAttribute('lang', 'fi');
  await expect(liisa.getByTestId('language-picker')).toHaveValue('fi');
  await expect(sectionHeading(liisa, 'dialogue')).toHaveText('Mitä sanottiin');
  await expect(sectionHeading(liisa, 'reflections')).toHaveText('Reflektiot');
  await expect(sectionHeading(liisa, 'plan')).toHaveText('Suunnitelma');
  await expect(liisa.getByTestId('save-status')).toHaveText(/Tallennettu/);
  await expect(liisa.getByTestId('add-dialogue')).toHaveText('Lisää mitä sanoin');
  // …while the professional's stays English: each person's choice is their own.
  await expect(sectionHeading(maria.page, 'dialogue')).toHaveText('What people said');

  // People's words cross unchanged, whatever language each interface is in.
  await addBlock(maria.page, 'dialogue', 'We talked about sleep and the weekend.');
  await expect(editor(liisa, 'dialogue')).toContainText('We talked about sleep and the weekend.');
  await addBlock(liisa, 'dialogue', 'Äiti: nukun huonosti, mutta tänään on parempi.');
  await expect(editor(maria.page, 'dialogue')).toContainText(
    'Äiti: nukun huonosti, mutta tänään on parempi.',
  );
  await expect(maria.page.getByTestId('voice-block').last()).toContainText('Liisa');

  // Each keeps a copy in their own language: the headings and phrases translated, the words as written.
  const liisaCopy = await downloadMarkdown(liisa);
  for (const heading of ['## Mitä sanottiin', '## Reflektiot', '## Suunnitelma', '## Seuraava tapaaminen']) {
    expect(liisaCopy.split('\n')).toContain(heading);
  }
  expect(liisaCopy).toMatch(/^# Kokous 1: /m);
  expect(liisaCopy).toMatch(/^Verkosto: /m);
  expect(liisaCopy).toContain('Äiti: nukun huonosti, mutta tänään on parempi.');
  expect(liisaCopy).toContain('We talked about sleep and the weekend.');
  expect(liisaCopy).not.toContain('What people said');
  const mariaCopy = await downloadMarkdown(maria.page);
  expect(mariaCopy.split('\n')).toContain('## What people said');
  expect(mariaCopy).toContain('Äiti: nukun huonosti, mutta tänään on parempi.');

  // A phone in Finnish, then in German: long words must fit their buttons (looked at by eye).
  await screens(liisa, 'fi');
  await liisa.getByTestId('language-picker').selectOption('de');
  await expect(sectionHeading(liisa, 'dialogue')).toHaveText('Was gesagt wurde');
  await screens(liisa, 'de');

  // She switches to Swedish: the page follows at once, <html lang> too.
  await liisa.getByTestId('language-picker').selectOption('sv');
  await expect(sectionHeading(liisa, 'dialogue')).toHaveText('Vad som sades');
  await expect(sectionHeading(liisa, 'openQuestions')).toHaveText('Ännu inte känt');
  await expect(liisa.getByTestId('add-dialogue')).toHaveText('Lägg till vad jag sa');
  await expect(liisa.locator('html')).toHaveAttribute('lang', 'sv');
  // Her copy follows her choice, not her phone's language (which still says Finnish).
  await expect(liisa.getByTestId('download-markdown')).toHaveAttribute('href', /\?lang=sv$/);
  const swedishCopy = await downloadMarkdown(liisa);
  expect(swedishCopy.split('\n')).toContain('## Vad som sades');
  expect(swedishCopy).toContain('Äiti: nukun huonosti, mutta tänään on parempi.');

  // The choice is remembered on this device, over the browser's own language.
  await liisa.reload();
  await waitUntilEditable(liisa);
  await expect(liisa.getByTestId('language-picker')).toHaveValue('sv');
  await expect(sectionHeading(liisa, 'dialogue')).toHaveText('Vad som sades');
  await expect(editor(liisa, 'dialogue')).toContainText('We talked about sleep and the weekend.');
  await expect(liisa.getByTestId('save-status')).toHaveText(/Sparat/);

  // Still nobody else's business: the professional reads English throughout.
  await expect(sectionHeading(maria.page, 'dialogue')).toHaveText('What people said');
  await expect(maria.page.getByTestId('save-status')).toHaveText(/Saved/);

  await context.close();
  await maria.context.close();
});

test('the start and network pages follow the browser’s language too, with the picker on each', async ({
  browser,
  baseURL,
}) => {
  // A German phone on the start page: the form speaks German, and the picker is there.
  const phone = await browser.newContext({ baseURL, ...PHONE, locale: 'de-DE' });
  const page = await phone.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByLabel('Wessen Netzwerk ist das?')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Treffen jetzt beginnen' })).toBeVisible();
  await expect(page.getByTestId('language-picker')).toHaveValue('de');
  await screens(page, 'de-start');

  // A relative in Finland opens her link, then the network page: both in Finnish.
  const { starter: maria, invitationOf } = await startNetwork(
    browser,
    baseURL!,
    { name: 'Maria', relation: 'psychiatrist', role: 'professional' },
    [{ name: 'Liisa', relation: 'äiti', role: 'network_member' }],
  );
  const finnish = await browser.newContext({ baseURL, ...PHONE, locale: 'fi-FI' });
  const liisa = await finnish.newPage();
  await liisa.goto(invitationOf('Liisa').url);
  await waitUntilEditable(liisa);
  // On a phone the header's link to the network is hidden; the page's own link is further down.
  await liisa.goto((await liisa.getByTestId('network-link').first().getAttribute('href'))!);
  await expect(liisa.getByRole('heading', { level: 1 })).toHaveText('Verkosto: Anna');
  await expect(liisa.getByRole('heading', { name: 'Kokoukset' })).toBeVisible();
  await expect(liisa.getByTestId('language-picker')).toHaveValue('fi');
  await expect(liisa.getByTestId('network-markdown')).toHaveAttribute('href', /\/export\.md\?lang=fi$/);
  await screens(liisa, 'fi-network');

  await phone.close();
  await finnish.close();
  await maria.context.close();
});
