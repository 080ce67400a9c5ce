/** The one runner of the sync server's hooks, and its one error policy. */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Hooks } from './Hooks.js';
import type { Room } from './Room.js';

/** A logger whose lines are kept, parsed. */
function logged() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino(stream), lines };
}

const room = { meetingId: 'meeting-1' } as Room;

describe('sync hooks', () => {
  it('[SY14] run in the order they were added; one that throws is logged, and the others still run', () => {
    const { logger, lines } = logged();
    const hooks = new Hooks(logger);
    const ran: string[] = [];
    hooks.add({ beforeTake: () => ran.push('history') });
    hooks.add({
      beforeTake: () => {
        throw new Error('relay broke');
      },
    });
    hooks.add({ afterCommit: () => ran.push('not this one') });
    hooks.add({ beforeTake: (taken) => ran.push(`metrics ${taken.meetingId}`) });
    hooks.run('beforeTake', room);
    expect(ran).toEqual(['history', 'metrics meeting-1']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ hook: 'beforeTake', meetingId: 'meeting-1', msg: 'a sync hook failed' });
  });

  it('[SY14] waits for each promise in turn, and a rejected one does not stop the next', async () => {
    const { logger, lines } = logged();
    const hooks = new Hooks(logger);
    const ran: string[] = [];
    hooks.add({
      beforeUnload: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        ran.push('version');
      },
    });
    hooks.add({ beforeUnload: () => Promise.reject(new Error('store away')) });
    hooks.add({ beforeLoad: async (meetingId) => void ran.push(`subscribe ${meetingId}`) });
    hooks.add({ beforeUnload: async () => void ran.push('last') });
    await hooks.runInTurn('beforeUnload', room);
    expect(ran).toEqual(['version', 'last']);
    await hooks.runInTurn('beforeLoad', 'meeting-2');
    expect(ran).toEqual(['version', 'last', 'subscribe meeting-2']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ hook: 'beforeUnload', meetingId: 'meeting-1' });
  });
});
