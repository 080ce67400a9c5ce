/**
 * The video of one meeting, with livekit-client (this module is its own chunk, loaded on "Join video").
 * First a preview — camera, microphone, device choice, audio only — then the room: a tile per person
 * with their name and relation, the active speaker highlighted, muted microphones and cameras shown,
 * raised hands (from the document's presence, so video and document agree), connection quality, and in
 * the Reflecting phase the team's tiles marked. If the person's link is revoked the server removes them
 * from the room, and this says why.
 */

import type { VideoTokenResponse } from '@polyphony/shared';
import { DisconnectReason, type RemoteTrackPublication, Room, RoomEvent, Track } from 'livekit-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../../api/meetings';
import { t, useLanguage } from '../../i18n';
import { useSaveStatus } from '../../sync/hooks';
import type { MeetingSession } from '../../sync/MeetingSession';
import { getVideoToken } from './api';
import { LiveRoom } from './LiveRoom';
import { Preview, type PreviewChoice } from './Preview';

/** Props of the video room. */
export interface VideoRoomProps {
  session: MeetingSession;
  meetingId: string;
  roomMode: boolean;
  onRoomMode: (on: boolean) => void;
  onClose: () => void;
}

type Stage =
  | { kind: 'preview' }
  | { kind: 'joining' }
  | { kind: 'live'; room: Room; canPublish: boolean }
  /**
   * `removed`: the server took this person out (their link was revoked, or they left the team); the
   * words are chosen when shown, from how the document's connection ended (it may close a moment later).
   */
  | { kind: 'ended'; message: string; removed?: boolean };

/** Why the video ended, in words a person understands (a removal is said from the document's ending). */
function endedMessage(reason: DisconnectReason | undefined): string {
  if (reason === DisconnectReason.DUPLICATE_IDENTITY) return t('video.endedDuplicate');
  if (reason === DisconnectReason.ROOM_DELETED) return t('video.endedDeleted');
  return t('video.endedOther');
}

