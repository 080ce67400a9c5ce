/**
 * The meeting document in the shape of a network meeting, as the people in it see it: own words
 * attributed (also when typed for someone else), the reflecting conversation and the responses, the
 * plan with agreement side by side, closing and the version as agreed, afterthoughts marked as later,
 * the next meeting carrying open items over, and an observer who only reads.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import {
  addBlock,
  editor,
  expect,
  openLink,
  screenshotDir,
  setPhase,
  startNetwork,
  test,
  waitUntilEditable,
} from './networkMeeting.js';

const MIA = { name: 'Mia', relation: 'psychiatric nurse', role: 'professional' } as const;
const GRANDAD = { name: 'Grandad', relation: 'grandfather', role: 'network_member' } as const;
const ANNA = { name: 'Anna', relation: '', role: 'person_at_centre' } as const;
const OLLI = { name: 'Olli', relation: 'student nurse', role: 'observer' } as const;

test.beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
});

test('a relative on a phone writes in their own words, and the reflecting conversation is shared', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MIA, [GRANDAD, ANNA]);
  const mia = network.starter.page;
  const grandad = await openLink(browser, baseURL!, network.invitationOf('Grandad'), 'phone');
  const phone = grandad.page;

  // Grandad lands in the meeting under his own name, nobody asked him for it.
  await expect(phone.getByTestId('your-name')).toHaveText('Grandad');
  await waitUntilEditable(phone);
  await expect(phone.getByTestId('who-is-here')).toContainText('Grandad (you)');
  await expect(phone.getByTestId('who-is-here')).toContainText('Mia');

  await addBlock(phone, 'dialogue', 'I am worried about her nights.');
  const grandadsWords = mia.getByTestId('voice-block').filter({ hasText: 'worried about her nights' });
  await expect(grandadsWords).toBeVisible();
  await expect(grandadsWords.locator('.block-label')).toHaveText('Grandad');
  await expect(grandadsWords).toHaveAttribute('title', /Grandad said this/);

  // Mia types what Anna says, for her: attributed to Anna, typed by Mia.
  await mia.getByTestId('speaker-picker').selectOption({ label: 'Anna' });
  await addBlock(mia, 'dialogue', 'I just want to sleep.');
  const annasWords = phone.getByTestId('voice-block').filter({ hasText: 'I just want to sleep' });
  await expect(annasWords.locator('.block-label')).toContainText('Anna');
  await expect(annasWords.locator('.block-label')).toContainText('typed by Mia for Anna');

  // Grandad raises his hand: everyone sees it without looking for it.
  await phone.getByTestId('raise-hand').click();
  await expect(mia.getByTestId('raised-hands')).toContainText('Grandad has a hand raised');
  await expect(mia.getByTestId('who-is-here').getByTestId('hand-raised')).toBeVisible();
  await phone.getByTestId('raise-hand').click();
  await expect(mia.getByTestId('raised-hands')).toHaveCount(0);

  // The team turns to reflecting: everyone sees it, and the reflections come forward.
  await setPhase(mia, 'reflecting');
  for (const page of [mia, phone]) {
    await expect(page.getByTestId('reflecting-banner')).toBeVisible();
    await expect(page.getByTestId('phase-reflecting')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.document > .section').first()).toHaveAttribute('data-section', 'reflections');
    await expect(page.getByTestId('who-is-here').locator('li', { hasText: 'Mia' })).toContainText(
      'reflecting team',
    );
  }
  await addBlock(mia, 'reflections', 'I wonder whether the nights are when the worry is loudest.');
  const reflection = phone.getByTestId('reflection').filter({ hasText: 'I wonder whether' });
  await expect(reflection.locator('.block-label').first()).toContainText('Mia wonders');

  // Grandad responds under the reflection he answers.
  await reflection.getByTestId('respond').click();
  await phone.keyboard.type('Yes. And the mornings.');
  const response = mia.getByTestId('reflection').getByTestId('response');
  await expect(response).toContainText('Yes. And the mornings.');
  await expect(response.locator('.block-label')).toContainText('Response from Grandad');
  await expect(phone.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  // On the phone: one column, nothing to scroll sideways.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await mia.screenshot({ path: path.join(screenshotDir, 'meeting-reflecting-desktop.png'), fullPage: true });
  await phone.screenshot({ path: path.join(screenshotDir, 'meeting-reflecting-phone.png') });
  await phone.screenshot({
    path: path.join(screenshotDir, 'meeting-reflecting-phone-full.png'),
    fullPage: true,
  });

  await grandad.context.close();
  await network.starter.context.close();
});

test('closing keeps the agreed version; afterthoughts are marked; the next meeting carries open items', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MIA, [ANNA]);
  const mia = network.starter.page;
  const annaPerson = await openLink(browser, baseURL!, network.invitationOf('Anna'));
  const anna = annaPerson.page;
  await waitUntilEditable(anna);

  await addBlock(mia, 'dialogue', 'We talked about sleep.');
  await addBlock(mia, 'plan', 'Mia phones on Monday.');
  await addBlock(mia, 'plan', 'Stop the night shifts.');
  const monday = anna.getByTestId('plan-item').filter({ hasText: 'Mia phones on Monday' });
  await monday.getByTestId('plan-agree').click();
  await expect(
    mia.getByTestId('plan-item').filter({ hasText: 'Mia phones on Monday' }).getByTestId('plan-agrees'),
  ).toContainText('Anna');
  const shifts = mia.getByTestId('plan-item').filter({ hasText: 'Stop the night shifts' });
  await shifts.getByTestId('plan-differ').click();
  await shifts.getByTestId('plan-done').check();
  await expect(
    anna.getByTestId('plan-item').filter({ hasText: 'Stop the night shifts' }).getByTestId('plan-differs'),
  ).toContainText('Mia');
  await expect(mia.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await expect(anna.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  // Mia closes the meeting, after being asked once more.
  await mia.getByTestId('close-meeting').click();
  await mia.getByTestId('confirm-close').click();
  for (const page of [mia, anna]) {
    await expect(page.getByTestId('closed-banner')).toContainText('Closed on');
    await expect(page.getByTestId('closed-banner')).toContainText('you can still add afterthoughts');
  }

  // The next day, Anna adds an afterthought: it is marked as added later, by her.
  await addBlock(anna, 'dialogue', 'Afterwards: I slept better.');
  const later = mia.locator('.later-addition', { hasText: 'I slept better' });
  await expect(later).toBeVisible();
  await expect(later).toHaveAttribute('data-label', /^added later by Anna, /);
  await expect(anna.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await mia.screenshot({ path: path.join(screenshotDir, 'meeting-closed-afterthought.png'), fullPage: true });
  // What was written before closing is not marked.
  await expect(mia.locator('.later-addition', { hasText: 'We talked about sleep' })).toHaveCount(0);

  // "As agreed in the meeting": the frozen version, without the afterthought, read-only.
  await anna.getByTestId('show-agreed').click();
  const agreedDialogue = anna.getByTestId('agreed-dialogue');
  await expect(agreedDialogue).toContainText('We talked about sleep.');
  await expect(agreedDialogue).not.toContainText('I slept better');
  await expect(agreedDialogue).toHaveAttribute('contenteditable', 'false');
  await expect(anna.getByTestId('agreed-plan')).toContainText('Mia phones on Monday.');
  await anna.getByTestId('show-agreed').click();
  await expect(editor(anna, 'dialogue')).toContainText('I slept better');

  // Every insertion is attributable: the document maps Yjs clients to both participants.
  const agreed = await anna.request.get(`/api/meetings/${network.started.meeting.id}/agreed`);
  const frozen = new Y.Doc();
  Y.applyUpdate(frozen, new Uint8Array(await agreed.body()));
  const users = [...frozen.getMap('users').keys()];
  expect(users).toEqual(
    expect.arrayContaining([network.started.me.id, network.invitationOf('Anna').participant.id]),
  );

  // The next meeting opens with the open plan item carried over, and not the one that was done.
  const firstMeetingUrl = mia.url();
  await mia.getByTestId('start-next-meeting').click();
  await expect(mia).not.toHaveURL(firstMeetingUrl);
  await waitUntilEditable(mia);
  const carried = mia.getByTestId('plan-item').filter({ hasText: 'Mia phones on Monday.' });
  await expect(carried).toBeVisible();
  await expect(carried.locator('.block-label')).toContainText('Proposed by Mia');
  await expect(carried.getByTestId('plan-agrees')).toContainText('Anna');
  await expect(editor(mia, 'plan')).not.toContainText('Stop the night shifts');
  await expect(mia.getByTestId('closed-banner')).toHaveCount(0);
  await expect(mia.getByTestId('phase-opening')).toHaveAttribute('aria-pressed', 'true');

  await annaPerson.context.close();
  await network.starter.context.close();
});

test('an observer reads everything and the page says they are here to listen', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MIA, [OLLI]);
  await addBlock(network.starter.page, 'dialogue', 'Welcome, everyone.');
  const olli = await openLink(browser, baseURL!, network.invitationOf('Olli'));
  const page = olli.page;

  await expect(page.getByTestId('read-only-status')).toHaveText(/Read only — you are here to listen/);
  await expect(page.getByTestId('save-status')).toHaveCount(0);
  await expect(editor(page, 'dialogue')).toContainText('Welcome, everyone.');
  for (const section of ['dialogue', 'reflections', 'plan', 'openQuestions'] as const) {
    await expect(editor(page, section)).toHaveAttribute('contenteditable', 'false');
  }
  await expect(page.getByTestId('add-dialogue')).toHaveCount(0);
  await expect(page.getByTestId('phase-reflecting')).toBeDisabled();
  await expect(page.getByTestId('raise-hand')).toHaveCount(0);
  await page.screenshot({ path: path.join(screenshotDir, 'meeting-observer.png'), fullPage: true });

  await olli.context.close();
  await network.starter.context.close();
});

test('a device without a session is asked to open its personal link again', async ({ browser, baseURL }) => {
  const network = await startNetwork(browser, baseURL!, MIA, []);
  const stranger = await browser.newContext({ baseURL });
  const page = await stranger.newPage();
  await page.goto(network.started.meeting.path);
  await expect(page.getByRole('heading', { name: 'Please open your personal link again' })).toBeVisible();
  await expect(page.getByTestId('editor-dialogue')).toHaveCount(0);
  await stranger.close();
  await network.starter.context.close();
});
