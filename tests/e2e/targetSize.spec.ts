/**
 * Targets a finger can hit (issue 18, part 4; WCAG 2.2 2.5.8, axe `target-size`): on a 360 px phone the
 * plan's "Done" checkbox is at least 24 × 24 px, and the label around it — which toggles it too — at
 * least 44 px high.
 */
import { addBlock, expect, screenshotDir, startNetwork, test, waitUntilEditable } from './networkMeeting.js';

const MIA = { name: 'Mia', relation: 'psychiatric nurse', role: 'professional' } as const;
const ANNA = { name: 'Anna', relation: '', role: 'person_at_centre' } as const;

test('the plan\'s "Done" checkbox is at least 24 px on a 360 px phone, its label 44 px high', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MIA, [ANNA]);
  await addBlock(network.starter.page, 'plan', 'Mia phones on Monday.');
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const anna = await context.newPage();
  await anna.goto(network.invitationOf('Anna').url);
  await waitUntilEditable(anna);
  const done = anna
    .getByTestId('plan-item')
    .filter({ hasText: 'Mia phones on Monday' })
    .getByTestId('plan-done');
  await done.scrollIntoViewIfNeeded();
  const box = await done.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(24);
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(24);
  const label = await done.locator('xpath=..').boundingBox();
  expect(label?.height ?? 0).toBeGreaterThanOrEqual(44);
  // The label toggles it: a tap on its word "Done" marks the item done.
  await done.locator('xpath=..').getByText(/done/i).tap();
  await expect(done).toBeChecked();
  await done
    .locator('xpath=ancestor::*[@data-testid="plan-item"]')
    .screenshot({ path: `${screenshotDir}/plan-done-360.png` });
  await context.close();
  await network.starter.context.close();
});
