/** SIGKILL at a random moment loses no acknowledged update (checked in the database). */
import { describe, expect, it } from 'vitest';
import { killRound } from '../durability/killRound.js';

describe('durability under SIGKILL', () => {
  // The full check is `pnpm durability` (20 rounds); CI runs three here.
  for (let round = 1; round <= 3; round++) {
    it(`[SY13] round ${round}: every acknowledged update is in the database`, async () => {
      const result = await killRound();
      expect(result.lost).toEqual([]);
      // The round means something only if the server acknowledged a fair amount before dying.
      expect(result.acknowledged).toBeGreaterThan(50);
      expect(result.stored).toBeGreaterThanOrEqual(result.acknowledged);
    });
  }
});
