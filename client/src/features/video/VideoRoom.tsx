/**
 * The video of one meeting, with livekit-client (this module is its own chunk, loaded on "Join video").
 * First a preview — camera, microphone, device choice, audio only — then the room: a tile per person
 * with their name and relation, the active speaker highlighted, muted microphones and cameras shown,
 * raised hands (from the document's presence, so video and document agree), connection quality, and in
 * the Reflecting phase the team's tiles marked. If the person's link is revoked the server removes them
 * from the room, and this says why.
 */

import { MetaKeys, readVideoMetadata, type VideoTokenResponse } from '@polyphony/shared';
import {
  ConnectionQuality,
  createLocalTracks,
  DisconnectReason,
  type LocalTrack,
  type Participant,
  type RemoteTrackPublication,
  Room,
  RoomEvent,
  Track,
} from 'livekit-client';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { ApiRequestError } from '../../api/meetings';
import { t, useLanguage } from '../../i18n';
import { type Participant as Present, useMetaValue, useParticipants, useSaveStatus } from '../../sync/hooks';
import type { MeetingSession } from '../../sync/MeetingSession';
import { readPhase } from '../../ui/phases';
import { getVideoToken } from './api';

/** Props of the video room. */
export interface VideoRoomProps {
  session: MeetingSession;
  meetingId: string;
  roomMode: boolean;
  onRoomMode: (on: boolean) => void;
  onClose: () => void;
}

/** What the preview hands over on "Join now": its tracks, and what was chosen (tracks may not be ready). */
interface PreviewChoice {
  tracks: LocalTrack[];
  camera: { on: boolean; deviceId: string };
  microphone: { on: boolean; deviceId: string };
}

type Stage =
  | { kind: 'preview' }
  | { kind: 'joining' }
  | { kind: 'live'; room: Room; canPublish: boolean }
  | { kind: 'ended'; message: string };

const qualityLabels: Record<ConnectionQuality, 'excellent' | 'good' | 'poor' | 'lost' | 'unknown'> = {
  [ConnectionQuality.Excellent]: 'excellent',
  [ConnectionQuality.Good]: 'good',
  [ConnectionQuality.Poor]: 'poor',
  [ConnectionQuality.Lost]: 'lost',
  [ConnectionQuality.Unknown]: 'unknown',
};

/** Why the video ended, in words a person understands. */
function endedMessage(reason: DisconnectReason | undefined, revoked: boolean): string {
  if (reason === DisconnectReason.PARTICIPANT_REMOVED || revoked) {
    return t('video.endedRevoked');
  }
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
  const revoked = status.state === 'error' && status.message === 'close.revoked';
  const revokedRef = useRef(revoked);
  revokedRef.current = revoked;
  const wantsAudioOnlyRef = useRef(false);

  // The document connection closed with "revoked": video goes too, even before LiveKit says so.
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
        setStage({ kind: 'ended', message: endedMessage(reason, revokedRef.current) });
      });
      // Audio only: do not even receive video.
      room.on(RoomEvent.TrackPublished, (publication: RemoteTrackPublication) => {
        if (wantsAudioOnlyRef.current && publication.kind === Track.Kind.Video)
          publication.setSubscribed(false);
      });
      wantsAudioOnlyRef.current = wantsAudioOnly;
      try {
        await room.connect(grant.url, grant.token);
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
          {stage.message}
        </p>
      )}
    </div>
  );
}

