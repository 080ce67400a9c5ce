/**
 * From an empty start page to everyone's personal link in under a minute, by keyboard alone, and a relative
 * who opens their link on a phone lands in the meeting with no token left in the address bar.
 */
import path from 'node:path';
import { expect, PHONE, screenshotDir, test } from './fixtures.js';

/** A person typing on a keyboard: about three characters a second, and a second per key press or field. */
const CHARS_PER_SECOND = 3;
const SECONDS_PER_ACTION = 1;

test('a professional gets from an empty start page to everyone’s link in under a minute, by keyboard', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Polyphony' })).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, 'start.png'), fullPage: true });
  const began = Date.now();

  // Every step is one thing a person does: type into the field that has the focus, press Tab, or Enter.
  const steps: string[] = [];
  let typed = 0;
  const type = async (text: string, expectedLabel: string) => {
    await expect(page.locator(':focus')).toHaveAccessibleName(expectedLabel);
    await page.keyboard.type(text);
    steps.push(`type “${text}” into “${expectedLabel}”`);
    typed += text.length;
  };
  const press = async (key: string, times = 1) => {
    for (let i = 0; i < times; i++) {
      await page.keyboard.press(key);
      steps.push(key);
    }
  };

  // The first field has the focus when the page opens.
  await type('Anna', 'Whose network is this?');
  await press('Tab', 2); // past the optional title
  await type('Maria', 'Your name, as you wish to be called');
  await press('Tab');
  await type('psychiatric nurse', 'Your relation to the network (optional)');
  // The role is already "Professional"; the first person coming is already Anna, at the centre.
  await expect(page.getByLabel('Your role')).toHaveValue('professional');
  await expect(page.getByLabel('Name of person 1')).toHaveValue('Anna');
  await expect(page.getByLabel('Role', { exact: true }).first()).toHaveValue('person_at_centre');
  await press('Tab', 6); // role, Anna's name, relation, role, Remove, then "Add a person"
  await expect(page.locator(':focus')).toHaveText('+ Add a person');
  await press('Enter');
  await type('Eeva', 'Name of person 2');
  await press('Tab');
  await type('mother', 'Relation (optional)');
  await press('Tab', 3); // role (network member already), Remove, "Add a person"
  await press('Enter');
  await type('Jussi', 'Name of person 3');
  await press('Tab');
  await type('brother', 'Relation (optional)');
  await press('Tab', 4); // role, Remove, "Add a person", "Start the meeting now"
  await expect(page.locator(':focus')).toHaveText('Start the meeting now');
  await press('Enter');

  // The links, each with a QR code, the starter's own last.
  const result = page.getByTestId('start-result');
  await expect(result.getByRole('heading', { name: 'The meeting has started' })).toBeFocused();
  const cards = page.getByTestId('invitation');
  await expect(cards).toHaveCount(4);
  await expect(cards.nth(0)).toHaveAttribute('data-name', 'Anna');
  await expect(cards.nth(1)).toHaveAttribute('data-name', 'Eeva');
  await expect(cards.nth(2)).toHaveAttribute('data-name', 'Jussi');
  await expect(cards.nth(3)).toHaveAttribute('data-name', 'Maria');
  await expect(page.getByTestId('qr-code')).toHaveCount(4);
  const seconds = (Date.now() - began) / 1000;
  await expect(result).toContainText('Each link is personal');
  await expect(result).toContainText('The links are shown only now');
  for (const card of await cards.all()) {
    await expect(card.getByTestId('invitation-url')).toHaveValue(/^http:\/\/.+\/join\/[A-Za-z0-9_-]{43}$/);
  }
  await expect(cards.nth(1)).toContainText('mother · network member');

  // The QR code is what the relative's phone would scan: it carries the same link as the text.
  const eevaLink = await cards.nth(1).getByTestId('invitation-url').inputValue();
  await page.screenshot({ path: path.join(screenshotDir, 'start-result.png'), fullPage: true });

  const actions = steps.length;
  const humanSeconds = Math.round(typed / CHARS_PER_SECOND + actions * SECONDS_PER_ACTION);
  console.log(
    `[start] ${actions} steps (${typed} characters typed) from an empty start page to the links:\n  ` +
      `${steps.join(' · ')}\n[start] automated: ${seconds.toFixed(2)} s; ` +
      `a person at ${CHARS_PER_SECOND} characters/s and ${SECONDS_PER_ACTION} s per action: about ${humanSeconds} s`,
  );
  expect(humanSeconds).toBeLessThan(60);
  expect(seconds).toBeLessThan(60);

  // Copy puts the link on the clipboard, or says how to copy it by hand.
  await cards.nth(1).getByRole('button', { name: 'Copy Eeva’s link' }).click();
  await expect(cards.nth(1)).toContainText(/Copied|Could not copy/);

  // The starter's browser is in at once: "Go to the meeting" opens it without a link.
  await page.getByTestId('go-to-meeting').click();
  await expect(page).toHaveURL(/\/m\/[A-Za-z0-9_-]{22}$/);
  const meetingUrl = page.url();

  // Eeva opens her link on her phone and lands in the same meeting; the token is gone from the address.
  const phone = await browser.newContext({ baseURL, ...PHONE });
  const eeva = await phone.newPage();
  await eeva.goto(eevaLink);
  await expect(eeva).toHaveURL(meetingUrl);
  expect(eeva.url()).not.toContain('/join/');
  expect(eeva.url()).not.toContain(eevaLink.split('/join/')[1]!);
  await phone.close();
});

test('starting asks plainly for what is missing, and rows can be added and removed', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.screenshot({ path: path.join(screenshotDir, 'start-phone.png'), fullPage: true });
  await page.getByRole('button', { name: 'Start the meeting now' }).click();
  await expect(page.getByRole('alert')).toHaveText(/whose network this is/);
  await page.getByLabel('Whose network is this?').fill('Anna');
  await page.getByRole('button', { name: 'Start the meeting now' }).click();
  await expect(page.getByRole('alert')).toHaveText(/your own name/);

  // Every role is offered in plain words.
  const options = await page.getByLabel('Your role').locator('option').allTextContents();
  expect(options).toEqual([
    'Person at the centre',
    'Network member',
    'Professional',
    'Peer worker',
    'Invited specialist',
    'Interpreter',
    'Observer (by agreement)',
  ]);

  await page.getByRole('button', { name: '+ Add a person' }).click();
  await expect(page.getByLabel('Name of person 2')).toBeFocused();
  await page.getByLabel('Name of person 2').fill('Olli');
  await page.getByRole('button', { name: 'Remove Anna' }).click();
  await expect(page.getByTestId('person-row')).toHaveCount(1);
  await expect(page.getByLabel('Name of person 1')).toHaveValue('Olli');
  await page.getByLabel('Your name, as you wish to be called').fill('Maria');
  await page.getByRole('button', { name: 'Start the meeting now' }).click();
  await expect(page.getByTestId('invitation')).toHaveCount(2);
  await expect(page.getByTestId('invitation').first()).toHaveAttribute('data-name', 'Olli');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await page.screenshot({ path: path.join(screenshotDir, 'start-result-phone.png'), fullPage: true });
});
