/**
 * After a meeting is closed, in Chromium against the real built app: going back to an earlier version
 * from a phone loses none of the afterthoughts others wrote (and says so first), keeps the text it
 * replaces as a version, and is in the activity log; "as agreed in the meeting" shows the next meeting
 * and "no decisions today"; a change to what was agreed — the next meeting, who agrees, who sees it
 * differently in their own words — shows as a later change, with who and when, on the page, in the
 * Markdown export and on the print page (and its PDF).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
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
const KAISA = { name: 'Kaisa', relation: 'psychiatric nurse', role: 'professional' } as const;
const ANNA = { name: 'Anna', relation: '', role: 'person_at_centre' } as const;
const LIISA = { name: 'Liisa', relation: 'mother', role: 'network_member' } as const;
/** A small phone: 360 px wide. */
const SMALL_PHONE = { ...PHONE, viewport: { width: 360, height: 760 } };

test.beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
});

/** Open a personal link on a device of its own (a 360 px phone, or a desktop), ready to write. */
async function arrive(
  browser: Browser,
  baseURL: string,
  invitation: Invitation,
  phone: boolean,
): Promise<Person> {
  const context = await browser.newContext(
    phone ? { baseURL, ...SMALL_PHONE } : { baseURL, viewport: { width: 1280, height: 800 } },
  );
  const page = await context.newPage();
  await page.goto(invitation.url);
  await waitUntilEditable(page);
  return { context, page };
}