/** Camera and microphone before joining: see yourself, choose devices, or go audio only. */
function Preview({
  audioOnly,
  onAudioOnly,
  onJoin,
}: {
  audioOnly: boolean;
  onAudioOnly: (on: boolean) => void;
  onJoin: (choice: PreviewChoice) => void;
}) {
  useLanguage();
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [microphones, setMicrophones] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState<string>('');
  const [microphoneId, setMicrophoneId] = useState<string>('');
  const [cameraOn, setCameraOn] = useState(true);
  const [microphoneOn, setMicrophoneOn] = useState(true);
  const [tracks, setTracks] = useState<LocalTrack[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const handedOver = useRef(false);

  useEffect(() => {
    let current = true;
    let made: LocalTrack[] = [];
    const wantVideo = cameraOn && !audioOnly;
    if (!wantVideo && !microphoneOn) {
      setTracks([]);
      return;
    }
    createLocalTracks({
      audio: microphoneOn ? (microphoneId ? { deviceId: microphoneId } : true) : false,
      video: wantVideo ? (cameraId ? { deviceId: cameraId } : true) : false,
    }).then(
      async (created) => {
        made = created;
        if (!current) {
          for (const track of created) track.stop();
          return;
        }
        setProblem(null);
        setTracks(created);
        // Labels are known once permission is given.
        const [cams, mics] = await Promise.all([
          Room.getLocalDevices('videoinput', false),
          Room.getLocalDevices('audioinput', false),
        ]);
        if (current) {
          setCameras(cams);
          setMicrophones(mics);
        }
      },
      (error: unknown) =>
        current &&
        setProblem(
          t('video.deviceProblem', { error: error instanceof Error ? error.message : t('video.unknown') }),
        ),
    );
    return () => {
      current = false;
      if (!handedOver.current) for (const track of made) track.stop();
    };
  }, [cameraId, microphoneId, cameraOn, microphoneOn, audioOnly]);

  const videoTrack = tracks.find((track) => track.kind === Track.Kind.Video);
  useEffect(() => {
    const element = video.current;
    if (!videoTrack || !element) return;
    videoTrack.attach(element);
    return () => {
      videoTrack.detach(element);
    };
  }, [videoTrack]);

  return (
    <div className="video-preview" data-testid="video-preview">
      <div className="video-preview__frame">
        {videoTrack ? (
          <video ref={video} muted playsInline autoPlay data-testid="preview-video" />
        ) : (
          <p className="video-note">{audioOnly ? t('video.audioOnly') : t('video.cameraOff')}</p>
        )}
      </div>
      {problem && <p className="video-note">{problem}</p>}
      <div className="video-controls">
        <button
          type="button"
          className="button small"
          aria-pressed={cameraOn}
          onClick={() => setCameraOn(!cameraOn)}
          disabled={audioOnly}
        >
          {cameraOn ? t('video.cameraOn') : t('video.cameraOff')}
        </button>
        <button
          type="button"
          className="button small"
          aria-pressed={microphoneOn}
          onClick={() => setMicrophoneOn(!microphoneOn)}
        >
          {microphoneOn ? t('video.microphoneOn') : t('video.microphoneOff')}
        </button>
        <label className="video-check">
          <input
            type="checkbox"
            checked={audioOnly}
            onChange={(event) => onAudioOnly(event.target.checked)}
          />
          {t('video.audioOnlyWeak')}
        </label>
      </div>
      <DeviceSelect label={t('video.camera')} devices={cameras} value={cameraId} onChange={setCameraId} />
      <DeviceSelect
        label={t('video.microphone')}
        devices={microphones}
        value={microphoneId}
        onChange={setMicrophoneId}
      />
      <button
        type="button"
        className="button primary"
        onClick={() => {
          handedOver.current = true;
          onJoin({
            tracks,
            camera: { on: cameraOn, deviceId: cameraId },
            microphone: { on: microphoneOn, deviceId: microphoneId },
          });
        }}
        data-testid="join-video-now"
      >
        {t('video.joinNow')}
      </button>
    </div>
  );
}

function DeviceSelect({
  label,
  devices,
  value,
  onChange,
}: {
  label: string;
  devices: MediaDeviceInfo[];
  value: string;
  onChange: (deviceId: string) => void;
}) {
  useLanguage();
  if (devices.length < 2) return null;
  return (
    <label className="video-device">
      {label}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {devices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || t('video.deviceN', { label, n: index + 1 })}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Re-render on everything in the room that a tile shows. */
function useRoomVersion(room: Room): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const events = [
      RoomEvent.ParticipantConnected,
      RoomEvent.ParticipantDisconnected,
      RoomEvent.TrackSubscribed,
      RoomEvent.TrackUnsubscribed,
      RoomEvent.TrackPublished,
      RoomEvent.TrackUnpublished,
      RoomEvent.TrackMuted,
      RoomEvent.TrackUnmuted,
      RoomEvent.LocalTrackPublished,
      RoomEvent.LocalTrackUnpublished,
      RoomEvent.ActiveSpeakersChanged,
      RoomEvent.ConnectionQualityChanged,
      RoomEvent.ParticipantMetadataChanged,
      RoomEvent.Reconnecting,
      RoomEvent.Reconnected,
    ] as const;
    for (const event of events) room.on(event, bump);
    return () => {
      for (const event of events) room.off(event, bump);
    };
  }, [room]);
  return version;
}

