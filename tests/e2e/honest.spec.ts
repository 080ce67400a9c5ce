/**
 * Who is who, honestly, and what a screen reader hears (issue 18, parts 3–4), in Chromium against the
 * built app: a colour of one's own, the same in carets and in "who wrote what"; observers shown as
 * listening; caret labels out of the text's way and out of the accessibility tree; a save status that
 * speaks once per pause; buttons that name what they act on; items carried over saying so.
 */
import type { Page } from '@playwright/test';
import type { PersonInput } from '@polyphony/shared';
import { editor, expect, joinAs, type Person, test } from './fixtures.js';
import { screenshotDir, waitUntilEditable } from './networkMeeting.js';

const LAPTOP = { viewport: { width: 1280, height: 800 } };
const PHONE_360 = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

const SIX: PersonInput[] = [
  { name: 'Anna Korhonen', relation: '', role: 'person_at_centre' },
  { name: 'Eeva', relation: 'mother', role: 'network_member' },
  { name: 'Jussi', relation: 'partner', role: 'network_member' },
  { name: 'Kaisa', relation: 'psychiatric nurse', role: 'professional' },
  { name: 'Liisa', relation: 'nursing student', role: 'observer' },
];

/** Open an observer's link: they only listen, so there is no save status to wait for. */
async function openAsObserver(page: Page, link: string, name: string) {
  await page.goto(link);
  await expect(page).toHaveURL(/\/m\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId('your-name')).toContainText(name);
}

/** Add a block (reflection, plan item) at the end of a section and write its text. */
async function addBlock(page: Page, section: 'reflections' | 'plan', text: string) {
  await page.getByTestId(`add-${section}`).click();
  await page.keyboard.type(text);
}

test('six people have six distinct colours, and a caret has the colour of its writer in "who wrote what"', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ people: SIX });
  const names = ['Maria', 'Anna Korhonen', 'Eeva', 'Jussi', 'Kaisa'];
  const people: Person[] = [];
  for (const name of names) people.push(await joinAs(browser, baseURL!, network, name, '#8a4f7d', LAPTOP));
  const liisa = await browser.newContext({ baseURL, ...LAPTOP });
  const liisaPage = await liisa.newPage();
  await openAsObserver(liisaPage, network.linkOf('Liisa'), 'Liisa');

  // Every device stored the same colour for itself (the old picker's choice): it no longer decides.
  const colours = [
    ...(await Promise.all(people.map((p) => p.page.getByTestId('your-colour').getAttribute('data-colour')))),
    await liisaPage.getByTestId('your-colour').getAttribute('data-colour'),
  ];
  expect(new Set(colours).size).toBe(6);

  // Anna writes; Kaisa sees her caret, in Anna's colour, and its label is hidden from screen readers.
  const [, anna, , , kaisa] = people as [Person, Person, Person, Person, Person];
  const annaColour = colours[1];
  await editor(anna.page, 'dialogue').click();
  await anna.page.keyboard.press('ControlOrMeta+End');
  await anna.page.keyboard.type('Call 0800 123 456 at night.');
  await expect(anna.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  const caret = editor(kaisa.page, 'dialogue').locator('.caret', { hasText: 'Anna' });
  await expect(caret).toHaveAttribute('data-colour', annaColour!);
  await expect(caret).toHaveAttribute('aria-hidden', 'true');
  await kaisa.page.screenshot({ path: `${screenshotDir}/honest-caret-1280.png` });
  // The label fades after a moment, so that the words under it can be read.
  await expect(caret.locator('.caret-label')).toHaveCSS('opacity', '0');
  // Only the first name stands above the line; pointing at the caret shows the full name again.
  await expect(caret.locator('.caret-label')).toHaveText('Anna');
  await caret.hover({ force: true });
  await expect(caret.locator('.caret-label')).toHaveCSS('opacity', '1');
  await expect
    .poll(() => caret.locator('.caret-label').evaluate((label) => getComputedStyle(label, '::after').content))
    .toBe('" Korhonen"');

  // Eeva writes in the plan. Her caret's label fades too; focusing her in "Who is here" (the list is what
  // a keyboard reaches: the carets are hidden from screen readers) shows it again with her relation,
  // and only hers; pointing at her entry does the same; leaving it, the label fades again.
  const [, , eeva] = people as [Person, Person, Person];
  await addBlock(eeva.page, 'plan', 'Eeva brings the children on Friday.');
  const eevasCaret = editor(kaisa.page, 'plan').locator('.caret', { hasText: 'Eeva' });
  await expect(eevasCaret.locator('.caret-label')).toHaveCSS('opacity', '0');
  await kaisa.page.mouse.move(0, 0);
  await expect(caret.locator('.caret-label')).toHaveCSS('opacity', '0');
  const eevaHere = kaisa.page.getByTestId('who-is-here').locator('li', { hasText: 'Eeva' });
  await expect(eevaHere).toHaveAttribute('tabindex', '0');
  await expect(kaisa.page.getByTestId('who-is-here').locator('li', { hasText: 'Kaisa' })).not.toHaveAttribute(
    'tabindex',
    '0',
  );
  await eevaHere.focus();
  await expect(eevasCaret.locator('.caret-label')).toHaveCSS('opacity', '1');
  await expect
    .poll(() =>
      eevasCaret.locator('.caret-label').evaluate((label) => getComputedStyle(label, '::after').content),
    )
    .toBe('" · mother"');
  await expect(caret.locator('.caret-label')).toHaveCSS('opacity', '0');
  await kaisa.page.screenshot({ path: `${screenshotDir}/honest-caret-focused-1280.png`, fullPage: true });
  await eevaHere.blur();
  await expect(eevasCaret.locator('.caret-label')).toHaveCSS('opacity', '0');
  await kaisa.page.getByTestId('who-is-here').locator('li', { hasText: 'Anna Korhonen' }).hover();
  await expect(caret.locator('.caret-label')).toHaveCSS('opacity', '1');
  await expect(eevasCaret.locator('.caret-label')).toHaveCSS('opacity', '0');
  await kaisa.page.mouse.move(0, 0);

  // "Who wrote what" colours Anna's text with the colour of her caret.
  await kaisa.page.getByTestId('meeting-menu').click();
  await kaisa.page.getByTestId('who-wrote-what').click();
  const annasText = editor(kaisa.page, 'dialogue').locator('.author-text', { hasText: '0800 123 456' });
  await expect(annasText).toHaveAttribute('data-colour', annaColour!);
  await expect(annasText).toHaveAttribute('title', 'Written by Anna Korhonen');
  await kaisa.page.screenshot({ path: `${screenshotDir}/honest-who-wrote-1280.png` });

  for (const each of people) await each.context.close();
  await liisa.close();
});

