/**
 * The grace period after a window ends early only when everything the window measured has arrived
 * (`Timing.windowArrived`): a keystroke or cursor move still on its way to some editor keeps it open, and
 * what is sent outside the window does not.
 */
import { describe, expect, it } from 'vitest';
import { type TimedEditor, Timing } from './timing.js';

function meetingOf(size: number): TimedEditor[] {
  const meeting: { editors: TimedEditor[] } = { editors: [] };
  for (let i = 0; i < size; i++) meeting.editors.push({ meeting, isProbe: false });
  return meeting.editors;
}

describe('the grace period after a window', () => {
  it('waits for a keystroke of the window until every other editor has it', () => {
    const [a, b, c] = meetingOf(3) as [TimedEditor, TimedEditor, TimedEditor];
    const timing = new Timing();
    timing.start();
    timing.keystrokeSent(1, a);
    timing.stop();
    expect(timing.windowArrived()).toBe(false);
    timing.keystrokeReceived(1, b);
    expect(timing.windowArrived()).toBe(false);
    timing.keystrokeReceived(1, c);
    expect(timing.windowArrived()).toBe(true);
  });

  it('waits for a cursor move of the window, and not for what was sent after it', () => {
    const [a, b] = meetingOf(2) as [TimedEditor, TimedEditor];
    const timing = new Timing();
    timing.start();
    timing.presenceSent(7, 1, a);
    timing.stop();
    timing.keystrokeSent(2, a);
    expect(timing.windowArrived()).toBe(false);
    timing.presenceReceived(7, 1, b);
    expect(timing.windowArrived()).toBe(true);
  });
});
