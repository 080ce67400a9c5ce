/**
 * Measurements that are not tests (not in the suite): `pnpm exec playwright test -c
 * tests/e2e/measure.config.ts`. Same browser and server as the suite; files named *.measure.ts.
 */
import base from './playwright.config.js';

export default { ...base, testMatch: '*.measure.ts', timeout: 600_000 };