/** The room: controls and a tile per person. */
function LiveRoom({
  room,
  canPublish,
  session,
  roomMode,
  audioOnly,
  onAudioOnly,
}: {
  room: Room;
  canPublish: boolean;
  session: MeetingSession;
  roomMode: boolean;
  audioOnly: boolean;
  onAudioOnly: (on: boolean) => void;
}) {
  useLanguage();
  useRoomVersion(room);
  const present = useParticipants(session);
  const [phase] = useMetaValue(session.doc, MetaKeys.phase, readPhase);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const local = room.localParticipant;
  const everyone: Participant[] = [local, ...room.remoteParticipants.values()];
  const onVideo = new Set(everyone.map((participant) => participant.identity));
  const notOnVideo = present.filter((person) => person.id && !onVideo.has(person.id));
  const localQuality = local.connectionQuality;

  useEffect(() => {
    void Room.getLocalDevices('videoinput', false).then(setDevices, () => undefined);
  }, []);

  const toggleAudioOnly = async (on: boolean) => {
    onAudioOnly(on);
    if (canPublish) await local.setCameraEnabled(!on);
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.videoTrackPublications.values()) publication.setSubscribed(!on);
    }
  };

  return (
    <>
      {canPublish ? (
        <div className="video-controls">
          <button
            type="button"
            className="button small"
            aria-pressed={local.isMicrophoneEnabled}
            onClick={() => void local.setMicrophoneEnabled(!local.isMicrophoneEnabled)}
            data-testid="toggle-microphone"
          >
            {local.isMicrophoneEnabled ? t('video.mute') : t('video.unmute')}
          </button>
          <button
            type="button"
            className="button small"
            aria-pressed={local.isCameraEnabled}
            onClick={() => void local.setCameraEnabled(!local.isCameraEnabled)}
            disabled={audioOnly}
            data-testid="toggle-camera"
          >
            {local.isCameraEnabled ? t('video.turnCameraOff') : t('video.turnCameraOn')}
          </button>
          <label className="video-check">
            <input
              type="checkbox"
              checked={audioOnly}
              onChange={(event) => void toggleAudioOnly(event.target.checked)}
              data-testid="audio-only"
            />
            {t('video.audioOnly')}
          </label>
          {devices.length > 1 && (
            <DeviceSelect
              label={t('video.camera')}
              devices={devices}
              value={room.getActiveDevice('videoinput') ?? ''}
              onChange={(id) => void room.switchActiveDevice('videoinput', id)}
            />
          )}
        </div>
      ) : (
        <p className="video-note">{t('video.observer')}</p>
      )}
      {(localQuality === ConnectionQuality.Poor || localQuality === ConnectionQuality.Lost) && !audioOnly && (
        <p className="video-note" role="status">
          {t('video.weak')}{' '}
          <button type="button" className="link-button" onClick={() => void toggleAudioOnly(true)}>
            {t('video.switchAudioOnly')}
          </button>
        </p>
      )}
      <ul className={`video-tiles${roomMode ? ' video-tiles--room' : ''}`} data-testid="video-tiles">
        {everyone
          .filter((participant) => !roomMode || participant !== local || room.remoteParticipants.size === 0)
          .map((participant) => (
            <Tile
              key={participant.identity}
              participant={participant}
              isLocal={participant === local}
              present={present}
              reflecting={phase === 'reflecting'}
              audioOnly={audioOnly}
            />
          ))}
      </ul>
      {roomMode && notOnVideo.length > 0 && (
        <p className="video-note" data-testid="also-here">
          {t('video.alsoHere', {
            names: notOnVideo.map((person) => person.name).join(t('common.listSeparator')),
          })}
        </p>
      )}
    </>
  );
}

