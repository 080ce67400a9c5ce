/**
 * Links can end elsewhere: revoked on another instance, by the operator command, or by their expiry;
 * and a professional's access ends when they leave the network's team (on any instance, or by the
 * operator command).
 * The sweep asks the shared store every interval which links ended recently and closes their sockets
 * here. Each look reaches back a margin before the previous one, so a revocation stamped by an instance
 * whose clock is a little ahead or behind, or committed while a look was running, is still found; the
 * service tells the video about each ended invitation once, so overlapping looks do not repeat it.
 */
import type { Logger } from '../logger.js';
import type { TeamStore } from '../persistence/metadata/teams.js';
import type { AccessStore } from '../persistence/metadata/types.js';
import type { NetworkService } from './NetworkService.js';

/** How the sweep runs. */
export interface AccessSweepOptions {
  store: AccessStore & Pick<TeamStore, 'departedBetween'>;
  service: NetworkService;
  logger: Logger;
  now: () => Date;
  /** How often to look (ms). */
  everyMs: number;
  /** How far before the previous look each look reaches back (ms): the clock difference tolerated. */
  marginMs: number;
}

/** Start sweeping; returns a function that stops it. */
export function startAccessSweep(options: AccessSweepOptions): () => void {
  const { store, service, logger, now, everyMs, marginMs } = options;
  let swept = now();
  let running = false;
  let failing = false;
  const look = async () => {
    const until = now();
    const from = new Date(swept.getTime() - marginMs);
    const [ended, departed] = await Promise.all([
      store.endedBetween(from, until),
      store.departedBetween(from, until),
    ]);
    swept = until;
    // Departures first: their personal links ended with them, and their sockets say they left the team.
    const closed = service.endPeopleAccess(departed) + service.endAccess(ended);
    if (closed > 0) logger.info({ closed }, 'closed the connections of ended links');
  };
  const timer = setInterval(() => {
    // A slow database must not pile looks on top of each other.
    if (running) return;
    running = true;
    look()
      .then(() => {
        failing = false;
      })
      .catch((error: unknown) => {
        // Once per run of failures: the database being away is logged where outages are (DependencyWatch).
        if (!failing) logger.error({ err: error }, 'could not look for ended links');
        failing = true;
      })
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
