/**
 * Starts the real built server (server/dist/index.js) on a free port with a fresh data folder, for
 * end-to-end tests and browser benchmarks. Assumes `pnpm build` has run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A running server. */
export interface RunningServer {
  url: string;
  dataDir: string;
  /** Stop it; its data folder is removed unless asked to keep it (to start another server on it). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer ${url}/api/health within ${timeoutMs} ms`);
}

/**
 * Start the built server (on a fresh data folder, or on one a stopped server left); resolves once
 * /api/health answers. `env` adds to (or overrides) its settings; `port` is one freePort gave.
 */
export async function startServer(
  options: { dataDir?: string; env?: Record<string, string>; port?: number } = {},
): Promise<RunningServer> {
  const { env = {} } = options;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'polyphony-e2e-')));
  // A port known in advance when the server's own URL must be configured (PUBLIC_URL, a redirect URI).
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(repoRoot, 'server/dist/index.js')], {
    cwd: repoRoot,
    env: {
      // Versions are taken after a few seconds of writing instead of minutes, for the history tests.
      VERSION_EVERY_MS: '2000',
      // One server for the whole run, every test from 127.0.0.1: rate limits off (abuse.test.ts tests them).
      STARTS_PER_HOUR: '0',
      JOIN_ATTEMPTS_PER_MINUTE: '0',
      ANONYMOUS_REQUESTS_PER_MINUTE: '0',
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForHealth(url, child, 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    dataDir,
    async stop(stopOptions = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timeout);
      }
      if (!stopOptions.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
