/** What the route groups share: repositories, the network service, the clock, and who is asking. */
import type { Context } from 'hono';
import { membershipOf, requestSession } from '../auth/session.js';
import { networkNotFound, unauthorized } from '../errors.js';
import type { NetworkService } from '../networks/NetworkService.js';
import type { AccessRepository } from '../persistence/access.js';
import type { NetworkRepository, ParticipantRecord } from '../persistence/networks.js';

/** Dependencies of the API routes. */
export interface RouteContext {
  networks: NetworkRepository;
  access: AccessRepository;
  service: NetworkService;
  now: () => Date;
  /** The origin links are made with; the request's own origin when unset. */
  publicUrl: string | undefined;
}

/**
 * The participant the request's session stands for in a network. 401 without a valid session, 404 when
 * the session is not a member of this network (which does not tell whether the network exists).
 */
export function requireMember(c: Context, ctx: RouteContext, networkId: string): ParticipantRecord {
  const token = requestSession(c);
  if (!token || !ctx.access.sessionExists(token)) throw unauthorized();
  const membership = membershipOf(token, ctx.access, networkId, ctx.now());
  if (!membership) throw networkNotFound();
  const participant = ctx.networks.findParticipant(membership.participantId);
  if (!participant) throw networkNotFound();
  ctx.networks.touch(participant.id, ctx.now().toISOString());
  return participant;
}

/** The origin to build personal links with. */
export function baseUrl(c: Context, ctx: RouteContext): string {
  if (ctx.publicUrl) return ctx.publicUrl.replace(/\/$/, '');
  const url = new URL(c.req.url);
  const proto = c.req.header('x-forwarded-proto') ?? url.protocol.replace(':', '');
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? url.host;
  return `${proto}://${host}`;
}
