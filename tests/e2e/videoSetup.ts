/**
 * What the video specs share: Chromium with a fake camera and microphone, and — inside a `describe` — a
 * real LiveKit server on loopback with a Polyphony server that uses it, for that describe's tests.
 * Without a LiveKit binary (scripts/livekit.sh not run) the describe is skipped with a loud warning, or,
 * with `optional`, its tests run with video not set up.
 */
import { test } from '@playwright/test';
import {
  type LivekitProcess,
  livekitBinary,
  startLivekit,
  warnLivekitMissing,
} from '../integration/helpers/livekitProcess.js';
import { freePort, type ServerProcess, startServerProcess } from '../integration/helpers/serverProcess.js';

/** `test.use(FAKE_MEDIA)`: Debian's Chromium, which plays a fake camera and microphone by itself. */
export const FAKE_MEDIA = {
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
    ],
  },
};

/** The describe's servers, once its beforeAll has run. */
export interface VideoServers {
  readonly server: ServerProcess;
  /** Undefined only with `optional` and no LiveKit binary. */
  readonly livekit: LivekitProcess | undefined;
}

/**
 * Call inside `test.describe`: starts LiveKit and a server using it before the describe's tests (and
 * stops both after); `what` names the tests in the warning when LiveKit is missing.
 */
export function withVideoServers(
  what: string,
  options: { timeoutMs: number; optional?: boolean; mediaRelay?: boolean },
): VideoServers {
  const binary = livekitBinary();
  if (!binary) warnLivekitMissing(what);
  if (!options.optional) test.skip(!binary, 'no LiveKit server binary: run scripts/livekit.sh');
  test.setTimeout(options.timeoutMs);
  let server: ServerProcess | undefined;
  let livekit: LivekitProcess | undefined;
  test.beforeAll(async () => {
    const port = await freePort();
    livekit = binary
      ? await startLivekit({
          binary,
          webhookUrl: `http://127.0.0.1:${port}/api/video/webhook`,
          ...(options.mediaRelay ? { mediaRelay: true } : {}),
        })
      : undefined;
    server = await startServerProcess({ port, env: livekit?.env ?? {} });
  });
  test.afterAll(async () => {
    await server?.stop();
    await livekit?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the video servers are not started yet (use them inside a test)');
      return server;
    },
    get livekit() {
      return livekit;
    },
  };
}