async function closeMeeting(page: Page): Promise<void> {
  await page.getByTestId('close-meeting').click();
  await page.getByTestId('confirm-close').click();
  await expect(page.getByTestId('closed-banner')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

/** Nothing on the page is wider than the screen. */
async function fitsTheScreen(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test('after closing, a nurse’s afterthought and Anna’s response survive Anna going back to a version from her phone', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MARIA, [KAISA, ANNA]);
  const maria = network.starter.page;
  await addBlock(maria, 'dialogue', 'We talked about the nights.');
  await addBlock(maria, 'dialogue', 'Anna slept better on Thursday.');
  await addBlock(maria, 'reflections', 'I wonder whether Sundays are hard.');
  await closeMeeting(maria);
  await network.starter.context.close();

  // The next day the nurse, at her desk, adds an afterthought: the crisis phone number.
  const kaisa = await arrive(browser, baseURL!, network.invitationOf('Kaisa'), false);
  const desk = kaisa.page;
  await addBlock(desk, 'dialogue', 'Crisis line, day and night: 0800 123 456.');
  await expect(desk.locator('.later-addition', { hasText: 'Crisis line' })).toHaveAttribute(
    'data-label',
    /^added later by Kaisa, /,
  );
  await expect(desk.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  // Anna, on her phone, responds to the reflection.
  const anna = await arrive(browser, baseURL!, network.invitationOf('Anna'), true);
  const phone = anna.page;
  await expect(editor(phone, 'dialogue')).toContainText('Crisis line, day and night: 0800 123 456.');
  await phone.getByTestId('reflection').getByTestId('respond').click();
  await phone.keyboard.type('Sundays are when I miss my father.');
  await expect(phone.locator('.later-addition', { hasText: 'miss my father' })).toHaveAttribute(
    'data-label',
    /^added later by Anna, /,
  );
  await expect(phone.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  // The nurse, tidying up, deletes a sentence of the meeting by mistake.
  await expect(editor(desk, 'reflections')).toContainText('miss my father');
  await editor(desk, 'dialogue').getByText('Anna slept better on Thursday.').click();
  await desk.keyboard.press('End');
  await desk.keyboard.press('Shift+Home');
  await desk.keyboard.press('Backspace');
  await expect(editor(desk, 'dialogue')).not.toContainText('Anna slept better');
  await expect(desk.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await expect(editor(phone, 'dialogue')).not.toContainText('Anna slept better');

  // Anna goes back to the version taken when the meeting was closed. The question says what happens,
  // and lists the afterthoughts that stay.
  await phone.getByTestId('meeting-menu').click();
  await phone.getByTestId('open-history').click();
  const closing = phone.getByTestId('version').filter({ hasText: 'When the meeting was closed' });
  await closing.getByTestId('version-open').click();
  await expect(phone.getByTestId('version-dialogue')).toContainText('Anna slept better on Thursday.');
  await phone.getByTestId('restore-version').click();
  const question = phone.getByTestId('confirm-restore-panel');
  await expect(question).toContainText('Afterthoughts written after the meeting always stay.');
  await expect(question).toContainText('the text as it reads now is kept in this history');
  await expect(question).not.toContainText('Nothing is lost');
  const staying = phone.getByTestId('afterthoughts-stay');
  await expect(staying).toContainText('Kaisa: “Crisis line, day and night: 0800 123 456.”');
  await expect(staying).toContainText('Anna: “Sundays are when I miss my father.”');
  await fitsTheScreen(phone);
  await question.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(screenshotDir, 'restore-question-phone-360.png') });
  await phone.getByTestId('confirm-restore').click();
  await expect(phone.getByTestId('restored-note')).toContainText(
    'The 2 afterthoughts written after the meeting stayed.',
  );

  // The text as it read before is a version of its own, listed with who went back to which version.
  const before = phone.locator('[data-testid="version"][data-kind="before_restore"]');
  await expect(before).toHaveCount(1);
  await expect(before).toContainText('Just before going back to an earlier version');
  await expect(before).toContainText('Anna went back to the version of');
  await fitsTheScreen(phone);
  await phone.screenshot({ path: path.join(screenshotDir, 'restore-history-phone-360.png'), fullPage: true });
  await before.getByTestId('version-open').click();
  await expect(phone.getByTestId('version-dialogue')).toContainText('Crisis line, day and night');
  await expect(phone.getByTestId('version-dialogue')).not.toContainText('Anna slept better');
  await expect(phone.getByTestId('version-reflections')).toContainText('Sundays are when I miss my father.');
  await phone.getByTestId('version-back').click();
  await phone.getByTestId('history-close').click();

  // Nothing lost, on either screen: the sentence is back, and both afterthoughts are still there, marked.
  for (const page of [phone, desk]) {
    await expect(editor(page, 'dialogue')).toContainText('Anna slept better on Thursday.');
    await expect(
      page.locator('.later-addition', { hasText: 'Crisis line, day and night: 0800 123 456.' }),
    ).toHaveAttribute('data-label', /^added later by Kaisa, /);
    await expect(
      page.locator('.later-addition', { hasText: 'Sundays are when I miss my father.' }),
    ).toHaveAttribute('data-label', /^added later by Anna, /);
  }
  await fitsTheScreen(phone);
  await phone.screenshot({ path: path.join(screenshotDir, 'restore-after-phone-360.png'), fullPage: true });

  // The activity log, for everyone to see: who went back to which version.
  await desk.goto(`/n/${network.started.network.id}`);
  await expect(
    desk
      .getByTestId('activity')
      .locator('li', { hasText: /Anna went back to the version of .+ of meeting 1/ }),
  ).toHaveCount(1);
  await desk.screenshot({ path: path.join(screenshotDir, 'restore-activity.png'), fullPage: true });
  await anna.context.close();
  await kaisa.context.close();
});

test('as agreed in the meeting shows the next meeting and “no decisions today”; changing them later shows as a later change', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MARIA, [LIISA]);
  const maria = network.starter.page;
  await maria.getByTestId('no-decisions-today').check();
  await maria.getByTestId('next-when-needed').check();
  await maria.getByTestId('next-convener').fill('Maria');
  await maria.getByTestId('next-convener').press('Tab');
  await addBlock(maria, 'openQuestions', 'Will the new medicine help with sleep?');
  await expect(maria.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await closeMeeting(maria);

  // As agreed: "no decisions today", the next meeting, the open question.
  const liisa = await arrive(browser, baseURL!, network.invitationOf('Liisa'), true);
  const phone = liisa.page;
  await phone.getByTestId('show-agreed').click();
  const agreed = phone.getByTestId('agreed-view');
  await expect(agreed.getByTestId('no-decisions-note')).toHaveText('No decisions today.');
  await expect(agreed.getByTestId('next-meeting-summary')).toHaveText(
    'When it is needed. Maria will call it together.',
  );
  await expect(phone.getByTestId('agreed-openQuestions')).toContainText(
    'Will the new medicine help with sleep?',
  );
  await fitsTheScreen(phone);
  await agreed.getByTestId('next-meeting').scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(screenshotDir, 'agreed-next-meeting-phone-360.png') });
  await phone.getByTestId('show-agreed').click();

  // After the meeting Maria sets a day after all, and unticks "no decisions today".
  await maria.getByLabel('On a day and time').check();
  await maria.getByTestId('next-when').fill('2030-03-07T10:00');
  await maria.getByTestId('no-decisions-today').uncheck();
  await expect(maria.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  // Everyone sees it as a later change: who, when, and what it was.
  const nextChange = phone.getByTestId('next-meeting').getByTestId('later-change');
  await expect(nextChange).toHaveCount(1);
  await expect(nextChange).toContainText(/^Changed after the meeting by Maria, /);
  await expect(nextChange).toContainText('(before: When it is needed. Maria will call it together.)');
  const noDecisionsChange = phone
    .getByTestId('section-plan')
    .getByTestId('later-change')
    .filter({ hasText: '“No decisions today” was unticked' });
  await expect(noDecisionsChange).toContainText(/^Changed after the meeting by Maria, /);
  await fitsTheScreen(phone);
  await nextChange.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(screenshotDir, 'later-change-next-meeting-phone-360.png') });

  // The version as agreed does not change.
  await phone.getByTestId('show-agreed').click();
  await expect(agreed.getByTestId('next-meeting-summary')).toHaveText(
    'When it is needed. Maria will call it together.',
  );
  await expect(agreed.getByTestId('no-decisions-note')).toHaveText('No decisions today.');
  await expect(agreed.getByTestId('later-change')).toHaveCount(0);
  await liisa.context.close();
  await network.starter.context.close();
});

