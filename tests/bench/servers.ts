/**
 * The three servers of the comparison, each started as its own process, pinned to core 0 when the
 * machine has two or more (the load generator takes the others), and measured from /proc: CPU seconds
 * (utime + stime) and peak resident memory (VmHWM).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, UNLIMITED } from '../integration/helpers/serverProcess.js';
import type { Framing } from './wire.js';

/** The servers compared. */
export type ServerKind = 'polyphony' | 'y-websocket' | 'y-websocket-server' | 'hocuspocus';

export const SERVER_KINDS: ServerKind[] = ['polyphony', 'y-websocket', 'y-websocket-server', 'hocuspocus'];

/** How each server is named in the table. */
export const SERVER_NAMES: Record<ServerKind, string> = {
  polyphony: 'Polyphony',
  'y-websocket': 'y-websocket 2.1.0 + LevelDB',
  'y-websocket-server': '@y/websocket-server 0.1.1 + LevelDB',
  hocuspocus: 'Hocuspocus 3.4.4 + SQLite',
};

/** What each server's storage promises: whether an update is on disk (fsync) before it is acknowledged. */
export const SERVER_DURABILITY: Record<ServerKind, string> = {
  polyphony: 'SQLite WAL, fdatasync before "saved" is sent (SQLITE_SYNCHRONOUS=FULL): acknowledged = on disk',
  'y-websocket': 'one LevelDB write per update, no fsync, no acknowledgement to the client',
  'y-websocket-server': 'one LevelDB write per update, no fsync, no acknowledgement to the client',
  hocuspocus:
    'the whole document to SQLite, debounced 2 s (10 s at most; the extension defaults), no acknowledgement of storage',
};

// BENCH_POLYPHONY_ENTRY runs another build of Polyphony (another commit's server/dist/index.js) under the same generator.
const POLYPHONY_ENTRY =
  process.env.BENCH_POLYPHONY_ENTRY ?? fileURLToPath(new URL('../../server/dist/index.js', import.meta.url));
// The reference servers are a package of their own (references/), installed by `setup.sh --test` only:
// their native builds (sqlite3, leveldown) are not something a person running Polyphony needs.
/**
 * The Node flags Polyphony runs with in production: those of `pnpm start` (the root package.json's start
 * script, `node <flags…> server/dist/index.js`), so that the bench starts it as an operator does. The
 * young generation's size is one of them (README, "Configuration").
 */
export const POLYPHONY_NODE_FLAGS: readonly string[] = (() => {
  const packageJson = fileURLToPath(new URL('../../package.json', import.meta.url));
  const start = (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { scripts: { start: string } }).scripts
    .start;
  const words = start.trim().split(/\s+/);
  if (words[0] !== 'node' || words[words.length - 1] !== 'server/dist/index.js')
    throw new Error(`pnpm start is not "node <flags…> server/dist/index.js" but "${start}"`);
  return words.slice(1, -1);
})();

const Y_WEBSOCKET_ENTRY = fileURLToPath(
  new URL('./references/node_modules/y-websocket-server-ref/bin/server.cjs', import.meta.url),
);
// @y/websocket-server 0.1.1: the last release on Yjs 13 (0.1.2 onwards move to the Yjs 14 prereleases,
// which the clients here do not speak); its own bin, src/server.js, persisting with y-leveldb (YPERSISTENCE).
const Y_WEBSOCKET_SERVER_ENTRY = fileURLToPath(
  new URL('./references/node_modules/@y/websocket-server/src/server.js', import.meta.url),
);
const HOCUSPOCUS_ENTRY = fileURLToPath(new URL('./references/hocuspocusServer.mjs', import.meta.url));
/** Where the reference servers' packages are installed. */
const REFERENCES_MODULES = fileURLToPath(new URL('./references/node_modules', import.meta.url));

/** Refuse, saying how to fix it, when the reference servers are not installed. */
export function requireReferences(): void {
  if (!fs.existsSync(REFERENCES_MODULES)) {
    throw new Error(
      'the reference servers (tests/bench/references) are not installed: run `bash scripts/setup.sh --test`',
    );
  }
}

const CLOCK_TICKS = 100;

/** Whether processes can be pinned to cores here. */
export const canPin = os.cpus().length >= 2 && spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;

