/** The video room once joined: the controls (microphone, camera, audio only, devices) and the tiles. */
import { MetaKeys } from '@polyphony/shared';
import { ConnectionQuality, type Participant, Room } from 'livekit-client';
import { useEffect, useState } from 'react';
import { t, useLanguage } from '../../i18n';
import { useMetaValue, useParticipants } from '../../sync/hooks';
import type { MeetingSession } from '../../sync/MeetingSession';
import { readPhase } from '../../ui/phases';
import { DeviceSelect } from './DeviceSelect';
import { Tile } from './Tile';
import { useRoomVersion } from './useRoomVersion';

/** The room: controls and a tile per person. */
export function LiveRoom({
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
        <p className="video-note" role="status" data-testid="video-weak">
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
