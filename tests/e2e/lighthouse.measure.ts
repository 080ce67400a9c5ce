/**
 * Issue 18, part 2: Lighthouse's performance score of the meeting page, mobile (its default: a mid phone on
 * slow 4G, CPU slowed 4×) and desktop (--preset=desktop), three runs each; prints each score and the median
 * with FCP, LCP, TBT, CLS and the JavaScript transferred. Not a test (asserts nothing about the figures):
 * `pnpm exec playwright test -c tests/e2e/measure.config.ts lighthouse.measure.ts`. Lighthouse comes from
 * the npm registry through npx (`npx -y lighthouse@12`, not a dependency of the project) and drives
 * /usr/bin/chromium (CHROME_PATH) headless; each run opens Anna's personal link in a fresh profile, so it
 * measures the redirect to /m/:id and a device holding no copy: everything comes from the server.
 * LIGHTHOUSE_FORMS=desktop (or mobile) runs one of the two; LIGHTHOUSE_FLAGS adds flags, e.g.
 * `--throttling-method=devtools` (real throttling: the page's own timing races show, as the top bar's
 * wrap did, layoutShift.spec). A run with CLS above 0.1 prints the elements Lighthouse saw shift.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { addBlock, startNetwork, test, waitUntilEditable } from './networkMeeting.js';

const run = promisify(execFile);
const MIA = { name: 'Mia', relation: 'psychiatric nurse', role: 'professional' } as const;
const ANNA = { name: 'Anna', relation: '', role: 'person_at_centre' } as const;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

interface Audit {
  numericValue?: number;
  details?: {
    items?: { resourceType?: string; transferSize?: number; node?: { selector?: string }; score?: number }[];
  };
}
interface Report {
  categories: { performance: { score: number } };
  audits: Record<string, Audit>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

test('Lighthouse performance of the meeting page, mobile and desktop', async ({ browser, baseURL }) => {
  const network = await startNetwork(browser, baseURL!, MIA, [ANNA]);
  await addBlock(network.starter.page, 'dialogue', 'Anna said the nights are the hardest part');
  await addBlock(network.starter.page, 'plan', 'Mia phones on Monday.');
  await waitUntilEditable(network.starter.page);
  const url = new URL(network.invitationOf('Anna').url, baseURL).toString();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-lighthouse-'));
  for (const formFactor of (process.env.LIGHTHOUSE_FORMS ?? 'mobile,desktop').split(',') as (
    | 'mobile'
    | 'desktop'
  )[]) {
    const scores: number[] = [];
    for (let round = 1; round <= RUNS; round++) {
      const output = path.join(dir, `${formFactor}-${round}.json`);
      await run(
        'npx',
        [
          '-y',
          'lighthouse@12',
          url,
          '--only-categories=performance',
          ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
          '--output=json',
          `--output-path=${output}`,
          '--quiet',
          ...(process.env.LIGHTHOUSE_FLAGS?.split(' ').filter(Boolean) ?? []),
          '--chrome-flags=--headless=new --no-sandbox',
        ],
        { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 240_000 },
      );
      const report = JSON.parse(fs.readFileSync(output, 'utf8')) as Report;
      const score = Math.round(report.categories.performance.score * 100);
      const cls = report.audits['cumulative-layout-shift']?.numericValue ?? 0;
      if (cls > 0.1) {
        const shifted = report.audits['layout-shifts']?.details?.items ?? [];
        console.log(
          `  shifted: ${shifted.map((item) => `${item.node?.selector} ${item.score?.toFixed(3)}`).join(', ')}`,
        );
      }
      scores.push(score);
      const ms = (id: string) => Math.round(report.audits[id]?.numericValue ?? Number.NaN);
      const js = (report.audits['network-requests']?.details?.items ?? [])
        .filter((item) => item.resourceType === 'Script')
        .reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
      console.log(
        `lighthouse ${formFactor} round ${round}: performance ${score}, FCP ${ms('first-contentful-paint')} ms, ` +
          `LCP ${ms('largest-contentful-paint')} ms, TBT ${ms('total-blocking-time')} ms, ` +
          `CLS ${cls.toFixed(3)}, ` +
          `JavaScript ${(js / 1024).toFixed(1)} KiB transferred`,
      );
    }
    console.log(`lighthouse ${formFactor}: median performance ${median(scores)} (${scores.join(', ')})`);
  }
  await network.starter.context.close();
});
