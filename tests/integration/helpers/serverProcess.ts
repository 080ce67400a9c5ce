/**
 * Starts the real, built Polyphony server (server/dist/index.js) as a child process on a free port with
 * its own DATA_DIR, the way an operator would, so that tests can stop it, kill it and restart it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built server; POLYPHONY_SERVER_ENTRY runs the tests against another build (an earlier commit's, to
 * measure what a change did).
 */
const SERVER_ENTRY =
  process.env.POLYPHONY_SERVER_ENTRY ??
  fileURLToPath(new URL('../../../server/dist/index.js', import.meta.url));

/** Rate limits out of the way, for tests that are not about them. */
export const UNLIMITED = {
  STARTS_PER_HOUR: '0',
  JOIN_ATTEMPTS_PER_MINUTE: '0',
  ANONYMOUS_REQUESTS_PER_MINUTE: '0',
} as const;

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A fresh temporary folder for a DATA_DIR. */
export function tempDataDir(label = 'polyphony-test'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
}

/** A running server process. */
export interface ServerProcess {
  url: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the process printed. */
  output(): string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait until the process is gone. */
  kill(): Promise<void>;
}

/** Start the built server; resolves once /api/health answers. */
export async function startServerProcess(
  options: { dataDir?: string; port?: number; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? tempDataDir();
  const port = options.port ?? (await freePort());
  let output = '';
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The suites start many networks and open many links from one address: the limits are tested
      // where a test sets them (abuse.test.ts).
      ...UNLIMITED,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited at start:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    port,
    dataDir,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A person as the start form names them. */
export interface PersonSpec {
  name: string;
  relation?: string;
  role: string;
}

/** A network started through the API, with everyone's session cookie ready to use. */
export interface StartedNetwork {
  networkId: string;
  meetingId: string;
  /** Session cookie of the person who started it (the professional, by default). */
  cookie: string;
  /** Everyone's personal link and participant id, the starter first. */
  people: { name: string; participantId: string; url: string; role: string }[];
}

/** The session cookie a response sets, as a Cookie header value. */
export function sessionCookie(response: Response): string {
  const setCookie = response.headers.get('set-cookie') ?? '';
  const match = /polyphony_session=([^;]+)/.exec(setCookie);
  if (!match) throw new Error(`no session cookie in: ${setCookie}`);
  return `polyphony_session=${match[1]}`;
}

/** Start a network meeting through the API, as the start page does. */
export async function startNetwork(
  url: string,
  options: { centreName?: string; me?: PersonSpec; people?: PersonSpec[]; title?: string } = {},
): Promise<StartedNetwork> {
  const response = await fetch(`${url}/api/networks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      centreName: options.centreName ?? 'Anna',
      meetingTitle: options.title,
      me: options.me ?? { name: 'Maria', relation: 'psychiatric nurse', role: 'professional' },
      people: options.people ?? [],
    }),
  });
  if (response.status !== 201)
    throw new Error(`starting a network failed: ${response.status} ${await response.text()}`);
  const cookie = sessionCookie(response);
  const body = (await response.json()) as {
    network: { id: string };
    meeting: { id: string };
    invitations: { url: string; participant: { id: string; name: string; role: string } }[];
  };
  return {
    networkId: body.network.id,
    meetingId: body.meeting.id,
    cookie,
    people: body.invitations.map((invitation) => ({
      name: invitation.participant.name,
      participantId: invitation.participant.id,
      url: invitation.url,
      role: invitation.participant.role,
    })),
  };
}

/** Open a personal link as a browser would, returning the session cookie it sets and where it leads. */
export async function openLink(
  link: string,
  cookie?: string,
): Promise<{ cookie: string | null; location: string; status: number }> {
  const response = await fetch(link, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const setCookie = response.headers.get('set-cookie');
  return {
    // Only the session cookie (an expired link sets another, for asking for a new one).
    cookie: setCookie && /polyphony_session=/.test(setCookie) ? sessionCookie(response) : null,
    location: response.headers.get('location') ?? '',
    status: response.status,
  };
}

/** A meeting to write in, with the session cookie of its starter: most tests need just this. */
export async function createMeeting(
  url: string,
  title = 'Test meeting',
): Promise<{ meetingId: string; cookie: string }> {
  const started = await startNetwork(url, { title });
  return { meetingId: started.meetingId, cookie: started.cookie };
}
