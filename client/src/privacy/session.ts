/**
 * This browser's session, from the page's side: telling the server that someone is using the page
 * (touches, keys, scrolling, at most about once a minute; a page left alone lets the session end after
 * SESSION_IDLE_MINUTES), asking why a session ended, and leaving the device.
 */
import type { SessionResponse } from '@polyphony/shared';
import { post, request } from '../api/request';
import { dropAllCopies } from './localCopies';

/** Why the session is not valid, as the server says, or 'active'. */
export function getSession(): Promise<SessionResponse> {
  return request<SessionResponse>('/api/session');
}

const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
let watching = false;

/**
 * Start reporting use of the page while the session works: once at once, then after any input, at most
 * every minute (or a quarter of the idle time, when that is shorter).
 */
export async function watchActivity(): Promise<void> {
  if (watching) return;
  watching = true;
  let session: SessionResponse;
  try {
    session = await getSession();
  } catch {
    watching = false;
    return;
  }
  if (session.state !== 'active') {
    watching = false;
    return;
  }
  const everyMs = Math.min(60_000, (session.idleMinutes * 60_000) / 4);
  let lastSent = 0;
  let pending = false;
  const report = () => {
    const now = Date.now();
    if (pending || now - lastSent < everyMs) return;
    pending = true;
    lastSent = now;
    post('/api/session/active').then(
      () => {
        pending = false;
      },
      () => {
        // Ended (401) or unreachable: stop reporting; the page says what happened where it matters.
        pending = false;
        for (const name of INPUT_EVENTS) window.removeEventListener(name, report, true);
        watching = false;
      },
    );
  };
  for (const name of INPUT_EVENTS) window.addEventListener(name, report, { capture: true, passive: true });
  report();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long leaving waits for the browser's own deletions before it goes on regardless. */
const LOCAL_CLEANUP_MS = 2000;

/** The event pages listen to in order to close their connections and copies before the device is left. */
export const LEAVING_EVENT = 'polyphony:leaving';

/**
 * Leave this device: end the session on the server (every instance closes its sockets), delete every
 * meeting copy and what Polyphony keeps in this browser's storage, and go to a page that says so.
 */
export async function leaveDevice(): Promise<void> {
  // The reader's own choices (not the network's) stay: read before the server clears the storage.
  const keep = (key: string) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  const language = keep('polyphony.language');
  // Open pages close their connections and copies first; then every copy goes (a database another tab
  // still holds goes when that tab lets go of it), then the session on the server.
  window.dispatchEvent(new Event(LEAVING_EVENT));
  await Promise.race([dropAllCopies(), sleep(LOCAL_CLEANUP_MS)]).catch(() => undefined);
  // The server ends the session everywhere and tells the browser to clear this origin's storage too.
  await post('/api/session/leave').catch(() => undefined);
  try {
    localStorage.clear();
    sessionStorage.clear();
    if (language) localStorage.setItem('polyphony.language', language);
  } catch {
    // Storage off.
  }
  if ('caches' in window) {
    const clear = async () => {
      for (const key of await caches.keys()) await caches.delete(key);
    };
    await Promise.race([clear(), sleep(LOCAL_CLEANUP_MS)]).catch(() => undefined);
  }
  // Replace: the page left behind is not one Back returns to.
  location.replace('/left');
}
