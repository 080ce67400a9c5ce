import { presenceColourOf } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import { MalformedPresence } from '../sync/Presence.js';
import type { Writer } from './contentRules.js';
import { bindPresenceStates, boundPresenceState } from './presenceCheck.js';

const maria: Writer = { participantId: 'maria', name: 'Maria', relation: 'nurse', role: 'professional' };
const bytes = (value: unknown) =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const read = (state: Uint8Array | null) => (state ? new TextDecoder().decode(state) : null);

/** What the server wrote before the state was written by hand: JSON.stringify of the bound object. */
function reference(state: Record<string, unknown>, color: string): string {
  const { user: _user, cursor, handRaised, ...rest } = state;
  const out: Record<string, unknown> = {
    ...rest,
    user: { name: 'Maria', color, id: 'maria', relation: 'nurse', role: 'professional' },
  };
  if (cursor !== undefined) out.cursor = cursor;
  if (handRaised !== undefined) out.handRaised = handRaised;
  return JSON.stringify(out);
}

describe('presence bound to its person', () => {
  const position = { type: null, tname: null, item: { client: 7, clock: 3 }, assoc: 0 };
  it('writes exactly what JSON.stringify of the bound state wrote, field order included', () => {
    const states: Record<string, unknown>[] = [
      { user: { name: 'Someone else', color: '#8a4f7d' }, cursor: { anchor: position, head: position } },
      { cursor: null, handRaised: true, extra: { a: [1, 'two', null] }, '10': 'x', 'quo"te': 'é\n' },
      { zeta: 1, user: 'not an object', alpha: false },
    ];
    for (const state of states) {
      const chosen = (state.user as { color?: string } | undefined)?.color;
      const color = chosen === '#8a4f7d' ? chosen : presenceColourOf('maria');
      expect(read(boundPresenceState(bytes(state), maria))).toBe(reference(state, color));
      // The second time (the person's `user` written once) is the same.
      expect(read(boundPresenceState(bytes(state), maria))).toBe(reference(state, color));
    }
  });

  it('leaves out a state of the wrong shape and refuses one that is not JSON, parsing each once', () => {
    const entries = [
      { id: 1, clock: 1, state: bytes({ cursor: 'somewhere' }) },
      { id: 2, clock: 1, state: null },
    ];
    const bound = bindPresenceStates(entries, maria);
    expect(bound[0]).toBeNull();
    expect(bound[1]).toEqual(entries[1]);
    expect(() => bindPresenceStates([{ id: 3, clock: 1, state: bytes('{"cursor":') }], maria)).toThrow(
      MalformedPresence,
    );
    expect(() => bindPresenceStates([{ id: 3, clock: 1, state: new Uint8Array([0xff]) }], maria)).toThrow(
      MalformedPresence,
    );
  });
});
