/** What the route groups share: the metadata store, the network service, the clock, and who is asking. */

import { MeetingIdSchema } from '@polyphony/shared';
import type { Context } from 'hono';
import { membershipOf, requestSession, sessionExists } from '../auth/session.js';
import { meetingNotFound, networkNotFound, unauthorized } from '../errors.js';
import type { HistoryService } from '../history/HistoryService.js';
import type { NetworkService } from '../networks/NetworkService.js';
import type { MeetingRecord, MetadataStore, ParticipantRecord } from '../persistence/metadata/types.js';
import type { SyncServer } from '../sync/SyncServer.js';

/** Dependencies of the API routes. */
export interface RouteContext {
  store: MetadataStore;
  service: NetworkService;
  history: HistoryService;
  sync: SyncServer;
  now: () => Date;
  /** The origin links are made with; the request's own origin when unset. */
  publicUrl: string | undefined;
}

/**
 * The participant the request's session stands for in a network. 401 without a valid session, 404 when
 * the session is not a member of this network (which does not tell whether the network exists).
 */
export async function requireMember(
  c: Context,
  ctx: RouteContext,
  networkId: string,
): Promise<ParticipantRecord> {
  const token = requestSession(c);
  if (!token || !(await sessionExists(token, ctx.store))) throw unauthorized();
  const membership = await membershipOf(token, ctx.store, networkId, ctx.now());
  if (!membership) throw networkNotFound();
  const participant = await ctx.store.findParticipant(membership.participantId);
  if (!participant) throw networkNotFound();
  await ctx.service.touch(participant.id);
  return participant;
}

/**
 * The meeting named by the `id` parameter and the participant the session stands for in its network.
 * 401 without a session; 404 for a meeting that does not exist or is not in the session's networks.
 */
export async function requireMeetingMember(
  c: Context,
  ctx: RouteContext,
): Promise<{ meeting: MeetingRecord; me: ParticipantRecord }> {
  if (!requestSession(c)) throw unauthorized();
  const id = MeetingIdSchema.safeParse(c.req.param('id'));
  const meeting = id.success ? await ctx.store.findMeeting(id.data) : undefined;
  if (!meeting) throw meetingNotFound();
  return { meeting, me: await requireMember(c, ctx, meeting.networkId) };
}

/** The origin to build personal links with. */
export function baseUrl(c: Context, ctx: RouteContext): string {
  if (ctx.publicUrl) return ctx.publicUrl.replace(/\/$/, '');
  const url = new URL(c.req.url);
  const proto = c.req.header('x-forwarded-proto') ?? url.protocol.replace(':', '');
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? url.host;
  return `${proto}://${host}`;
}