test('“sees it differently” in one’s own words, changed after closing: a later change on the page, in the export and in print', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MARIA, [LIISA]);
  const maria = network.starter.page;
  await addBlock(maria, 'plan', 'Maria phones the family on Monday.');
  const liisa = await arrive(browser, baseURL!, network.invitationOf('Liisa'), true);
  const phone = liisa.page;
  const item = phone.getByTestId('plan-item').filter({ hasText: 'phones the family on Monday' });
  await item.getByTestId('plan-agree').click();
  await expect(maria.getByTestId('plan-item').getByTestId('plan-agrees')).toContainText('Liisa');
  await expect(phone.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await closeMeeting(maria);
  await expect(phone.getByTestId('closed-banner')).toBeVisible();

  // The day after, Liisa sees it differently, and says how in her own words.
  await item.getByTestId('plan-differ').click();
  await item.getByTestId('plan-my-view').fill('I would rather she called on Tuesday, after school.');
  await item.getByTestId('plan-my-view').press('Enter');
  await expect(phone.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  const view = 'Liisa (“I would rather she called on Tuesday, after school.”)';
  for (const page of [phone, maria]) {
    const plan = page.getByTestId('plan-item');
    await expect(plan.getByTestId('plan-differs')).toHaveText(`Sees it differently: ${view}`);
    const change = plan.getByTestId('later-change');
    await expect(change).toHaveCount(1);
    await expect(change).toContainText(/^Changed after the meeting by Liisa, /);
    await expect(change).toContainText('Agrees: nobody (before: Liisa)');
    await expect(change).toContainText(`Sees it differently: ${view} (before: nobody)`);
  }
  await fitsTheScreen(phone);
  await item.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(screenshotDir, 'later-change-own-words-phone-360.png') });

  // As agreed in the meeting, Liisa agreed.
  await maria.getByTestId('show-agreed').click();
  await expect(maria.getByTestId('agreed-plan').getByTestId('plan-agrees')).toHaveText('Agrees: Liisa');
  await expect(maria.getByTestId('agreed-plan').getByTestId('later-change')).toHaveCount(0);
  await maria.getByTestId('show-agreed').click();

  // The Markdown export says it too.
  await maria.getByTestId('meeting-menu').click();
  const [download] = await Promise.all([
    maria.waitForEvent('download'),
    maria.getByTestId('download-markdown').click(),
  ]);
  const markdownPath = path.join(screenshotDir, 'later-change-meeting.md');
  await download.saveAs(markdownPath);
  const markdown = await readFile(markdownPath, 'utf8');
  expect(markdown).toContain(`Sees it differently: ${view}`);
  expect(markdown).toMatch(
    /\n {2}- _Changed after the meeting by Liisa, [^_]+:_ Agrees: nobody \(before: Liisa\); Sees it differently: Liisa \(“I would rather she called on Tuesday, after school\.”\) \(before: nobody\)/,
  );

  // And the print page, and the PDF made from it.
  await maria.getByTestId('meeting-menu').click();
  await maria.getByTestId('print-link').click();
  await expect(maria.getByTestId('print-plan').getByTestId('plan-differs')).toHaveText(
    `Sees it differently: ${view}`,
  );
  await expect(maria.getByTestId('print-plan').getByTestId('later-change')).toContainText(
    'Agrees: nobody (before: Liisa)',
  );
  await maria.screenshot({ path: path.join(screenshotDir, 'later-change-print-page.png'), fullPage: true });
  const pdf = await maria.pdf({ format: 'A4', printBackground: true });
  const pdfPath = path.join(screenshotDir, 'later-change-meeting.pdf');
  await writeFile(pdfPath, pdf);
  // pdftotext is installed by the test set-up (scripts/setup.sh --test). Lines may wrap: compare words.
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Changed after the meeting by Liisa');
  expect(text).toContain('I would rather she called on Tuesday, after school.');
  expect(text).toContain('Agrees: nobody (before: Liisa)');
  await liisa.context.close();
  await network.starter.context.close();
});