/** A running server under test. */
export interface BenchServer {
  kind: ServerKind;
  framing: Framing;
  /** What the load generator's clients connect to (see Target.serverUrl). */
  serverUrl: string;
  /** http://host:port, for Polyphony's HTTP API. */
  httpUrl: string;
  port: number;
  dataDir: string;
  pid: number;
  /** CPU seconds used so far. */
  cpuSeconds(): number;
  /** Resident memory now, bytes. */
  rssBytes(): number;
  /** Peak resident memory so far, bytes. */
  peakRssBytes(): number;
  output(): string;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** Options of a server start. */
export interface StartOptions {
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
  /** Polyphony: another build's server/dist/index.js (BENCH_POLYPHONY_ENTRY otherwise, or this tree's). */
  entry?: string;
  /** Polyphony: Node flags of its process, besides BENCH_PROFILE's and BENCH_SERVER_FLAGS. */
  flags?: string[];
}

function entryOf(kind: ServerKind, dataDir: string): { entry: string; env: Record<string, string> } {
  if (kind !== 'polyphony') requireReferences();
  switch (kind) {
    case 'polyphony':
      // The load generator starts networks and opens sockets from one address: no rate limits.
      return { entry: POLYPHONY_ENTRY, env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...UNLIMITED } };
    case 'y-websocket':
      return { entry: Y_WEBSOCKET_ENTRY, env: { YPERSISTENCE: path.join(dataDir, 'leveldb') } };
    case 'y-websocket-server':
      return { entry: Y_WEBSOCKET_SERVER_ENTRY, env: { YPERSISTENCE: path.join(dataDir, 'leveldb') } };
    case 'hocuspocus':
      return { entry: HOCUSPOCUS_ENTRY, env: { DATABASE: path.join(dataDir, 'hocuspocus.sqlite') } };
  }
}

/** Start a process (a server) whose output is kept, to show if it fails to start. */
function spawnListening(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { child: ChildProcess; output: () => string; exited: Promise<void> } {
  let output = '';
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // BENCH_SERVER_LOG=<file>: every server's output is appended there too (with BENCH_SERVER_FLAGS=--trace-gc).
  const log = process.env.BENCH_SERVER_LOG;
  const keep = (chunk: Buffer): void => {
    output += chunk;
    if (log) fs.appendFileSync(log, chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, output: () => output, exited };
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited at start:\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in time:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function procStatus(pid: number, field: string): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds (utime + stime) a process has used, from /proc; null when it is gone. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by every process named `postgres` (the postmaster, its backends and helpers),
 * whoever started them; read before and after a window, the difference is PostgreSQL's CPU over it.
 * A backend that exits during the window takes its CPU with it, so this is a lower bound.
 */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** A throwaway redis-server for the scale-out scenario. */
export interface BenchRedis {
  url: string;
  pid: number;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Start Debian's redis-server on a free port, without persistence, pinned like a server (core 0). */
export async function startRedisServer(cpus: string | null = '0'): Promise<BenchRedis> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0)
    throw new Error('redis-server is not installed (bash scripts/services.sh installs it)');
  const port = await freePort();
  const redisArgs = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const pin = canPin && cpus !== null;
  const { child, output, exited } = spawnListening(
    pin ? 'taskset' : 'redis-server',
    pin ? ['-c', cpus, 'redis-server', ...redisArgs] : redisArgs,
  );
  await waitForPort(port, child, output);
  const pid = child.pid as number;
  let lastCpu = 0;
  return {
    url: `redis://127.0.0.1:${port}`,
    pid,
    cpuSeconds: () => {
      lastCpu = processCpuSeconds(pid) ?? lastCpu;
      return lastCpu;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Start a server; resolves once its port accepts connections. */
export async function startServer(kind: ServerKind, options: StartOptions): Promise<BenchServer> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const { entry: ownEntry, env } = entryOf(kind, options.dataDir);
  const entry = kind === 'polyphony' && options.entry ? options.entry : ownEntry;
  // BENCH_PROFILE=<dir>: write a V8 CPU profile of each Polyphony process there when it exits.
  // BENCH_SERVER_FLAGS: Node flags for Polyphony's processes only (--trace-gc, heap sizes…), after those
  // of `pnpm start` (a later V8 flag wins: BENCH_SERVER_FLAGS="--max-semi-space-size=16" is Node's default).
  const flags =
    kind === 'polyphony'
      ? [
          ...POLYPHONY_NODE_FLAGS,
          ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
          ...(process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []),
          ...(options.flags ?? []),
        ]
      : [];
  const command = canPin ? 'taskset' : process.execPath;
  const args = canPin ? ['-c', '0', process.execPath, ...flags, entry] : [...flags, entry];
  const { child, output, exited } = spawnListening(command, args, {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ...env,
    ...options.env,
  });
  await waitForPort(port, child, output);
  const pid = child.pid as number;
  let lastCpu = 0;
  let lastPeak = 0;
  const cpuSeconds = (): number => {
    lastCpu = processCpuSeconds(pid) ?? lastCpu; // exited: keep the last reading
    return lastCpu;
  };
  return {
    kind,
    framing: kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket',
    serverUrl: kind === 'polyphony' ? `ws://127.0.0.1:${port}/sync` : `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    port,
    dataDir: options.dataDir,
    pid,
    cpuSeconds,
    rssBytes: () => procStatus(pid, 'VmRSS'),
    peakRssBytes: () => {
      lastPeak = Math.max(lastPeak, procStatus(pid, 'VmHWM'));
      return lastPeak;
    },
    output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