test('an observer is shown as listening in "Who is here" and on the print page', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ people: SIX });
  const kaisa = await joinAs(browser, baseURL!, network, 'Kaisa', '#8a4f7d', LAPTOP);
  const liisa = await browser.newContext({ baseURL, ...PHONE_360 });
  const liisaPage = await liisa.newPage();
  await openAsObserver(liisaPage, network.linkOf('Liisa'), 'Liisa');
  const liisaHere = kaisa.page.getByTestId('who-is-here').locator('li', { hasText: 'Liisa' });
  await expect(liisaHere).toHaveText('Liisa · nursing student, listening');
  await expect(liisaPage.getByTestId('who-is-here')).toContainText(
    'Liisa (you) · nursing student, listening',
  );
  await kaisa.page.screenshot({ path: `${screenshotDir}/honest-listening-1280.png` });
  await liisaPage.getByTestId('who-is-here').scrollIntoViewIfNeeded();
  await liisaPage.screenshot({ path: `${screenshotDir}/honest-listening-360.png` });

  // The print page's "Present" line: Kaisa (who attends by writing) and Liisa, listening.
  await kaisa.page.goto(`${new URL(kaisa.page.url()).pathname}/print`);
  await expect(kaisa.page.getByTestId('print-present')).toContainText('Liisa (nursing student), listening');
  await expect(kaisa.page.getByTestId('print-present')).toContainText('Kaisa (psychiatric nurse)');
  await kaisa.page.screenshot({ path: `${screenshotDir}/honest-print-1280.png` });
  await kaisa.context.close();
  await liisa.close();
});

