/**
 * No layout shift on load (issue 18, part 2): the phase banner, the order of the sections and the text
 * that arrive with the first sync have their place reserved, so that opening a meeting moves nothing that
 * is already on screen. Measured in Chromium with a PerformanceObserver on 'layout-shift' entries, summed
 * over the whole load (stricter than Lighthouse's largest session window), at 360 and 1280 px; and at
 * 1200 px with the server's first sync late, what Lighthouse desktop saw at 1350 px.
 */
import type { Page } from '@playwright/test';
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
    await context.addInitScript(observeShifts);
    const page = await context.newPage();
    // Each opens their own link on a device that holds no copy yet: everything comes from the server.
    await page.goto(network.invitationOf(index === 0 ? 'Anna' : 'Liisa').url);
    await waitUntilEditable(page);
    await expect(page.getByTestId('reflecting-banner')).toBeVisible();
    await expect(page.getByTestId('editor-dialogue')).toContainText('the nights are the hardest');
    await expect(page.getByTestId('who-is-here')).toContainText('Mia');
    const cls = await settledShifts(page, `${width} px`);
    await page.screenshot({ path: `${screenshotDir}/layout-shift-${width}.png` });
    expect(cls, `CLS at ${width} px`).toBeLessThanOrEqual(0.1);
    await context.close();
  }
  await network.starter.context.close();
});

/**
 * Lighthouse desktop (1350x940) measured CLS 0.43-0.72 where the spec above saw 0.01: the video note
 * ("Video is not set up…") arrived while the save status still said "Opening the meeting…", the two no
 * longer fitted the top bar's row (1335 px beside a scrollbar), which wrapped for a moment and pushed everything
 * under it — the screen-high placeholder — down and back. Here the server's messages are held back 1.5 s, so
 * that the note comes while the status still says "Connecting…", at 1200 px, where those two do not fit the
 * row and "Saved" does (CLS 0.72 before the top bar kept to one row, 0.009 after).
 */
test('the top bar keeps its row while the page opens, at 1200 px with the first sync late (Lighthouse desktop)', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MIA, [ANNA]);
  await addBlock(network.starter.page, 'dialogue', 'Anna said the nights are the hardest.');
  await expect(network.starter.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  const context = await browser.newContext({ baseURL, viewport: { width: 1200, height: 940 } });
  await context.addInitScript(observeShifts);
  const page = await context.newPage();
  await page.routeWebSocket(/\/sync/, (route) => {
    const server = route.connectToServer();
    route.onMessage((message) => server.send(message));
    server.onMessage((message) => void delay(1500).then(() => route.send(message)));
  });
  await page.goto(network.invitationOf('Anna').url);
  await expect(page.getByTestId('video-not-set-up')).toBeVisible();
  await waitUntilEditable(page);
  await expect(page.getByTestId('editor-dialogue')).toContainText('the nights are the hardest');
  const cls = await settledShifts(page, '1200 px, sync late');
  await page.screenshot({ path: `${screenshotDir}/layout-shift-1200-late-sync.png` });
  expect(cls, 'CLS at 1200 px with the first sync late').toBeLessThanOrEqual(0.1);
  await context.close();
  await network.starter.context.close();
});

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sums the page's layout shifts after two more frames, and logs each with the elements it moved. */
async function settledShifts(page: Page, where: string): Promise<number> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const shifts = await page.evaluate(
    () => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts,
  );
  const cls = shifts.reduce((sum, each) => sum + each.value, 0);
  console.log(`CLS at ${where}: ${cls.toFixed(4)}`, JSON.stringify(shifts));
  return cls;
}

/** Init script: records every layout shift not caused by input, with the elements it moved. */
function observeShifts() {
  {
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
  }
}
