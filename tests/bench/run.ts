/**
 * `pnpm bench`: measures and prints figures (tests check behaviour; this measures speed). Each figure is
 * a median over runs made in this one invocation. Raw results go to tests/bench/results/.
 *   --quick   fewer runs
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { coldLoad } from './coldLoad.js';

const quick = process.argv.includes('--quick');
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
fs.mkdirSync(resultsDir, { recursive: true });

console.log(
  `Polyphony bench — ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`,
);
console.log('');

const cold = await coldLoad(10_000, quick ? 3 : 7);
fs.writeFileSync(`${resultsDir}cold-load.json`, JSON.stringify(cold, null, 2));
console.log(
  `Cold load of a meeting with ${cold.updates} stored keystroke updates (connect → synced, median of ${cold.runs}):`,
);
console.log(`  from the update log       ${cold.logMedianMs} ms`);
console.log(
  `  after compaction          ${cold.snapshotMedianMs} ms   (snapshot ${cold.snapshotBytes} bytes)`,
);
console.log(`  ratio                     ${(cold.logMedianMs / cold.snapshotMedianMs).toFixed(1)}×`);
console.log('');

const browserBench = fileURLToPath(new URL('./keystrokeBrowser.ts', import.meta.url));
if (fs.existsSync(browserBench)) {
  console.log('Keystroke in one browser → rendered in the other (Chromium, real server):');
  const result = spawnSync(process.execPath, ['--import', 'tsx', browserBench], { stdio: 'inherit' });
  if (result.status !== 0) process.exitCode = 1;
}
