/** Before joining the video: see yourself, choose camera and microphone, or go audio only. */
import { createLocalTracks, type LocalTrack, Room, Track } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { t, useLanguage } from '../../i18n';
import { DeviceSelect } from './DeviceSelect';
import { useAttachedTrack } from './useAttachedTrack';

/** What the preview hands over on "Join now": its tracks, and what was chosen (tracks may not be ready). */
export interface PreviewChoice {
  tracks: LocalTrack[];
  camera: { on: boolean; deviceId: string };
  microphone: { on: boolean; deviceId: string };
}

/** Camera and microphone before joining: see yourself, choose devices, or go audio only. */
export function Preview({
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
  useAttachedTrack(videoTrack, video);

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
            data-testid="preview-audio-only"
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
