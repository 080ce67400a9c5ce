/**
 * Revisiting the living document after the meeting: what others added since one's last visit is
 * highlighted (and one's own words are not), the version as agreed is one tap away, an afterthought is
 * marked as later and is news for the others; the history lists versions with their writers, reads them,
 * and goes back to one as new edits; search finds a word in an older meeting; the print page makes a
 * PDF with the speakers and the plan; every export is in the activity log.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { Invitation } from '@polyphony/shared';
import {
  addBlock,
  editor,
  expect,
  type Person,
  PHONE,
  screenshotDir,
  startNetwork,
  test,
  waitUntilEditable,
} from './networkMeeting.js';

const MARIA = { name: 'Maria', relation: 'psychiatrist', role: 'professional' } as const;
const LIISA = { name: 'Liisa', relation: 'mother', role: 'network_member' } as const;
const ANNA = { name: 'Anna', relation: '', role: 'person_at_centre' } as const;

test.beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
});

/** Whether a page's last-seen point was written (it is, once, on a first visit). */
function seenSaved(page: Page) {
  return page.waitForResponse(
    (response) => response.url().endsWith('/seen') && response.request().method() === 'PUT',
  );
}

/** Open a personal link on a device of its own, waiting until its first last-seen point is saved. */
async function firstVisit(browser: Browser, baseURL: string, invitation: Invitation, phone = false) {
  const context = await browser.newContext(
    phone ? { baseURL, ...PHONE } : { baseURL, viewport: { width: 1280, height: 800 } },
  );
  const page = await context.newPage();
  const saved = seenSaved(page);
  await page.goto(invitation.url);
  await waitUntilEditable(page);
  await saved;
  return { context, page } satisfies Person;
}

