/**
 * The benchmark is symmetric: one scenario configuration object drives every server's clients. A server
 * may change how its clients connect (framing, URL, session cookie, the person named as typist), never
 * what they do. Cheap: no server is started — what is checked is what the generator's threads are given
 * and what a probe is configured with, for every server kind, plus every per-server branch of the
 * harness's client code being marked as transport.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { probeSettings, TRANSPORT_KEYS } from './clientBehaviour.js';
import { benchPlan, clientsFor } from './plan.js';
import { targetOf } from './scenarios.js';
import { SERVER_KINDS, type ServerKind } from './servers.js';

const plan = benchPlan(false, 1, { SQLITE_SYNCHRONOUS: 'FULL' });
const quickPlan = benchPlan(true, 1, { SQLITE_SYNCHRONOUS: 'FULL' });
/** The scenarios whose clients the tables compare across servers. */
const SCENARIOS = [...Object.keys(plan.typing), 'D', 'E', 'idle'];

/** What a server's BenchServer and seeding give the generator (see servers.ts and seed.ts). */
function serverSide(kind: ServerKind) {
  return {
    server: {
      framing: kind === 'hocuspocus' ? ('hocuspocus' as const) : ('y-websocket' as const),
      serverUrl: kind === 'polyphony' ? 'ws://127.0.0.1:1/sync' : 'ws://127.0.0.1:1',
    },
    seeded:
      kind === 'polyphony'
        ? { meetingIds: ['m'], cookie: 'polyphony_session=x', typist: { id: 'p', name: 'Bench' } }
        : { meetingIds: ['m'] },
  };
}

describe('the bench drives every server with the same clients', () => {
  for (const [label, p] of [
    ['full', plan],
    ['--quick', quickPlan],
  ] as const) {
    it(`every scenario's clients are one object for every server (${label})`, () => {
      for (const scenario of SCENARIOS) {
        const objects = new Set(SERVER_KINDS.map((kind) => clientsFor(p, scenario, kind)));
        expect(objects.size, `scenario ${scenario}`).toBe(1);
      }
    });

    it(`what the generator's threads are given differs between servers only in transport (${label})`, () => {
      for (const scenario of SCENARIOS) {
        const targets = SERVER_KINDS.map((kind) => {
          const { server, seeded } = serverSide(kind);
          return targetOf(server, seeded, clientsFor(p, scenario, kind));
        });
        for (const target of targets) {
          const extra = Object.keys(target).filter(
            (key) => key !== 'behaviour' && !(TRANSPORT_KEYS as string[]).includes(key),
          );
          expect(extra, `scenario ${scenario}: keys besides transport and behaviour`).toEqual([]);
          expect(target.behaviour, `scenario ${scenario}`).toBe(clientsFor(p, scenario, 'polyphony'));
        }
        const settings = targets.map((target) => probeSettings(target));
        for (const s of settings) expect(s, `scenario ${scenario}: probe settings`).toEqual(settings[0]);
      }
    });
  }

  it('the headline is stock clients (presence echo on) that do not ask for "saved"; the second table sends own presence only', () => {
    for (const name of ['A', 'A100', 'B']) {
      const behaviour = clientsFor(plan, name, 'polyphony');
      expect(behaviour.presence).toBe('echo');
      expect(behaviour.probeKind).toBe('stock');
      const { server, seeded } = serverSide('polyphony');
      expect(probeSettings(targetOf(server, seeded, behaviour))).toMatchObject({
        ack: false,
        ownPresenceOnly: false,
      });
    }
    for (const name of ['Aown', 'Bown']) {
      expect(clientsFor(plan, name, 'hocuspocus').presence).toBe('own');
    }
  });

  it('every per-server branch in the client code is marked as transport or server side', () => {
    // A branch on the server (its kind or framing) in the code that makes or drives clients either only
    // chooses how to connect (`// per-server: transport`) or what the server side is given — its store,
    // its start, the durability check (`// per-server: server side`) — and says so on the line or the one
    // before; or it is a per-server change of client behaviour, which the headline must not have.
    const files = [
      'editors.ts',
      'wire.ts',
      'rawWebSocket.ts',
      'loadWorker.ts',
      'timing.ts',
      'generator.ts',
      'clientBehaviour.ts',
      'plan.ts',
      'scenarios.ts',
      'durability.ts',
    ];
    const branch =
      /\b(kind|framing)\s*[!=]==|[!=]==\s*'(polyphony|y-websocket|y-websocket-server|hocuspocus)'/;
    const MARK = /\/\/ per-server: (transport|server side)/;
    const unmarked: string[] = [];
    for (const file of files) {
      const lines = fs.readFileSync(new URL(`./${file}`, import.meta.url), 'utf8').split('\n');
      lines.forEach((line, i) => {
        const marked = MARK.test(line) || MARK.test((lines[i - 1] ?? '').trim());
        if (branch.test(line) && !marked) unmarked.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(unmarked).toEqual([]);
  });
});
