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
        // 100: where the generator's one thread (two cores) reaches 0.7 at 120 anyway.
        max: 100,
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
      // The second table: 5 s windows (A's 10 s is the headline's).
      Aown: { meetings: 40, editors: 8, warmMs: 3000, windowMs: 5000, clients: ownPresenceClients() },
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
    // Coarse steps of 10: one 10 s bisection window (10 → 5) per ramp instead of two (20 → 10 → 5) —
    // 13 s of a fine window against 3.5 s of a coarse level (plannedBudget: E 490 → 389 s).
    ramp: {
      start: 20,
      step: 10,
      max: 400,
      resolution: 5,
      coarseWarmMs: 500,
      coarseWindowMs: 2000,
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

/**
 * The capacities (meetings of 8) the budget assumes for E when none is known: the references at the last
 * full run's better one (110, ecce6f2), Polyphony at the target, twice that.
 */
export const ASSUMED_CAPACITY: Record<ServerKind, number> = {
  polyphony: 220,
  'y-websocket': 110,
  'y-websocket-server': 110,
  hocuspocus: 60,
};

/**
 * The planned time of a run's measurement, by scenario, in seconds: warm-ups and windows (the part that
 * is measurement) and the grace period after each window (`settleMs`, at most a second: see
 * loadWorker.ts), for the given servers, runs and ramps. E depends on where each server's limit is
 * (`capacity`): the first ramp measures every coarse level up to the first failing one (measured twice
 * when its p99 failed), the later ones from the last level the first passed; each bisects down to the
 * resolution with fine windows. Not counted: the fixed costs (a server's start, joining the sockets,
 * seeding, the kill -9 check, the host-speed runs, P, the browser), which fixedCosts.ts times once each.
 */
export function plannedBudget(
  plan: BenchPlan,
  options: {
    scenarios: string[];
    servers: ServerKind[];
    runs: number;
    ramps: number;
    settleMs: number;
    capacity?: Partial<Record<ServerKind, number>>;
  },
): { byScenario: Record<string, number>; windows: Record<string, number>; total: number } {
  const byScenario: Record<string, number> = {};
  const windows: Record<string, number> = {};
  const settle = options.settleMs;
  const n = options.servers.length;
  for (const scenario of options.scenarios) {
    const typed = plan.typing[scenario];
    if (typed) {
      byScenario[scenario] = (n * options.runs * (typed.warmMs + typed.windowMs + settle)) / 1000;
      windows[scenario] = n * options.runs;
    } else if (scenario === 'D') {
      byScenario[scenario] = (n * options.runs * (plan.storm.typeMs + 500)) / 1000;
      windows[scenario] = 0;
    } else if (scenario === 'idle') {
      byScenario[scenario] = (n * options.runs * 3000) / 1000;
      windows[scenario] = 0;
    } else if (scenario === 'E') {
      const r = plan.ramp;
      const coarse = r.coarseWarmMs + r.coarseWindowMs + settle;
      // The failing coarse level is measured a second time (its p99 alone failed, as a server's does).
      const retry = r.coarseWindowMs + settle;
      let fine = 0;
      for (let gap = r.step; gap > r.resolution; gap = Math.max(r.resolution, Math.round(gap / 2))) fine++;
      const fineMs = fine * (r.fineWarmMs + r.fineWindowMs + settle);
      let ms = 0;
      let count = 0;
      for (const kind of options.servers) {
        const capacity = Math.min(r.max, options.capacity?.[kind] ?? ASSUMED_CAPACITY[kind]);
        const passing = Math.max(0, Math.floor((capacity - r.start) / r.step) + 1);
        const failing = capacity + r.step <= r.max ? 1 : 0;
        const bisect = failing ? fineMs : 0;
        ms += passing * coarse + failing * (coarse + retry) + bisect;
        count += passing + failing * 2 + (failing ? fine : 0);
        // Later ramps: the last passing coarse level (with the fine warm-up: the levels below it were
        // opened at once just before), the failing one, the bisection.
        const firstMeasured = coarse + r.fineWarmMs - r.coarseWarmMs;
        const later =
          (failing ? firstMeasured + coarse + retry + bisect : firstMeasured) * (options.ramps - 1);
        ms += later;
        count += (failing ? 3 + fine : 1) * (options.ramps - 1);
      }
      byScenario[scenario] = ms / 1000;
      windows[scenario] = count;
    }
  }
  const total = Object.values(byScenario).reduce((a, b) => a + b, 0);
  return { byScenario, windows, total };
}
