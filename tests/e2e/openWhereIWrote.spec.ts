/**
 * The meeting opens where one last wrote (issue 18, part 2): the document knows who wrote what, so a
 * person who wrote in the plan at the bottom finds their words on the first screen of a 360×740 phone
 * when they come back — on the same phone and on another device — without the layout jumping; someone
 * who wrote nothing in this meeting opens at the section of the current phase.
 */
import type { Page } from '@playwright/test';
import {
  addBlock,
  editor,
  expect,
  screenshotDir,
  setPhase,
  startNetwork,
  test,
  waitUntilEditable,
} from './networkMeeting.js';
import { PHONE_360 } from './topBar.js';

const MIA = { name: 'Mia', relation: 'psychiatric nurse', role: 'professional' } as const;
const ANNA = { name: 'Anna', relation: '', role: 'person_at_centre' } as const;
const LIISA = { name: 'Liisa', relation: 'mother', role: 'network_member' } as const;

/**
 * Whether the words `text` of an editor (or, for null, its section's heading) are in what the sticky top
 * bar leaves of the screen.
 */
function onFirstScreen(page: Page, testId: string, text: string | null) {
  return page.evaluate(
    ({ testId, text }) => {
      const head = document.querySelector('.meeting-head')?.getBoundingClientRect().bottom ?? 0;
      const target =
        text === null
          ? document.querySelector(`[data-testid="${testId}"]`)?.closest('section')?.querySelector('h2')
          : [...document.querySelectorAll(`[data-testid="${testId}"] *`)].find(
              (element) => element.children.length === 0 && element.textContent?.includes(text),
            );
      const rect = target?.getBoundingClientRect();
      if (!rect) return { found: false, visible: false, top: 0, head };
      return { found: true, visible: rect.top >= head && rect.bottom <= innerHeight, top: rect.top, head };
    },
    { testId, text },
  );
}

/** Sum of the layout shifts since the page began (the observer is added before it loads). */
async function layoutShift(page: Page): Promise<number> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(() => (window as unknown as { __cls: number }).__cls);
}

const OBSERVE_SHIFTS = () => {
  (window as unknown as { __cls: number }).__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[])
      if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

test('Anna, who wrote in the plan at the bottom, finds her words on the first screen of a 360×740 phone when she comes back', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MIA, [ANNA, LIISA]);
  const mia = network.starter.page;
  // A long dialogue: at 360 px the plan starts far below the first screen.
  for (let i = 1; i <= 6; i++) {
    await addBlock(
      mia,
      'dialogue',
      `Turn ${i}: Anna said the nights are the hardest, and that the days are long when nobody calls back.`,
    );
  }
  await expect(mia.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  const phone = await browser.newContext({ baseURL, ...PHONE_360 });
  await phone.addInitScript(OBSERVE_SHIFTS);
  const anna = await phone.newPage();
  await anna.goto(network.invitationOf('Anna').url);
  await waitUntilEditable(anna);
  // The plan is below the first screen as the page opens for her the first time (she has written nothing).
  expect((await onFirstScreen(anna, 'editor-plan', null)).visible).toBe(false);
  await addBlock(anna, 'plan', 'Anna calls the crisis line 0800 123 456 at night.');
  await expect(anna.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  // Mia writes more after her, at the top: Anna's place is still hers.
  await addBlock(mia, 'dialogue', 'Mia said she will be there on Monday.');
  await expect(mia.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  // Back on the same phone (her copy is there), and on a new one (everything from the server).
  await anna.goto('about:blank');
  await anna.goto(network.started.meeting.path);
  await waitUntilEditable(anna);
  await expect(editor(anna, 'plan')).toContainText('0800 123 456');
  await expect
    .poll(async () => (await onFirstScreen(anna, 'editor-plan', '0800 123 456')).visible)
    .toBe(true);
  await anna.screenshot({ path: `${screenshotDir}/open-where-i-wrote-360.png` });
  const shiftSame = await layoutShift(anna);
  console.log(`CLS reopening on the same phone: ${shiftSame.toFixed(4)}`);
  expect(shiftSame, 'layout shift on opening').toBeLessThanOrEqual(0.1);

  const other = await browser.newContext({ baseURL, ...PHONE_360 });
  await other.addInitScript(OBSERVE_SHIFTS);
  const again = await other.newPage();
  await again.goto(network.invitationOf('Anna').url);
  await waitUntilEditable(again);
  await expect(editor(again, 'plan')).toContainText('0800 123 456');
  await expect
    .poll(async () => (await onFirstScreen(again, 'editor-plan', '0800 123 456')).visible)
    .toBe(true);
  const shiftOther = await layoutShift(again);
  console.log(`CLS opening on another phone: ${shiftOther.toFixed(4)}`);
  expect(shiftOther, 'layout shift on opening on another phone').toBeLessThanOrEqual(0.1);

  // Liisa wrote nothing: during the decisions the page opens at the plan.
  await setPhase(mia, 'decisions');
  await expect(mia.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  const liisaPhone = await browser.newContext({ baseURL, ...PHONE_360 });
  const liisa = await liisaPhone.newPage();
  await liisa.goto(network.invitationOf('Liisa').url);
  await waitUntilEditable(liisa);
  await expect.poll(async () => (await onFirstScreen(liisa, 'editor-plan', null)).visible).toBe(true);
  await liisa.screenshot({ path: `${screenshotDir}/open-at-phase-360.png` });

  for (const context of [phone, other, liisaPhone]) await context.close();
  await network.starter.context.close();
});
