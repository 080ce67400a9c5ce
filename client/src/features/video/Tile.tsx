/** One person on video: their picture or initial, name and relation, microphone, hand, connection. */

import { readVideoMetadata } from '@polyphony/shared';
import { ConnectionQuality, type Participant, Track } from 'livekit-client';
import { useMemo, useRef } from 'react';
import { t, useLanguage } from '../../i18n';
import type { Participant as Present } from '../../sync/hooks';
import { HandIcon } from '../../ui/icons';
import { useAttachedTrack } from './useAttachedTrack';

const qualityLabels: Record<ConnectionQuality, 'excellent' | 'good' | 'poor' | 'lost' | 'unknown'> = {
  [ConnectionQuality.Excellent]: 'excellent',
  [ConnectionQuality.Good]: 'good',
  [ConnectionQuality.Poor]: 'poor',
  [ConnectionQuality.Lost]: 'lost',
  [ConnectionQuality.Unknown]: 'unknown',
};

/** One person on video. */
export function Tile({
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

  useAttachedTrack(videoTrack, videoRef);
  useAttachedTrack(audioTrack, audioRef);

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
            <HandIcon className="video-tile__icon" /> {t('video.handRaised')}
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
