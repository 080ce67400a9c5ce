/**
 * Video with LiveKit: one room per meeting (room name = meeting id, identity = participant id).
 * Tokens are minted with an explicit grant — join this one room, publish (unless an observer) and
 * subscribe, nothing else — and a short lifetime. Webhooks are believed only after their signature over
 * the raw body is verified. When a person's link ends, they are removed from every live room of their
 * network, so video ends with the link just as the document connection does.
 */

import type { VideoParticipantMetadata, VideoTokenResponse } from '@polyphony/shared';
import { can } from '@polyphony/shared';
import { AccessToken, RoomServiceClient, type VideoGrant, WebhookReceiver } from 'livekit-server-sdk';
import type { Logger } from '../logger.js';
import type { MeetingRecord, ParticipantRecord } from '../persistence/networks.js';
import type { VideoConfig } from './videoConfig.js';

/** How far a webhook's time may be from ours: LiveKit sends them at once; clocks differ a little. */
const WEBHOOK_WINDOW_MS = 5 * 60 * 1000;
/** Webhook event ids remembered at most (a busy LiveKit sends a few per person joining or leaving). */
const MAX_REMEMBERED_EVENTS = 100_000;

/** A webhook whose signature or body did not check out. */
export class WebhookRejected extends Error {}

/** Token minting, webhooks and removal for one LiveKit server. */
export class VideoService {
  private readonly rooms: RoomServiceClient;
  private readonly receiver: WebhookReceiver;
  /** Who is on video, per meeting, as LiveKit's webhooks tell it (in memory: LiveKit is the truth). */
  private readonly onVideo = new Map<string, Set<string>>();
  /** Ids of webhook events already believed → when they may be forgotten (ms): a replay is refused. */
  private readonly seenEvents = new Map<string, number>();

  constructor(
    private readonly config: VideoConfig,
    private readonly logger: Logger,
  ) {
    this.rooms = new RoomServiceClient(config.url.replace(/^ws/, 'http'), config.apiKey, config.apiSecret);
    this.receiver = new WebhookReceiver(config.apiKey, config.apiSecret);
  }

  /** The URL browsers connect to. */
  get url(): string {
    return this.config.url;
  }

  /** A token for one person to join one meeting's room. */
  async mintToken(meeting: MeetingRecord, person: ParticipantRecord, now: Date): Promise<VideoTokenResponse> {
    const canPublish = can(person.role, 'write');
    const metadata: VideoParticipantMetadata = {
      name: person.name,
      relation: person.relation,
      role: person.role,
      team: can(person.role, 'team'),
    };
    const token = new AccessToken(this.config.apiKey, this.config.apiSecret, {
      identity: person.id,
      name: person.name,
      metadata: JSON.stringify(metadata),
      ttl: this.config.tokenTtlSeconds,
    });
    // Everything not granted here is denied: no roomCreate, roomList, roomAdmin, recording or ingress;
    // observers only subscribe. A person cannot rename themselves or change their metadata.
    const grant: VideoGrant = {
      room: meeting.id,
      roomJoin: true,
      canSubscribe: true,
      canPublish,
      canPublishData: canPublish,
      canUpdateOwnMetadata: false,
    };
    token.addGrant(grant);
    return {
      url: this.config.url,
      token: await token.toJwt(),
      room: meeting.id,
      identity: person.id,
      canPublish,
      expiresAt: new Date(now.getTime() + this.config.tokenTtlSeconds * 1000).toISOString(),
    };
  }

