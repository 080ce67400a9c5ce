/**
 * The sizes, durations and client behaviour of a `pnpm bench` run. Each scenario has one `ClientBehaviour`
 * object, and that object drives every server's clients (`clientsFor`); `symmetry.test.ts` checks it.
 */
import { type ClientBehaviour, ownPresenceClients, stockClients } from './clientBehaviour.js';
import type { BenchPlan } from './scenarios.js';
import type { ServerKind } from './servers.js';

/** The headline's clients: stock providers (presence echo on), a probe in every meeting, no "saved". */
const headline = stockClients({ durabilityWriters: 2 });
/** B: three probes in the one meeting. */
const bigHeadline = stockClients({ probes: 3, durabilityWriters: 2 });

/**
 * The plan of a run. A is the headline at 40 × 8, a load every server carries; A100 keeps 100 × 8
 * ("Polyphony at 100, references over capacity"); Aown and Bown are the second table, every probe sending
 * only its own presence.
 */
export function benchPlan(quick: boolean, threads: number, env: Record<string, string>): BenchPlan {
  // Ramps: probes in every tenth meeting, the generator's raw-protocol client that still applies everything
  // it receives — the full providers are most of the generator's cost, and a level counts only while the
  // generator's busiest thread is under 0.7.
  const rampClients = stockClients({ probeEvery: 10, probeKind: 'raw' });
  if (quick)
    return {
      quick,
      threads,
      typing: {
        A: { meetings: 40, editors: 8, warmMs: 500, windowMs: 1500, clients: headline },
        A100: { meetings: 100, editors: 8, warmMs: 500, windowMs: 1500, clients: headline },
        B: { meetings: 1, editors: 50, warmMs: 500, windowMs: 1500, clients: bigHeadline },
        Aown: { meetings: 40, editors: 8, warmMs: 500, windowMs: 1500, clients: ownPresenceClients() },
        Bown: {
          meetings: 1,
          editors: 50,
          warmMs: 500,
          windowMs: 1500,
          clients: ownPresenceClients({ probes: 3 }),
        },
      },
      cold: { updates: 10_000, runs: 1 },
      storm: { meetings: 8, editors: 8, typeMs: 500, clients: headline },
      // No bisection (resolution = step): the curve and a coarse capacity only.
      ramp: {
        start: 20,
        step: 20,
        max: 120,
        resolution: 20,
        coarseWarmMs: 500,
        coarseWindowMs: 1500,
        fineWarmMs: 1000,
        fineWindowMs: 2000,
        p99LimitMs: 100,
        maxGenerator: 0.7,
        clients: rampClients,
      },
      idle: { meetings: 15, clients: stockClients() },
      env,
    };
  return {
    quick,
    threads,
    typing: {
      A: { meetings: 40, editors: 8, warmMs: 3000, windowMs: 10_000, clients: headline },
      A100: { meetings: 100, editors: 8, warmMs: 3000, windowMs: 5000, clients: headline },
      // 6 s: 1,500 keystrokes to 49 others each, far from B's limit.
      B: { meetings: 1, editors: 50, warmMs: 2000, windowMs: 6000, clients: bigHeadline },
      Aown: { meetings: 40, editors: 8, warmMs: 3000, windowMs: 10_000, clients: ownPresenceClients() },
      Bown: {
        meetings: 1,
        editors: 50,
        warmMs: 2000,
        windowMs: 6000,
        clients: ownPresenceClients({ probes: 3 }),
      },
    },
    cold: { updates: 100_000, runs: 3 },
    storm: { meetings: 63, editors: 8, typeMs: 3000, clients: headline },
    ramp: {
      start: 20,
      step: 20,
      max: 400,
      resolution: 5,
      coarseWarmMs: 1000,
      coarseWindowMs: 2500,
      fineWarmMs: 3000,
      fineWindowMs: 10_000,
      p99LimitMs: 100,
      maxGenerator: 0.7,
      clients: rampClients,
    },
    idle: { meetings: 200, clients: stockClients() },
    env,
  };
}

/** The scenarios of a run by default; --quick leaves out the ones that take long and are not latency. */
export function defaultScenarios(quick: boolean): string[] {
  return quick
    ? ['A', 'B', 'Aown', 'E', 'P']
    : ['A', 'A100', 'B', 'Aown', 'Bown', 'C', 'D', 'E', 'idle', 'P'];
}

/** The behaviour of a scenario's clients on a server: the scenario's one object, whatever the server. */
export function clientsFor(plan: BenchPlan, scenario: string, _kind: ServerKind): ClientBehaviour {
  if (scenario in plan.typing) return (plan.typing[scenario] as BenchPlan['typing'][string]).clients;
  if (scenario === 'D') return plan.storm.clients;
  if (scenario === 'E' || scenario === 'S') return plan.ramp.clients;
  if (scenario === 'idle') return plan.idle.clients;
  throw new Error(`no clients for scenario ${scenario}`);
}
