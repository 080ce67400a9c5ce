/** The pace of a meeting's presence relays, on real timers. */
import { afterEach, describe, expect, it } from 'vitest';
import { PresencePacing } from './PresencePacing.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pacings: PresencePacing[] = [];
afterEach(() => {
  for (const pacing of pacings.splice(0)) pacing.stop();
});

/** A pacing that records each relay and when it happened. */
function record() {
  const relays: { changed: number[]; local: number[]; at: number }[] = [];
  const pacing = new PresencePacing((changed, local) =>
    relays.push({ changed, local, at: performance.now() }),
  );
  pacings.push(pacing);
  return { pacing, relays };
}

const change = (added: number[], updated: number[] = [], removed: number[] = []) => ({
  added,
  updated,
  removed,
});

describe('presence pacing', () => {
  it('[SY10] a quiet meeting relays a change at once; changes that follow within 100 ms go together, once', async () => {
    const { pacing, relays } = record();
    pacing.note(change([1]), true);
    await sleep(10);
    expect(relays.map((relay) => relay.changed)).toEqual([[1]]);
    const first = relays[0]?.at as number;

    pacing.note(change([], [1]), true);
    pacing.note(change([2]), false);
    pacing.note(change([], [], [3]), true);
    await sleep(40);
    expect(relays).toHaveLength(1);
    await sleep(120);
    expect(relays).toHaveLength(2);
    expect(relays[1]?.changed.sort()).toEqual([1, 2, 3]);
    // Only what this instance's sockets announced goes to the other instances.
    expect(relays[1]?.local.sort()).toEqual([1, 3]);
    expect((relays[1]?.at as number) - first).toBeGreaterThanOrEqual(95);
  });

  it('[SY10] presence waiting 80 ms or more goes out with the next edit, not sooner', async () => {
    const { pacing, relays } = record();
    pacing.note(change([1]), true);
    await sleep(5);
    pacing.note(change([], [1]), true);
    pacing.withEdits();
    expect(relays).toHaveLength(1);
    await sleep(85);
    pacing.withEdits();
    expect(relays).toHaveLength(2);
    // Nothing waiting: an edit relays nothing.
    pacing.withEdits();
    await sleep(120);
    expect(relays).toHaveLength(2);
  });

  it('relays nothing once stopped', async () => {
    const { pacing, relays } = record();
    pacing.note(change([1]), true);
    pacing.stop();
    await sleep(20);
    expect(relays).toEqual([]);
  });
});
