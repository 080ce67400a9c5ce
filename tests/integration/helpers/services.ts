/**
 * Outside services some tests need (PostgreSQL, Redis, LiveKit): where they are, whether they answer,
 * and one rule for when they do not — skip loudly on a developer's machine, fail in CI (CI=true), so that
 * a green CI run means those tests ran.
 */
import pg from 'pg';

/** The test database scripts/services.sh creates, or TEST_DATABASE_URL. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://polyphony:polyphony@127.0.0.1:5432/polyphony_test';

/** Whether the test PostgreSQL answers. */
export async function postgresReachable(url = TEST_DATABASE_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** When a suite's service is missing: an error in CI, a loud warning elsewhere (the suite then skips). */
export function missingService(suite: string, what: string): void {
  if (process.env.CI === 'true') throw new Error(`${suite}: ${what} in CI`);
  const line = '!'.repeat(100);
  console.warn(`\n${line}\n${suite}: SKIPPED — ${what}\n${line}\n`);
}

/**
 * Whether PostgreSQL answers at TEST_DATABASE_URL, for a suite that needs it: when it does not, the suite
 * is skipped with a loud message (missingService), or fails in CI.
 */
export async function postgresForSuite(suite: string): Promise<boolean> {
  const available = await postgresReachable();
  if (!available) missingService(suite, `nothing at ${TEST_DATABASE_URL}; run scripts/services.sh`);
  return available;
}
