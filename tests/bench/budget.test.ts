/**
 * The bench's planned measurement fits its time (issue 20: `pnpm bench` under 15 minutes, `--quick` under
 * two): windows, warm-ups and grace periods of the default scenarios on every server, from the plan alone
 * (no server is started), with room left for the fixed costs (server starts, joins, seeding, the kill -9
 * check, the host-speed runs, P and the browser figure — about 3–4 minutes of a full run and under a
 * minute of --quick, timed once each with fixedCosts.ts).
 */
import { describe, expect, it } from 'vitest';
import { benchPlan, defaultScenarios, plannedBudget } from './plan.js';
import { SERVER_KINDS } from './servers.js';

function budgetOf(quick: boolean) {
  const plan = benchPlan(quick, 1, { SQLITE_SYNCHRONOUS: 'FULL' });
  return plannedBudget(plan, {
    scenarios: defaultScenarios(quick).filter((s) => s !== 'P'),
    servers: SERVER_KINDS,
    runs: 1,
    ramps: quick ? 1 : 3,
    settleMs: 100,
  });
}

describe('the bench fits its time', () => {
  it('--quick plans at most 75 s of measurement', () => {
    expect(budgetOf(true).total).toBeLessThanOrEqual(75);
  });

  it('the full run plans at most 10 minutes of measurement, E at most 6.5', () => {
    const budget = budgetOf(false);
    expect(budget.total).toBeLessThanOrEqual(600);
    expect(budget.byScenario.E).toBeLessThanOrEqual(390);
  });

  it("E keeps the issue's fine windows: 10 s near the limit, 3 s warm-up, bisected to 5 meetings", () => {
    const { ramp } = benchPlan(false, 1, {});
    expect(ramp.fineWindowMs).toBeGreaterThanOrEqual(10_000);
    expect(ramp.fineWarmMs).toBeGreaterThanOrEqual(3000);
    expect(ramp.resolution).toBe(5);
  });
});