  /**
   * Believe a webhook only if LiveKit signed this exact body (the Authorization JWT carries its sha256),
   * then record who joined or left which meeting's video.
   */
  async receiveWebhook(rawBody: string, authorization: string | undefined): Promise<void> {
    if (!authorization) throw new WebhookRejected('no signature');
    let event: Awaited<ReturnType<WebhookReceiver['receive']>>;
    try {
      event = await this.receiver.receive(rawBody, authorization);
    } catch (error) {
      throw new WebhookRejected(error instanceof Error ? error.message : 'invalid signature');
    }
    this.refuseReplay(event.id, Number(event.createdAt), Date.now());
    const meetingId = event.room?.name;
    if (!meetingId) return;
    const identity = event.participant?.identity;
    if (event.event === 'participant_joined' && identity) {
      let set = this.onVideo.get(meetingId);
      if (!set) {
        set = new Set();
        this.onVideo.set(meetingId, set);
      }
      set.add(identity);
    } else if (
      (event.event === 'participant_left' || event.event === 'participant_connection_aborted') &&
      identity
    ) {
      const set = this.onVideo.get(meetingId);
      set?.delete(identity);
      if (set?.size === 0) this.onVideo.delete(meetingId);
    } else if (event.event === 'room_finished') {
      this.onVideo.delete(meetingId);
    }
  }

  /**
   * A signed webhook may be sent again by whoever saw it (a person who left would show as on video
   * again): each event id is believed once, and only within WEBHOOK_WINDOW_MS of the time LiveKit says
   * it was made, so the ids remembered are those of that window.
   */
  private refuseReplay(id: string, createdAtSeconds: number, now: number): void {
    for (const [seen, until] of this.seenEvents) {
      if (until > now) break;
      this.seenEvents.delete(seen);
    }
    if (!id) throw new WebhookRejected('no event id');
    if (!Number.isFinite(createdAtSeconds) || createdAtSeconds <= 0)
      throw new WebhookRejected('no event time');
    if (Math.abs(now - createdAtSeconds * 1000) > WEBHOOK_WINDOW_MS) {
      throw new WebhookRejected('event time outside the window');
    }
    if (this.seenEvents.has(id)) throw new WebhookRejected('replayed event');
    // Oldest first in the map: entries are added with the same lifetime.
    this.seenEvents.set(id, now + 2 * WEBHOOK_WINDOW_MS);
    if (this.seenEvents.size > MAX_REMEMBERED_EVENTS) {
      this.seenEvents.delete(this.seenEvents.keys().next().value as string);
    }
  }

  /** Participant ids on a meeting's video now, as the webhooks have told it. */
  participantsOnVideo(meetingId: string): string[] {
    return [...(this.onVideo.get(meetingId) ?? [])];
  }

  /**
   * End the live rooms of these meetings (they were erased): everyone in them leaves at once. Never
   * throws: a LiveKit outage must not stop an erasure.
   */
  async endRooms(meetingIds: readonly string[]): Promise<void> {
    if (meetingIds.length === 0) return;
    try {
      const live = await this.rooms.listRooms([...meetingIds]);
      await Promise.all(live.map((room) => this.rooms.deleteRoom(room.name)));
    } catch (error) {
      this.logger.error({ err: error, meetingIds }, 'could not end the video of erased meetings');
    }
    for (const meetingId of meetingIds) this.onVideo.delete(meetingId);
  }

  /**
   * Remove people from the live rooms of these meetings (their links ended). Rooms that are not live and
   * people who are not in them are no error. Never throws: a LiveKit outage must not stop a revocation.
   */
  async removeFromMeetings(meetingIds: readonly string[], participantIds: readonly string[]): Promise<void> {
    if (meetingIds.length === 0 || participantIds.length === 0) return;
    try {
      const live = await this.rooms.listRooms([...meetingIds]);
      await Promise.all(
        live.flatMap((room) =>
          participantIds.map(async (identity) => {
            try {
              await this.rooms.removeParticipant(room.name, identity);
              this.logger.info({ meetingId: room.name, participantId: identity }, 'removed from video');
            } catch (error) {
              if (!isNotFound(error)) throw error;
            }
            this.onVideo.get(room.name)?.delete(identity);
          }),
        ),
      );
    } catch (error) {
      this.logger.error({ err: error, meetingIds, participantIds }, 'could not remove people from video');
    }
  }
}

function isNotFound(error: unknown): boolean {
  const status = (error as { status?: number } | null)?.status;
  const code = (error as { code?: string } | null)?.code;
  return status === 404 || code === 'not_found';
}
