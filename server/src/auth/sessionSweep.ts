/**
 * Live sockets whose session ended — not used for SESSION_IDLE_MINUTES, past SESSION_MAX_DAYS, or
 * ended by "leave this device" on any instance — are closed with 4401 (unauthorized), as revocation
 * closes sockets (SyncServer.closeConnections). Every interval the sweep asks the store, in one query,
 * for the sessions behind this instance's sockets; once an hour it deletes sessions that ended more
 * than a day ago (kept that long so that a page can still say why it ended).
 */
import { CloseCodes } from '@polyphony/shared';
import type { Logger } from '../logger.js';
import type { MetadataStore } from '../persistence/metadata/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import type { SessionService } from './SessionService.js';

/** How the sweep runs. */
export interface SessionSweepOptions {
  store: MetadataStore;
  sessions: SessionService;
  sync: SyncServer;
  logger: Logger;
  now: () => Date;
  everyMs: number;
}

const PURGE_EVERY_MS = 60 * 60 * 1000;
const KEEP_ENDED_MS = 24 * 60 * 60 * 1000;

/** Look at every live socket's session once; returns how many sockets were closed. */
export async function sweepSessions(
  options: Omit<SessionSweepOptions, 'everyMs' | 'logger'>,
): Promise<number> {
  const { store, sessions, sync, now } = options;
  const hashes = [...new Set(sync.principals().flatMap((p) => (p.sessionHash ? [p.sessionHash] : [])))];
  if (hashes.length === 0) return 0;
  const alive = new Set<string>();
  for (const record of await store.findSessions(hashes)) {
    if (!sessions.endOf(record, now())) alive.add(record.tokenHash);
  }
  const ended = new Set(hashes.filter((hash) => !alive.has(hash)));
  if (ended.size === 0) return 0;
  return sync.closeConnections(
    (connection) =>
      connection.principal.sessionHash !== undefined && ended.has(connection.principal.sessionHash),
    CloseCodes.unauthorized,
  );
}

/** Start sweeping; returns a function that stops it. */
export function startSessionSweep(options: SessionSweepOptions): () => void {
  const { store, sessions, logger, now, everyMs } = options;
  let running = false;
  let purgedAt = 0;
  const look = async () => {
    const closed = await sweepSessions(options);
    if (closed > 0) logger.info({ closed }, 'closed the connections of ended sessions');
    const time = now().getTime();
    if (time - purgedAt >= PURGE_EVERY_MS) {
      purgedAt = time;
      await store.purgeSessions(
        new Date(time - sessions.policy.maxAgeMs - KEEP_ENDED_MS),
        new Date(time - sessions.policy.idleMs - KEEP_ENDED_MS),
      );
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    look()
      .catch((error: unknown) => logger.error({ err: error }, 'could not look for ended sessions'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
