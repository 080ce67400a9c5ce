/**
 * A raised hand stays in sight wherever one is scrolled (issue 18, part 2): a nurse on a laptop and
 * Anna on a 360×740 phone, both scrolled down to the plan, still see that Liisa has a hand raised.
 */
import { expect, joinAs, test } from './fixtures.js';
import { screenshotDir } from './networkMeeting.js';

const PHONE_360 = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const LAPTOP = { viewport: { width: 1280, height: 800 } };

test('a raised hand is visible after scrolling to the plan, on a phone and on a laptop', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork();
  const kaisa = await joinAs(browser, baseURL!, network, 'Kaisa', '#2f6f8f', LAPTOP);
  const anna = await joinAs(browser, baseURL!, network, 'Anna', '#8a4f7d', PHONE_360);
  const liisa = await joinAs(browser, baseURL!, network, 'Liisa', '#b5562f', LAPTOP);
  await liisa.page.getByTestId('raise-hand').click();
  for (const [person, size] of [
    [kaisa, 1280],
    [anna, 360],
  ] as const) {
    const plan = person.page.getByTestId('editor-plan');
    await plan.scrollIntoViewIfNeeded();
    await person.page.evaluate(() => window.scrollBy(0, 200));
    await expect(plan).toBeInViewport();
    const hands = person.page.getByTestId('raised-hands');
    await expect(hands).toContainText('Liisa');
    await expect(hands).toBeInViewport({ ratio: 1 });
    await person.page.screenshot({ path: `${screenshotDir}/raised-hand-scrolled-${size}.png` });
  }
  for (const each of [kaisa, anna, liisa]) await each.context.close();
});