test('the save status announces at most one message per pause in typing, and offline and back online', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork();
  const kaisa = await joinAs(browser, baseURL!, network, 'Kaisa', '#8a4f7d', LAPTOP);
  const { page } = kaisa;
  const region = page.getByTestId('save-announcement');
  await expect(region).toHaveAttribute('role', 'status');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  // The first "Saved" after opening, then count from a quiet start.
  await expect(region).toHaveText('Saved');
  await page.evaluate(() => {
    const w = window as unknown as { said: string[]; shown: string[] };
    w.said = [];
    w.shown = [];
    const watch = (testId: string, into: string[]) => {
      const node = document.querySelector(`[data-testid="${testId}"]`)!;
      // Every time the text becomes something (an emptied region says nothing).
      let last = node.textContent ?? '';
      new MutationObserver(() => {
        const text = node.textContent ?? '';
        if (text && text !== last) into.push(text);
        last = text;
      }).observe(node, { subtree: true, childList: true, characterData: true });
    };
    watch('save-announcement', w.said);
    watch('save-status', w.shown);
  });
  const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said);
  const shown = () => page.evaluate(() => (window as unknown as { shown: string[] }).shown);

  for (const burst of ['Sleep at home this week, ', 'and call on Friday.']) {
    const before = (await said()).length;
    await editor(page, 'dialogue').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(burst, { delay: 40 });
    // The pause: the edits are saved, and "Saved" is said once.
    await expect.poll(said).toHaveLength(before + 1);
    expect((await said()).at(-1)).toBe('Saved');
  }
  // The visible line changed with the typing; the live region said one thing per pause.
  expect((await shown()).length).toBeGreaterThan(4);
  expect(await said()).toEqual(['Saved', 'Saved']);

  await kaisa.context.setOffline(true);
  await expect.poll(said).toContain('Offline — your changes are kept on this device');
  await kaisa.context.setOffline(false);
  await expect.poll(async () => (await said()).at(-1)).toBe('Back online — your edits are saved');
  await kaisa.context.close();
});

test('"Respond to this", "Agree" and "Done" name what they act on', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork();
  const kaisa = await joinAs(browser, baseURL!, network, 'Kaisa', '#8a4f7d', LAPTOP);
  const { page } = kaisa;
  await addBlock(page, 'reflections', 'I wonder whether home feels safer.');
  await addBlock(page, 'reflections', 'I heard how tired everyone is.');
  await addBlock(page, 'plan', 'Sleep at home this week');
  await addBlock(page, 'plan', 'Call the team on Friday');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  const respond = page.getByRole('button', { name: /^Respond to this/ });
  await expect(respond).toHaveCount(2);
  await expect(respond.nth(0)).toHaveAccessibleName('Respond to this: I wonder whether home feels safer.');
  await expect(respond.nth(1)).toHaveAccessibleName('Respond to this: I heard how tired everyone is.');
  await expect(
    page.getByRole('button', { name: 'I agree: Call the team on Friday', exact: true }),
  ).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: 'Done: Sleep at home this week' })).toHaveCount(1);
  // One "Agree" per item, each with its own name.
  await expect(
    page.getByRole('button', { name: 'I agree: Sleep at home this week', exact: true }),
  ).toHaveCount(1);
  await expect(
    page.getByRole('button', { name: 'I see it differently: Call the team on Friday', exact: true }),
  ).toHaveCount(1);

  // The next meeting carries the open plan items over, and says where they are from.
  const response = await kaisa.context.request.post(`/api/networks/${network.network.id}/meetings`, {
    data: { title: 'Second meeting' },
  });
  expect(response.status()).toBe(201);
  const second = ((await response.json()) as { id: string }).id;
  for (const [size, options] of [
    [1280, LAPTOP],
    [360, PHONE_360],
  ] as const) {
    await page.setViewportSize(options.viewport);
    await page.goto(`/m/${second}`);
    // The text is shown read-only before the editors come (textBeforeEditors.spec); the editor then takes
    // the item's place, so wait for it before scrolling to one of its elements.
    await waitUntilEditable(page);
    const carried = editor(page, 'plan')
      .getByTestId('plan-item')
      .filter({ hasText: 'Call the team on Friday' });
    await expect(carried.getByTestId('from-meeting')).toHaveText('from meeting 1');
    await carried.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshotDir}/honest-from-meeting-${size}.png` });
  }
  await kaisa.context.close();
});