/** The video: preview, then the room. */
export default function VideoRoom({ session, meetingId, roomMode, onRoomMode, onClose }: VideoRoomProps) {
  useLanguage();
  const [stage, setStage] = useState<Stage>({ kind: 'preview' });
  const [audioOnly, setAudioOnly] = useState(false);
  const status = useSaveStatus(session);
  // The link was revoked, or this professional was taken out of the team (the same close code, 4403).
  const leftTeam = status.state === 'error' && status.message === 'close.leftTeam';
  const revoked = leftTeam || (status.state === 'error' && status.message === 'close.revoked');
  const revokedRef = useRef(revoked);
  revokedRef.current = revoked;
  const wantsAudioOnlyRef = useRef(false);
  // Audio only turned on or off in the room: tracks published from then on follow it.
  wantsAudioOnlyRef.current = audioOnly;

  // The document connection closed with "revoked" (or "left the team"): video goes too, even before LiveKit says so.
  useEffect(() => {
    if (revoked && stage.kind === 'live') void stage.room.disconnect();
  }, [revoked, stage]);

  const join = useCallback(
    async ({ tracks, camera, microphone }: PreviewChoice, wantsAudioOnly: boolean) => {
      setStage({ kind: 'joining' });
      let grant: VideoTokenResponse;
      try {
        grant = await getVideoToken(meetingId);
      } catch (error) {
        for (const track of tracks) track.stop();
        const message =
          error instanceof ApiRequestError && (error.status === 401 || error.status === 404)
            ? t('video.noLongerLets')
            : error instanceof Error
              ? error.message
              : t('video.couldNotStart');
        setStage({ kind: 'ended', message });
        return;
      }
      const room = new Room({ adaptiveStream: true, dynacast: true });
      room.on(RoomEvent.Disconnected, (reason) => {
        const removed = reason === DisconnectReason.PARTICIPANT_REMOVED || revokedRef.current;
        setStage({ kind: 'ended', message: removed ? '' : endedMessage(reason), removed });
      });
      // Audio only: do not even receive video. Joined so, nothing is subscribed by itself (a camera
      // already on in the room would otherwise arrive with the first answer): audio is asked for, each
      // track as it comes, and video only once audio only is turned off.
      const manual = wantsAudioOnly;
      const choose = (publication: RemoteTrackPublication) => {
        if (publication.kind === Track.Kind.Video) {
          if (manual || wantsAudioOnlyRef.current) publication.setSubscribed(!wantsAudioOnlyRef.current);
        } else if (manual) {
          publication.setSubscribed(true);
        }
      };
      room.on(RoomEvent.TrackPublished, choose);
      wantsAudioOnlyRef.current = wantsAudioOnly;
      try {
        await room.connect(grant.url, grant.token, { autoSubscribe: !manual });
        for (const participant of room.remoteParticipants.values()) {
          for (const publication of participant.trackPublications.values()) choose(publication);
        }
        if (grant.canPublish) {
          for (const track of tracks) {
            if (wantsAudioOnly && track.kind === Track.Kind.Video) track.stop();
            else await room.localParticipant.publishTrack(track);
          }
          // "Join now" pressed before the preview had its tracks: open what was chosen now.
          const has = (kind: Track.Kind) => tracks.some((track) => track.kind === kind);
          if (microphone.on && !has(Track.Kind.Audio)) {
            await room.localParticipant.setMicrophoneEnabled(
              true,
              microphone.deviceId ? { deviceId: microphone.deviceId } : undefined,
            );
          }
          if (camera.on && !wantsAudioOnly && !has(Track.Kind.Video)) {
            await room.localParticipant.setCameraEnabled(
              true,
              camera.deviceId ? { deviceId: camera.deviceId } : undefined,
            );
          }
        } else {
          for (const track of tracks) track.stop();
        }
        setStage({ kind: 'live', room, canPublish: grant.canPublish });
      } catch (error) {
        for (const track of tracks) track.stop();
        await room.disconnect();
        setStage({
          kind: 'ended',
          message: t('video.couldNotConnect', {
            error: error instanceof Error ? error.message : t('video.unknownError'),
          }),
        });
      }
    },
    [meetingId],
  );

  // Leaving the page, or closing the panel, leaves the room.
  useEffect(() => {
    if (stage.kind !== 'live') return;
    const { room } = stage;
    return () => {
      void room.disconnect();
    };
  }, [stage]);

  const close = () => {
    if (stage.kind === 'live') void stage.room.disconnect();
    onClose();
  };

  return (
    <div className="video-room" data-stage={stage.kind}>
      <div className="video-room__bar">
        <h2 className="panel-heading">{t('video.label')}</h2>
        <label className="video-check">
          <input
            type="checkbox"
            checked={roomMode}
            onChange={(event) => onRoomMode(event.target.checked)}
            data-testid="room-mode"
          />
          {t('video.roomScreen')}
        </label>
        <button type="button" className="button small" onClick={close} data-testid="leave-video">
          {stage.kind === 'live' ? t('video.leave') : t('video.close')}
        </button>
      </div>
      {stage.kind === 'preview' && (
        <Preview
          audioOnly={audioOnly}
          onAudioOnly={setAudioOnly}
          onJoin={(choice) => void join(choice, audioOnly)}
        />
      )}
      {stage.kind === 'joining' && <p className="video-note">{t('video.joining')}</p>}
      {stage.kind === 'live' && (
        <LiveRoom
          room={stage.room}
          canPublish={stage.canPublish}
          session={session}
          roomMode={roomMode}
          audioOnly={audioOnly}
          onAudioOnly={(on) => {
            setAudioOnly(on);
            wantsAudioOnlyRef.current = on;
          }}
        />
      )}
      {stage.kind === 'ended' && (
        <p className="video-note video-note--ended" role="alert" data-testid="video-ended">
          {stage.removed ? t(leftTeam ? 'video.endedLeftTeam' : 'video.endedRevoked') : stage.message}
        </p>
      )}
    </div>
  );
}
