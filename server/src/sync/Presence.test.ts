import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { decodePresenceUpdate, MalformedPresence, Presence, type PresenceChange } from './Presence.js';

/** The states a stock client would hold after receiving `update`. */
function statesSeenBy(update: Uint8Array): Map<number, unknown> {
  const reader = new awarenessProtocol.Awareness(new Y.Doc());
  reader.setLocalState(null);
  awarenessProtocol.applyAwarenessUpdate(reader, update, 'test');
  const states = new Map(reader.getStates());
  reader.destroy();
  return states;
}

function client(): awarenessProtocol.Awareness {
  return new awarenessProtocol.Awareness(new Y.Doc());
}

describe('Presence', () => {
  it('keeps the same presence as y-protocols, update for update, and relays it to stock clients unchanged', () => {
    const reference = new awarenessProtocol.Awareness(new Y.Doc());
    reference.setLocalState(null);
    const changes: PresenceChange[] = [];
    const presence = new Presence((change) => changes.push(change));
    const people = [client(), client(), client()];
    const history: Uint8Array[] = [];
    const deliver = (update: Uint8Array) => {
      awarenessProtocol.applyAwarenessUpdate(reference, update, 'socket');
      presence.apply(decodePresenceUpdate(update), 'socket');
      const ids = [...reference.getStates().keys()];
      expect(presence.clientIds().sort()).toEqual(ids.sort());
      expect(statesSeenBy(presence.encode(ids))).toEqual(reference.getStates());
    };
    let step = 0;
    for (const round of [0, 1, 2, 3]) {
      for (const person of people) {
        person.setLocalState({
          user: { name: `P${person.clientID % 97}`, colour: 'é' },
          cursor: { at: step++ },
        });
        const update = awarenessProtocol.encodeAwarenessUpdate(person, [person.clientID]);
        history.push(update);
        deliver(update);
      }
      // Old updates arriving late change nothing.
      if (round > 0) deliver(history[round] as Uint8Array);
    }
    // Someone leaves (their client sends "null"), and comes back.
    const leaver = people[1] as awarenessProtocol.Awareness;
    leaver.setLocalState(null);
    deliver(awarenessProtocol.encodeAwarenessUpdate(leaver, [leaver.clientID]));
    expect(presence.clientIds()).not.toContain(leaver.clientID);
    leaver.setLocalState({ back: true });
    deliver(awarenessProtocol.encodeAwarenessUpdate(leaver, [leaver.clientID]));
    expect(presence.clientIds()).toContain(leaver.clientID);
    expect(changes.flatMap((change) => change.removed)).toEqual([leaver.clientID]);
    presence.destroy();
    reference.destroy();
  });

  it('removes a closed socket’s presence so that its older updates lose and newer ones win', () => {
    const presence = new Presence(() => undefined);
    const person = client();
    person.setLocalState({ n: 1 });
    const first = awarenessProtocol.encodeAwarenessUpdate(person, [person.clientID]);
    presence.apply(decodePresenceUpdate(first), 'socket');
    presence.remove([person.clientID], 'socket');
    expect(presence.clientIds()).toEqual([]);
    // What others are told: the client is gone.
    expect(statesSeenBy(presence.encode([person.clientID])).size).toBe(0);
    presence.apply(decodePresenceUpdate(first), 'socket');
    expect(presence.clientIds()).toEqual([]);
    person.setLocalState({ n: 2 });
    person.setLocalState({ n: 3 });
    presence.apply(
      decodePresenceUpdate(awarenessProtocol.encodeAwarenessUpdate(person, [person.clientID])),
      'x',
    );
    expect(statesSeenBy(presence.encode([person.clientID])).get(person.clientID)).toEqual({ n: 3 });
    presence.destroy();
  });

  it('refuses a malformed update whole: a state that is not JSON, or bytes cut short', () => {
    const writer = encoding.createEncoder();
    encoding.writeVarUint(writer, 2);
    encoding.writeVarUint(writer, 1);
    encoding.writeVarUint(writer, 1);
    encoding.writeVarString(writer, '{"ok":true}');
    encoding.writeVarUint(writer, 2);
    encoding.writeVarUint(writer, 1);
    encoding.writeVarString(writer, '{not json');
    const bad = encoding.toUint8Array(writer);
    expect(() => decodePresenceUpdate(bad)).toThrow(MalformedPresence);
    const person = client();
    person.setLocalState({ n: 1 });
    const good = awarenessProtocol.encodeAwarenessUpdate(person, [person.clientID]);
    expect(() => decodePresenceUpdate(good.subarray(0, good.length - 2))).toThrow(MalformedPresence);
  });
});
