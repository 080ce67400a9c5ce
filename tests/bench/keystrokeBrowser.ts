/**
 * Keystroke-to-screen latency between two real browsers: two Chromium contexts open one meeting on the
 * real built server; one types 120 characters with human-like gaps (100–250 ms) and, for each, we measure
 * the time from the keydown in page A to the moment the character is rendered in page B. Both pages run
 * on this machine, so performance.timeOrigin + performance.now() is one clock for both. The first 20
 * keystrokes are warm-up and discarded.
 *
 * Run: node --import tsx tests/bench/keystrokeBrowser.ts (after pnpm build).
 * Writes tests/bench/results/keystroke-browser.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from '@playwright/test';
import { repoRoot, startServer } from '../e2e/server.js';

const KEYSTROKES = 120;
const WARM_UP = 20;
const EDITOR = '[data-testid="editor-dialogue"]';

/** What the benchmark measured. */
export interface KeystrokeBrowserResult {
  benchmark: 'keystroke-browser';
  date: string;
  keystrokes: number;
  warmUp: number;
  measured: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  latenciesMs: number[];
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Open a page in a fresh context: the start of a network (as its starter) or someone's personal link. */
async function openAs(browser: Browser, url: string, start: (page: Page) => Promise<string>): Promise<Page> {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await page.goto(await start(page));
  await page.waitForSelector('[data-testid="save-status"][data-status="saved"]');
  return page;
}

/** Run the benchmark and write its JSON; returns the result. */
export async function main(): Promise<KeystrokeBrowserResult> {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
  });
  try {
    // The writer starts a network (the session cookie lands in their context); the reader opens their link.
    let readerLink = '';
    const writer = await openAs(browser, server.url, async (page) => {
      const response = await page.request.post('/api/networks', {
        data: {
          centreName: 'Bench',
          meetingTitle: 'Keystroke benchmark',
          me: { name: 'Writer', relation: '', role: 'professional' },
          people: [{ name: 'Reader', relation: '', role: 'network_member' }],
        },
      });
      const started = (await response.json()) as {
        meeting: { path: string };
        invitations: { url: string }[];
      };
      readerLink = started.invitations[1]!.url;
      return started.meeting.path;
    });
    const reader = await openAs(browser, server.url, async () => readerLink);

    // Scripts for the pages are strings: tsx would otherwise wrap their inner functions in a helper
    // (__name) that exists only in Node.
    // Page B: the time each new text length first appears (caret name labels are not document text).
    await reader.evaluate(`(() => {
      const target = document.querySelector('${EDITOR}');
      const arrivals = {};
      window.arrivals = arrivals;
      const textLength = () => {
        let labels = 0;
        for (const label of target.querySelectorAll('.caret-label')) labels += label.textContent.length;
        return target.textContent.length - labels;
      };
      new MutationObserver(() => {
        const now = performance.timeOrigin + performance.now();
        const length = textLength();
        if (arrivals[length] === undefined) arrivals[length] = now;
      }).observe(target, { childList: true, subtree: true, characterData: true });
    })()`);

    // Page A: the time of each keydown, in the same clock.
    await writer.evaluate(`(() => {
      const sent = [];
      window.sent = sent;
      document.querySelector('${EDITOR}').addEventListener(
        'keydown',
        () => sent.push(performance.timeOrigin + performance.now()),
        { capture: true },
      );
    })()`);
    await writer.click(EDITOR);

    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let i = 0; i < KEYSTROKES; i++) {
      await writer.keyboard.press(letters[i % letters.length]!);
      await writer.waitForTimeout(100 + Math.random() * 150);
    }
    await reader.waitForFunction(`window.arrivals[${KEYSTROKES}] !== undefined`, undefined, {
      timeout: 30_000,
    });

    const sent = (await writer.evaluate('window.sent')) as number[];
    const arrivals = (await reader.evaluate('window.arrivals')) as Record<number, number>;
    if (sent.length !== KEYSTROKES) throw new Error(`expected ${KEYSTROKES} keydowns, saw ${sent.length}`);
    const latencies: number[] = [];
    for (let i = WARM_UP; i < KEYSTROKES; i++) {
      const arrived = arrivals[i + 1];
      if (arrived === undefined) throw new Error(`character ${i + 1} never arrived in page B`);
      latencies.push(Math.round((arrived - sent[i]!) * 100) / 100);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const result: KeystrokeBrowserResult = {
      benchmark: 'keystroke-browser',
      date: new Date().toISOString(),
      keystrokes: KEYSTROKES,
      warmUp: WARM_UP,
      measured: latencies.length,
      medianMs: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      minMs: sorted[0]!,
      maxMs: sorted[sorted.length - 1]!,
      latenciesMs: latencies,
    };
    const outDir = path.join(repoRoot, 'tests/bench/results');
    await mkdir(outDir, { recursive: true });
    await writeFile(path.join(outDir, 'keystroke-browser.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `keystroke → other browser: median ${result.medianMs} ms, p95 ${result.p95Ms} ms ` +
        `(${result.measured} keystrokes after ${WARM_UP} warm-up; min ${result.minMs}, max ${result.maxMs})`,
    );
    return result;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
