/**
 * No layout shift on load (issue 18, part 2): the phase banner, the order of the sections and the text
 * that arrive with the first sync have their place reserved, so that opening a meeting moves nothing that
 * is already on screen. Measured in Chromium with a PerformanceObserver on 'layout-shift' entries, summed
 * over the whole load (stricter than Lighthouse's largest session window), at 360 and 1280 px.
 */
import {
  addBlock,
  expect,
  screenshotDir,
  setPhase,
  startNetwork,
  test,
  waitUntilEditable,
} from './networkMeeting.js';

const MIA = { name: 'Mia', relation: 'psychiatric nurse', role: 'professional' } as const;
const ANNA = { name: 'Anna', relation: '', role: 'person_at_centre' } as const;
const LIISA = { name: 'Liisa', relation: 'mother', role: 'network_member' } as const;

const SIZES = [
  {
    width: 360,
    options: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  },
  { width: 1280, options: { viewport: { width: 1280, height: 800 } } },
] as const;

test('opening a meeting in its reflecting phase shifts its layout by at most 0.1 (CLS), at 360 and 1280 px', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MIA, [ANNA, LIISA]);
  const mia = network.starter.page;
  await addBlock(mia, 'dialogue', 'Anna said the nights are the hardest.');
  await addBlock(mia, 'plan', 'Mia phones on Monday.');
  // Reflecting: its banner shows and the reflections come first — both known only after the sync.
  await setPhase(mia, 'reflecting');
  await expect(mia.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  for (const [index, { width, options }] of SIZES.entries()) {
    const context = await browser.newContext({ baseURL, ...options });
    await context.addInitScript(() => {
      const shifts: { value: number; sources: string[] }[] = [];
      (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources?: { node?: Node }[];
        })[]) {
          if (entry.hadRecentInput) continue;
          const sources = (entry.sources ?? []).map((source) => {
            const node = source.node;
            return node instanceof Element
              ? `${node.tagName.toLowerCase()}.${node.className}`
              : String(node?.nodeName);
          });
          shifts.push({ value: entry.value, sources });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    // Each opens their own link on a device that holds no copy yet: everything comes from the server.
    await page.goto(network.invitationOf(index === 0 ? 'Anna' : 'Liisa').url);
    await waitUntilEditable(page);
    await expect(page.getByTestId('reflecting-banner')).toBeVisible();
    await expect(page.getByTestId('editor-dialogue')).toContainText('the nights are the hardest');
    await expect(page.getByTestId('who-is-here')).toContainText('Mia');
    // Let the page settle: two frames after everything above, so that any late shift is recorded.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const shifts = await page.evaluate(
      () => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts,
    );
    const cls = shifts.reduce((sum, each) => sum + each.value, 0);
    console.log(`CLS at ${width} px: ${cls.toFixed(4)}`, JSON.stringify(shifts));
    await page.screenshot({ path: `${screenshotDir}/layout-shift-${width}.png` });
    expect(cls, `CLS at ${width} px (${JSON.stringify(shifts)})`).toBeLessThanOrEqual(0.1);
    await context.close();
  }
  await network.starter.context.close();
});