test('a relative comes back the next day: news highlighted, the agreed version, an afterthought that is news for the others', async ({
  browser,
  baseURL,
}) => {
  // The meeting: Maria writes; Liisa is there on her phone and writes too.
  const network = await startNetwork(browser, baseURL!, MARIA, [LIISA, ANNA]);
  const maria = network.starter.page;
  const meetingPath = network.started.meeting.path;
  await addBlock(maria, 'dialogue', 'We talked about the nights.');
  const liisaFirst = await firstVisit(browser, baseURL!, network.invitationOf('Liisa'), true);
  await addBlock(liisaFirst.page, 'dialogue', 'I can stay with her on Sundays.');
  await expect(liisaFirst.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await liisaFirst.context.close();

  // After Liisa has gone: Maria writes more, and closes the meeting.
  await addBlock(maria, 'dialogue', 'Anna slept better on Thursday.');
  await addBlock(maria, 'plan', 'Maria phones on Monday.');
  await maria.getByTestId('close-meeting').click();
  await maria.getByTestId('confirm-close').click();
  await expect(maria.getByTestId('closed-banner')).toBeVisible();
  await expect(maria.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await maria.close();

  // The day after, Liisa opens her link on her phone: what Maria added is highlighted, her own words not.
  const liisa = await firstVisitAgain(browser, baseURL!, network.invitationOf('Liisa'));
  const phone = liisa.page;
  await expect(phone.getByTestId('since-last-visit')).toContainText('new since your last visit');
  await expect(
    editor(phone, 'dialogue').locator('.news-text', { hasText: 'Anna slept better' }),
  ).toBeVisible();
  await expect(
    editor(phone, 'plan').locator('.news-text', { hasText: 'Maria phones on Monday' }),
  ).toBeVisible();
  await expect(editor(phone, 'dialogue').locator('.news-text', { hasText: 'I can stay' })).toHaveCount(0);
  await expect(
    editor(phone, 'dialogue').locator('.news-text', { hasText: 'We talked about the nights' }),
  ).toHaveCount(0);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await phone.screenshot({ path: path.join(screenshotDir, 'revisit-since-last-visit-phone.png') });
  await phone.screenshot({
    path: path.join(screenshotDir, 'revisit-since-last-visit-phone-full.png'),
    fullPage: true,
  });

  // "As agreed in the meeting", one tap away.
  await phone.getByTestId('show-agreed').click();
  await expect(phone.getByTestId('agreed-dialogue')).toContainText('Anna slept better on Thursday.');
  await expect(phone.getByTestId('agreed-plan')).toContainText('Maria phones on Monday.');
  await phone.getByTestId('show-agreed').click();

  // Her afterthought is marked as added later, by her.
  await addBlock(phone, 'dialogue', 'Afterthought: Sundays are hard for me too.');
  const later = phone.locator('.later-addition', { hasText: 'Sundays are hard' });
  await expect(later).toHaveAttribute('data-label', /^added later by Liisa, /);
  await expect(phone.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  // Marking as seen takes the highlights away, and moves her last-seen point on.
  const marked = seenSaved(phone);
  await phone.getByTestId('mark-seen').click();
  await marked;
  await expect(phone.locator('.news-text')).toHaveCount(0);
  await expect(phone.getByTestId('since-last-visit')).toHaveCount(0);
  await liisa.context.close();

  // Maria's next visit: the network page says meeting 1 has news for her, and the afterthought is
  // highlighted in it (her own words are not).
  const desk = await network.starter.context.newPage();
  await desk.goto(`/n/${network.started.network.id}`);
  const first = desk.getByTestId('timeline-meeting').filter({ hasText: 'Meeting 1' });
  await expect(first.getByTestId('news-badge')).toHaveText('New for you');
  await first.getByRole('link', { name: 'Read meeting 1' }).click();
  await expect(desk).toHaveURL(new RegExp(`${meetingPath}$`));
  await expect(desk.getByTestId('since-last-visit')).toBeVisible();
  const news = editor(desk, 'dialogue').locator('.news-text', { hasText: 'Sundays are hard' });
  await expect(news).toBeVisible();
  await expect(news).toHaveAttribute('title', /written by Liisa/);
  await expect(editor(desk, 'dialogue').locator('.news-text', { hasText: 'Anna slept better' })).toHaveCount(
    0,
  );

  // "Who wrote what": each person's text in their colour, with their name.
  await desk.getByTestId('meeting-menu').click();
  await desk.getByTestId('who-wrote-what').click();
  await expect(desk.getByTestId('who-wrote-legend')).toContainText('Liisa');
  await expect(
    editor(desk, 'dialogue').locator('.author-text', { hasText: 'I can stay with her on Sundays.' }),
  ).toHaveAttribute('title', 'Written by Liisa');
  await expect(
    editor(desk, 'dialogue').locator('.author-text', { hasText: 'Anna slept better on Thursday.' }),
  ).toHaveAttribute('title', 'Written by Maria');
  await desk.screenshot({ path: path.join(screenshotDir, 'revisit-who-wrote-what.png'), fullPage: true });
  await network.starter.context.close();
});

/** A later visit from a new phone: the same person, a later-seen point already on the server. */
async function firstVisitAgain(browser: Browser, baseURL: string, invitation: Invitation): Promise<Person> {
  const context = await browser.newContext({ baseURL, ...PHONE });
  const page = await context.newPage();
  await page.goto(invitation.url);
  await waitUntilEditable(page);
  return { context, page };
}

test('the history lists versions with their writers, reads one, and goes back to it as new edits', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MARIA, [LIISA]);
  const maria = network.starter.page;
  await addBlock(maria, 'dialogue', 'The first words of the meeting.');
  await expect(maria.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await maria.getByTestId('close-meeting').click();
  await maria.getByTestId('confirm-close').click();
  await expect(maria.getByTestId('closed-banner')).toBeVisible();

  // Afterwards the words are replaced by others.
  await editor(maria, 'dialogue').click();
  await maria.keyboard.press('ControlOrMeta+a');
  await maria.keyboard.press('Backspace');
  await maria.keyboard.type('Something else entirely.');
  await expect(editor(maria, 'dialogue')).not.toContainText('The first words');
  await expect(maria.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  // The history: the version taken at closing, with who was writing.
  await maria.getByTestId('meeting-menu').click();
  await maria.getByTestId('open-history').click();
  const closing = maria.getByTestId('version').filter({ hasText: 'When the meeting was closed' });
  await expect(closing.getByTestId('version-writers')).toHaveText('Written by Maria');
  await expect(maria.getByTestId('history-agreed')).toBeVisible();
  await maria.screenshot({ path: path.join(screenshotDir, 'revisit-history.png'), fullPage: true });

  // Read it: the old text, read-only.
  await closing.getByTestId('version-open').click();
  await expect(maria.getByTestId('version-dialogue')).toContainText('The first words of the meeting.');
  await expect(maria.getByTestId('version-dialogue')).not.toContainText('Something else');
  await expect(maria.getByTestId('version-dialogue')).toHaveAttribute('contenteditable', 'false');
  await maria.screenshot({ path: path.join(screenshotDir, 'revisit-version.png'), fullPage: true });

  // Go back to it: asked first; the old text returns as new edits by Maria, for Liisa too.
  const liisa = await firstVisit(browser, baseURL!, network.invitationOf('Liisa'));
  await expect(editor(liisa.page, 'dialogue')).toContainText('Something else entirely.');
  await maria.getByTestId('restore-version').click();
  // The question tells what happens: the text of now is kept first, as a version of its own.
  await expect(maria.getByTestId('confirm-restore-panel')).toContainText(
    'the text as it reads now is kept in this history as a version of its own',
  );
  // Maria's new words were typed after closing: an afterthought, which going back keeps (and says so).
  await expect(maria.getByTestId('afterthoughts-stay')).toContainText('Maria: “Something else entirely.”');
  await maria.getByTestId('confirm-restore').click();
  await expect(maria.getByTestId('restored-note')).toContainText('added as new edits by you');
  await expect(editor(liisa.page, 'dialogue')).toContainText('The first words of the meeting.');
  await expect(
    editor(liisa.page, 'dialogue').locator('.later-addition', { hasText: 'Something else entirely.' }),
  ).toHaveAttribute('data-label', /^added later by Maria, /);
  await liisa.page.getByTestId('meeting-menu').click();
  await liisa.page.getByTestId('who-wrote-what').click();
  await expect(
    editor(liisa.page, 'dialogue').locator('.author-text', { hasText: 'The first words' }),
  ).toHaveAttribute('title', 'Written by Maria');

  // The history is not rewritten: the closing version reads the same, and the restore is a new version.
  await expect(maria.getByTestId('version').first()).toHaveAttribute('data-kind', 'restore');
  await maria
    .getByTestId('version')
    .filter({ hasText: 'When the meeting was closed' })
    .getByTestId('version-open')
    .click();
  await expect(maria.getByTestId('version-dialogue')).toContainText('The first words of the meeting.');
  await expect(maria.getByTestId('version-dialogue')).not.toContainText('Something else');
  await maria.getByTestId('version-back').click();
  await maria.getByTestId('history-close').click();
  await expect(editor(maria, 'dialogue')).toContainText('The first words of the meeting.');

  await liisa.context.close();
  await network.starter.context.close();
});

test('search finds a word in an older meeting; the print page makes a PDF with the speakers and the plan', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MARIA, [LIISA]);
  const maria = network.starter.page;
  const firstPath = network.started.meeting.path;
  const liisa = await firstVisit(browser, baseURL!, network.invitationOf('Liisa'));
  await addBlock(liisa.page, 'dialogue', 'Her grandmother’s garden was where she felt calm.');
  await addBlock(maria, 'reflections', 'I wonder whether the garden could be a place to meet.');
  await maria.getByTestId('reflection').getByTestId('respond').click();
  await maria.keyboard.type('Maybe in spring.');
  await addBlock(maria, 'plan', 'Maria calls the family on Friday.');
  const item = liisa.page.getByTestId('plan-item').filter({ hasText: 'calls the family on Friday' });
  await item.getByTestId('plan-differ').click();
  await expect(maria.getByTestId('plan-item').getByTestId('plan-differs')).toContainText('Liisa');
  await expect(liisa.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await expect(maria.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await liisa.context.close();
  await maria.getByTestId('close-meeting').click();
  await maria.getByTestId('confirm-close').click();
  await maria.getByTestId('start-next-meeting').click();
  await expect(maria).not.toHaveURL(new RegExp(`${firstPath}$`));
  await waitUntilEditable(maria);

  // From the network page, search finds the word in meeting 1 and leads there.
  await maria.goto(`/n/${network.started.network.id}`);
  await maria.getByTestId('search-input').fill('GARDEN');
  await maria.getByTestId('search-submit').click();
  const hit = maria.getByTestId('search-hit').filter({ hasText: 'What people said' });
  await expect(hit).toContainText('Meeting 1');
  await expect(hit.locator('mark')).toHaveText('garden');
  await maria.screenshot({ path: path.join(screenshotDir, 'revisit-search.png'), fullPage: true });
  await hit.getByRole('link').click();
  await expect(maria).toHaveURL(new RegExp(`${firstPath}$`));
  await expect(editor(maria, 'dialogue')).toContainText('grandmother’s garden');

  // Markdown, from the meeting page.
  await maria.getByTestId('meeting-menu').click();
  const [download] = await Promise.all([
    maria.waitForEvent('download'),
    maria.getByTestId('download-markdown').click(),
  ]);
  const markdownPath = path.join(screenshotDir, 'revisit-meeting.md');
  await download.saveAs(markdownPath);

  // Print / save as PDF: the print page, through Chromium's PDF printer.
  await maria.getByTestId('meeting-menu').click();
  await maria.getByTestId('print-link').click();
  await expect(maria).toHaveURL(new RegExp(`${firstPath}/print$`));
  const printed = maria.waitForResponse(
    (response) => response.url().endsWith('/exported') && response.request().method() === 'POST',
  );
  await expect(maria.getByTestId('print-dialogue')).toContainText('garden');
  await expect(maria.getByTestId('print-plan')).toContainText('Maria calls the family on Friday.');
  await maria.screenshot({ path: path.join(screenshotDir, 'revisit-print-page.png'), fullPage: true });
  // The button opens the browser's print window ("beforeprint", then logged as an export). Chromium keeps
  // that page "being printed" for as long as its print window is open, which headless Chromium 156 never
  // closes, so the PDF is made the way a person's "Save as PDF" makes it, from the same print page opened
  // in a tab of its own: whether the print window has closed by then is not this test's business.
  await maria.getByTestId('print-now').click();
  expect((await printed).status()).toBe(204);
  const paper = await maria.context().newPage();
  await paper.goto(maria.url());
  await expect(paper.getByTestId('print-plan')).toContainText('Maria calls the family on Friday.');
  const pdf = await paper.pdf({ format: 'A4', printBackground: true });
  await paper.close();
  const pdfPath = path.join(screenshotDir, 'revisit-meeting.pdf');
  await writeFile(pdfPath, pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // pdftotext is installed by the test set-up (scripts/setup.sh --test); without it this test fails.
  {
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Meeting 1',
      'Liisa',
      'Maria',
      'grandmother’s garden',
      'Maybe in spring.',
      'Maria calls the family on Friday.',
      'Sees it differently: Liisa',
      'Next meeting',
    ]) {
      expect(text).toContain(expected);
    }
  }

  // Every export is in the activity log, for the whole network to see: the Markdown, the print window,
  // and the PDF (Chromium's PDF printer fires "beforeprint" like any printing).
  await maria.goto(`/n/${network.started.network.id}`);
  await expect(
    maria.getByTestId('activity').locator('li', { hasText: 'Maria exported meeting 1' }),
  ).toHaveCount(3);
  await network.starter.context.close();
});
