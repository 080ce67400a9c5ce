/** What the route groups share: the metadata store, the network service, the clock, and who is asking. */

import { MeetingIdSchema } from '@polyphony/shared';
import type { Context } from 'hono';
import type { AbuseLimits } from '../abuse/limits.js';
import { requestOrigin } from '../auth/proxy.js';
import type { SessionService } from '../auth/SessionService.js';
import { requestSession } from '../auth/session.js';
import { newId } from '../auth/tokens.js';
import type { OidcConfig, ProtectionConfig } from '../config.js';
import type { ErasureService } from '../erasure/ErasureService.js';
import { accessRevoked, meetingNotFound, networkNotFound, teamAccessEnded, unauthorized } from '../errors.js';
import type { HistoryService } from '../history/HistoryService.js';
import type { NetworkService } from '../networks/NetworkService.js';
import type { MeetingRecord, MetadataStore, ParticipantRecord } from '../persistence/metadata/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import type { StaffService } from '../teams/StaffService.js';

/** Dependencies of the API routes. */
export interface RouteContext {
  store: MetadataStore;
  service: NetworkService;
  history: HistoryService;
  sync: SyncServer;
  now: () => Date;
  /** The origin links are made with; the request's own origin when unset. */
  publicUrl: string | undefined;
  /** Sessions that end (idle, lifetime, leaving the device) and their fresh values. */
  sessions: SessionService;
  /** Retention, anonymous starts, limits, trusted proxies. */
  protection: ProtectionConfig;
  /** Rate limits on anonymous starts, link openings and requests without a session. */
  limits: AbuseLimits;
  /** Erasing networks, meetings and people for good. */
  erasure: ErasureService;
  /** Staff sign-in links (teams, issue 17). */
  staff: StaffService;
  /** Staff sign-in with the organisation's identity provider (OIDC_*); undefined when not set up. */
  oidc?: OidcConfig | undefined;
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
  const session = await ctx.sessions.require(c);
  const membership =
    (await ctx.store.membership(session.hash, networkId, ctx.now())) ??
    (await joinFromTeam(ctx, session.hash, networkId));
  if (!membership) {
    // A person whose link was revoked (not replaced by a new one) is told so, and their browser deletes
    // its copy; anyone else is not told whether the network exists.
    // A professional who left the network's team (and is still in another): their access ended.
    const staff = await ctx.store.sessionStaff(session.hash);
    if (staff && (await ctx.store.staffParticipant(networkId, staff.id))) throw teamAccessEnded();
    const ended = await ctx.store.sessionInvitation(session.hash, networkId);
    const latest = ended?.revokedAt ? await ctx.store.latestInvitation(ended.participantId) : undefined;
    if (latest?.revokedAt) throw accessRevoked();
    throw networkNotFound();
  }
  const participant = await ctx.store.findParticipant(membership.participantId);
  if (!participant) throw networkNotFound();
  await ctx.service.touch(participant.id);
  return participant;
}

/**
 * A staff member opening a network of their team for the first time becomes one of its professionals
 * (or peer workers, as they are in the team)
 * (transparency within the team: no network hidden from its own team's professionals, and the whole
 * history is theirs to read); their membership then. Undefined for anyone else.
 */
async function joinFromTeam(ctx: RouteContext, sessionHash: string, networkId: string) {
  const staff = await ctx.store.sessionStaff(sessionHash);
  const network = staff && (await ctx.store.findNetwork(networkId));
  if (!staff || !network?.teamId) return undefined;
  const place = (await ctx.store.teamsOf(staff.id)).find((each) => each.teamId === network.teamId);
  if (!place) return undefined;
  await ctx.store.addStaffToNetwork({
    participant: {
      id: newId(),
      networkId,
      name: staff.name,
      relation: '',
      // A peer worker of the team is one in the network too, not a professional.
      role: place.kind === 'peer_worker' ? 'peer_worker' : 'professional',
      createdAt: ctx.now().toISOString(),
      lastSeenAt: null,
    },
    staffId: staff.id,
  });
  return ctx.store.membership(sessionHash, networkId, ctx.now());
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
  // X-Forwarded-Host and -Proto only when the operator says a proxy is in front (TRUST_PROXY).
  return requestOrigin(c, ctx.protection.trustProxy);
}