/** One person on video. */
function Tile({
  participant,
  isLocal,
  present,
  reflecting,
  audioOnly,
}: {
  participant: Participant;
  isLocal: boolean;
  present: Present[];
  reflecting: boolean;
  audioOnly: boolean;
}) {
  useLanguage();
  const about = useMemo(() => readVideoMetadata(participant.metadata), [participant.metadata]);
  const name = about?.name ?? participant.name ?? t('common.someone');
  const camera = participant.getTrackPublication(Track.Source.Camera);
  const microphone = participant.getTrackPublication(Track.Source.Microphone);
  const videoTrack = camera && !camera.isMuted && !audioOnly ? camera.track : undefined;
  const audioTrack = !isLocal && microphone?.track ? microphone.track : undefined;
  const micMuted = !microphone || microphone.isMuted;
  const cameraOff = !camera || camera.isMuted;
  const handRaised = present.some((person) => person.id === participant.identity && person.handRaised);
  const isReflecting = reflecting && about?.team === true;
  const quality = qualityLabels[participant.connectionQuality];
  const videoRef = useRef<HTMLVideoElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);

  useEffect(() => {
    const element = videoRef.current;
    if (!videoTrack || !element) return;
    videoTrack.attach(element);
    return () => {
      videoTrack.detach(element);
    };
  }, [videoTrack]);
  useEffect(() => {
    const element = audioRef.current;
    if (!audioTrack || !element) return;
    audioTrack.attach(element);
    return () => {
      audioTrack.detach(element);
    };
  }, [audioTrack]);

  const classes = ['video-tile'];
  if (participant.isSpeaking) classes.push('is-speaking');
  if (isReflecting) classes.push('is-reflecting');
  if (handRaised) classes.push('has-hand');
  return (
    <li
      className={classes.join(' ')}
      data-testid="video-tile"
      data-identity={participant.identity}
      data-name={name}
      data-local={isLocal}
      data-speaking={participant.isSpeaking}
      data-mic-muted={micMuted}
      data-camera-off={cameraOff}
      data-subscribed={isLocal ? undefined : camera?.isSubscribed === true}
      data-hand-raised={handRaised}
      data-reflecting={isReflecting}
      data-quality={quality}
    >
      {videoTrack ? (
        <video ref={videoRef} muted={isLocal} playsInline autoPlay />
      ) : (
        <div className="video-tile__placeholder" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </div>
      )}
      {/* biome-ignore lint/a11y/useMediaCaption: live call audio has no caption track; the shared document is the written record. */}
      {audioTrack && <audio ref={audioRef} autoPlay />}
      <div className="video-tile__label">
        <span className="video-tile__name">{isLocal ? t('video.nameYou', { name }) : name}</span>
        {about?.relation && <span className="video-tile__relation">{about.relation}</span>}
        {isReflecting && <span className="video-tile__badge">{t('video.reflecting')}</span>}
        {handRaised && (
          <span className="video-tile__badge" data-testid="tile-hand">
            <span aria-hidden="true">✋</span> {t('video.handRaised')}
          </span>
        )}
        {micMuted && (
          <span className="video-tile__badge" data-testid="tile-muted">
            {t('video.micOff')}
          </span>
        )}
        <span
          className={`video-tile__quality video-tile__quality--${quality}`}
          title={t('video.connectionTitle', { quality: t(`video.quality.${quality}`) })}
        >
          {t('video.connection', { quality: t(`video.quality.${quality}`) })}
        </span>
      </div>
    </li>
  );
}
