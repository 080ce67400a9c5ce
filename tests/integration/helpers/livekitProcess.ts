/**
 * Starts a real LiveKit server (the binary scripts/livekit.sh builds) on 127.0.0.1 only, with test keys
 * and a webhook to a Polyphony server. There is no internet here: no STUN, no TURN, no external IP; the
 * only ICE candidates are loopback ones, so Chromium and LiveKit meet over 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './serverProcess.js';
import { missingService } from './services.js';
import { startUdpRelay, type UdpRelay } from './udpRelay.js';

/** The pinned release scripts/livekit.sh builds. */
export const LIVEKIT_VERSION = 'v1.13.5';

/** Test keys; the secret is at least 32 characters, as LiveKit requires. */
export const LIVEKIT_TEST_KEY = 'polyphonytest';
export const LIVEKIT_TEST_SECRET = 'polyphony-test-secret-of-at-least-32-characters';

/** Where the LiveKit binary is: LIVEKIT_SERVER_BIN, else the cache scripts/livekit.sh builds into. */
export function livekitBinary(): string | undefined {
  const candidates = [
    process.env.LIVEKIT_SERVER_BIN,
    path.join(
      process.env.POLYPHONY_CACHE ?? path.join(os.homedir(), '.cache/polyphony'),
      `livekit-server-${LIVEKIT_VERSION}`,
    ),
  ];
  return candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
}

/** Say loudly that the LiveKit tests are skipped, and why; in CI (CI=true) they must run. */
export function warnLivekitMissing(suite: string): void {
  missingService(
    suite,
    'no LiveKit server binary; run scripts/livekit.sh (setup.sh --test does) or set LIVEKIT_SERVER_BIN',
  );
}

/** Where LiveKit's media relay listens, with `mediaRelay` (any loopback address but 127.0.0.1). */
const RELAY_HOST = '127.0.0.2';

/** A running LiveKit server. */
export interface LivekitProcess {
  /** ws:// URL for clients and the LIVEKIT_URL of Polyphony. */
  url: string;
  port: number;
  apiKey: string;
  apiSecret: string;
  /** LIVEKIT_* variables for a Polyphony server that uses this LiveKit. */
  env: Record<string, string>;
  /** With `mediaRelay`: the relay all media pass through, to make one member's line weak. */
  relay?: UdpRelay;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Start LiveKit on loopback; `webhookUrl` receives its webhooks. Resolves once it answers HTTP.
 * With `mediaRelay`, all media go through a UDP relay (see udpRelay.ts): LiveKit binds its UDP port on
 * 127.0.0.1 only, advertises 127.0.0.2 where the relay listens, runs ICE-lite and has no ICE-TCP port,
 * so that the media cannot go past the relay.
 */
export async function startLivekit(options: {
  binary: string;
  webhookUrl?: string;
  mediaRelay?: boolean;
}): Promise<LivekitProcess> {
  const port = await freePort();
  const tcpPort = await freePort();
  const udpPort = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-livekit-'));
  const configPath = path.join(dir, 'livekit.yaml');
  fs.writeFileSync(
    configPath,
    [
      `port: ${port}`,
      'bind_addresses: ["127.0.0.1"]',
      'rtc:',
      `  tcp_port: ${options.mediaRelay ? 0 : tcpPort}`,
      `  udp_port: ${udpPort}`,
      '  use_external_ip: false',
      `  node_ip: ${options.mediaRelay ? RELAY_HOST : '127.0.0.1'}`,
      '  enable_loopback_candidate: true',
      '  stun_servers: []',
      ...(options.mediaRelay ? ['  use_ice_lite: true', '  ips:', '    includes: ["127.0.0.1/32"]'] : []),
      'keys:',
      `  ${LIVEKIT_TEST_KEY}: ${LIVEKIT_TEST_SECRET}`,
      'logging:',
      '  level: warn',
      ...(options.webhookUrl
        ? ['webhook:', `  api_key: ${LIVEKIT_TEST_KEY}`, '  urls:', `    - ${options.webhookUrl}`]
        : []),
      '',
    ].join('\n'),
  );
  // LiveKit binds 127.0.0.1 only, so the relay's port on 127.0.0.2 is free for it.
  const relay = options.mediaRelay
    ? await startUdpRelay({ listenHost: RELAY_HOST, targetHost: '127.0.0.1', port: udpPort })
    : undefined;
  let output = '';
  const child: ChildProcess = spawn(options.binary, ['--config', configPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `ws://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      await relay?.close();
      throw new Error(`livekit-server exited at start:\n${output}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await relay?.close();
      throw new Error(`livekit-server did not start in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    apiKey: LIVEKIT_TEST_KEY,
    apiSecret: LIVEKIT_TEST_SECRET,
    env: { LIVEKIT_URL: url, LIVEKIT_API_KEY: LIVEKIT_TEST_KEY, LIVEKIT_API_SECRET: LIVEKIT_TEST_SECRET },
    ...(relay ? { relay } : {}),
    output: () => output,
    stop: async () => {
      await relay?.close();
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
