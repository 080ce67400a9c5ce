/**
 * The durability check, repeated: `pnpm durability [rounds]` (default 20). Exits non-zero if any round
 * lost an acknowledged update. CI runs a shorter version inside the integration suite.
 */
import { killRound } from './killRound.js';

process.setMaxListeners(100);
const rounds = Number(process.argv[2] ?? 20);
let failed = 0;
let acknowledged = 0;
for (let round = 1; round <= rounds; round++) {
  const result = await killRound();
  acknowledged += result.acknowledged;
  const verdict = result.lost.length === 0 ? 'ok' : `LOST ${JSON.stringify(result.lost)}`;
  if (result.lost.length > 0) failed++;
  console.log(
    `round ${round}/${rounds}: killed after ${result.killedAfterMs} ms, ` +
      `${result.acknowledged} acknowledged, ${result.stored} stored: ${verdict}`,
  );
}
console.log(`${rounds - failed} passed, ${failed} failed (${acknowledged} acknowledged updates checked)`);
process.exit(failed === 0 ? 0 : 1);
