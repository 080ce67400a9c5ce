/**
 * Intake shares each event-loop turn between sockets: a burst from one socket is handled a bounded share
 * per turn, in order, while another socket's message is handled at once; a socket with a full inbox is
 * paused and resumed; a socket the server decided to close is not handled at all.
 */
import { describe, expect, it } from 'vitest';
import type { Connection } from './Connection.js';
import { Intake } from './Intake.js';

/** The parts of a Connection that Intake uses. */
function fakeConnection(name: string) {
  const connection = {
    name,
    state: 'open' as 'open' | 'closing',
    get accepting() {
      return connection.state === 'open';
    },
    inbox: [] as Buffer[],
    inboxBytes: 0,
    turn: -1,
    turnMessages: 0,
    turnMs: 0,
    readingPaused: false,
    pauses: 0,
    resumes: 0,
    socket: {
      pause: () => connection.pauses++,
      resume: () => connection.resumes++,
    },
  };
  return connection;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('Intake', () => {
  it('[SY6] handles a burst a share per turn, in order, while another socket is handled at once', async () => {
    const handled: string[] = [];
    const intake = new Intake((connection, data) =>
      handled.push(`${(connection as unknown as { name: string }).name}${data.readUInt16BE(0)}`),
    );
    const burst = fakeConnection('a');
    const typist = fakeConnection('b');
    for (let i = 0; i < 1000; i++)
      intake.receive(burst as unknown as Connection, Buffer.from([i >> 8, i & 0xff]), true);
    intake.receive(typist as unknown as Connection, Buffer.from([0, 7]), true);
    // The typist's keystroke did not wait for the burst…
    expect(handled).toContain('b7');
    expect(handled.indexOf('b7')).toBeLessThanOrEqual(32);
    // …which was cut to a share, the rest waiting in its inbox; reading it stopped when the inbox filled.
    expect(handled.filter((h) => h.startsWith('a')).length).toBe(32);
    expect(burst.inbox.length).toBe(1000 - 32);
    expect(burst.pauses).toBe(1);
    for (let turn = 0; turn < 100 && burst.inbox.length > 0; turn++) await nextTurn();
    expect(burst.inbox.length).toBe(0);
    expect(burst.resumes).toBe(1);
    // Every message, once, in the order sent.
    const order = handled.filter((h) => h.startsWith('a')).map((h) => Number(h.slice(1)));
    expect(order).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('holds the messages of a socket whose meeting is loading, then serves them in order', async () => {
    const handled: number[] = [];
    const intake = new Intake((_connection, data) => handled.push(data[0] as number));
    const joining = fakeConnection('c');
    for (let i = 0; i < 300; i++)
      intake.receive(joining as unknown as Connection, Buffer.from([i % 256]), false);
    await nextTurn();
    expect(handled).toEqual([]);
    expect(joining.pauses).toBe(1);
    // Its share at once (its own sync request is answered before it is greeted), the rest in later turns.
    intake.attached(joining as unknown as Connection);
    expect(handled).toEqual(Array.from({ length: 32 }, (_, i) => i));
    for (let turn = 0; turn < 20 && joining.inbox.length > 0; turn++) await nextTurn();
    expect(handled).toEqual(Array.from({ length: 300 }, (_, i) => i % 256));
    expect(joining.resumes).toBe(1);
  });

  it('[SY5] handles nothing more from a socket the server decided to close', async () => {
    const handled: number[] = [];
    const intake = new Intake((_connection, data) => handled.push(data[0] as number));
    const closing = fakeConnection('d');
    for (let i = 0; i < 100; i++) intake.receive(closing as unknown as Connection, Buffer.from([i]), true);
    expect(handled.length).toBe(32);
    // What Connection.close does: the state changes and the inbox is dropped.
    closing.state = 'closing';
    closing.inbox.length = 0;
    intake.receive(closing as unknown as Connection, Buffer.from([200]), true);
    for (let turn = 0; turn < 10; turn++) await nextTurn();
    expect(handled.length).toBe(32);
    expect(handled).not.toContain(200);
  });
});
