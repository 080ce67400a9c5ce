/**
 * Where video enters the meeting page: the "Join video" button in the header, and the panel beside the
 * document. livekit-client is loaded only when someone opens video (its own chunk, VideoRoom). Without
 * LiveKit configured the header says plainly that video is not set up, and nothing else changes.
 */

import { lazy, Suspense, useEffect, useState } from 'react';
import { useLanguage, useT } from '../../i18n';
import type { MeetingSession } from '../../sync/MeetingSession';
import { VideoIcon } from '../../ui/icons';
import { getOnVideo, getVideoConfig } from './api';
import { setVideoState, useVideoState } from './videoState';
import './video.css';

const VideoRoom = lazy(() => import('./VideoRoom'));

/** `said` is the server's own sentence (in English), when it gave one. */
type Availability =
  | { state: 'checking' }
  | { state: 'ready' }
  | { state: 'off'; reason: 'not_set_up' | 'unavailable'; said?: string };

/** The server's video configuration, asked once per page (again after a failure). */
let videoConfig: ReturnType<typeof getVideoConfig> | null = null;

/** Whether this server has video, for everything on the page that shows it. */
function useVideoAvailability(): Availability {
  const [availability, setAvailability] = useState<Availability>({ state: 'checking' });
  useEffect(() => {
    let current = true;
    videoConfig ??= getVideoConfig();
    videoConfig.then(
      (config) =>
        current &&
        setAvailability(
          config.enabled
            ? { state: 'ready' }
            : { state: 'off', reason: 'not_set_up', ...(config.message ? { said: config.message } : {}) },
        ),
      () => {
        videoConfig = null;
        if (current) setAvailability({ state: 'off', reason: 'unavailable' });
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return availability;
}

/**
 * The plain note that video is not set up (or not reachable). The header shows it; on a phone, where the
 * header must stay one row, it stands under the meeting's title instead (`placement="phone"`).
 */
export function VideoOffNote({ placement }: { placement: 'header' | 'phone' }) {
  const t = useT();
  const language = useLanguage();
  const availability = useVideoAvailability();
  if (availability.state !== 'off') return null;
  // The server's sentence is English; in another language, our own words say the same.
  const message =
    language === 'en' && availability.said
      ? availability.said
      : t(availability.reason === 'unavailable' ? 'video.notAvailable' : 'video.notSetUp');
  return (
    <span
      className={`video-off video-off--${placement}`}
      data-testid={placement === 'header' ? 'video-not-set-up' : 'video-not-set-up-phone'}
      title={message}
    >
      {message.split('.')[0]}.
    </span>
  );
}

/** The header's video control: "Join video", or a plain note that video is not set up. */
export function JoinVideoButton({
  meetingId,
  people,
}: {
  meetingId: string;
  people: { id: string; name: string }[];
}) {
  const t = useT();
  const availability = useVideoAvailability();
  const [onVideo, setOnVideo] = useState<string[]>([]);
  const { open } = useVideoState();

  // Who is on video, as LiveKit's webhooks told the server: shown to everyone, on video or not.
  useEffect(() => {
    if (availability.state !== 'ready') return;
    let current = true;
    const poll = () =>
      getOnVideo(meetingId).then(
        (answer) => current && setOnVideo(answer.participantIds),
        () => undefined,
      );
    void poll();
    const timer = setInterval(poll, 5_000);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [availability.state, meetingId]);

  if (availability.state === 'checking') return null;
  if (availability.state === 'off') return <VideoOffNote placement="header" />;
  const names = onVideo.map((id) => people.find((person) => person.id === id)?.name).filter(Boolean);
  return (
    <span className="video-entry">
      {names.length > 0 && (
        <span
          className="on-video"
          data-testid="on-video"
          title={t('video.onVideo', { names: names.join(t('common.listSeparator')) })}
        >
          <VideoIcon /> {names.join(', ')}
        </span>
      )}
      {!open && (
        <button
          type="button"
          className="button small join-video"
          onClick={() => setVideoState({ open: true, phoneView: 'video' })}
          data-testid="join-video"
        >
          <VideoIcon />
          {/* On a phone the icon only (the top bar stays one row); the words stay for screen readers. */}
          <span className="topbar__words">{t('video.join')}</span>
        </button>
      )}
    </span>
  );
}

/** The video beside the document (desktop), or one tap away from it (phone); nothing until opened. */
export function VideoPanel({ session, meetingId }: { session: MeetingSession; meetingId: string }) {
  const t = useT();
  const { open, phoneView, roomMode } = useVideoState();
  if (!open) return null;
  return (
    <>
      <section
        className={`video-panel${roomMode ? ' video-panel--room' : ''}`}
        data-phone-view={phoneView}
        aria-label={t('video.label')}
        data-testid="video-panel"
      >
        <Suspense fallback={<p className="video-note">{t('video.opening')}</p>}>
          <VideoRoom
            session={session}
            meetingId={meetingId}
            roomMode={roomMode}
            onRoomMode={(on) => setVideoState({ roomMode: on })}
            onClose={() => setVideoState({ open: false, roomMode: false })}
          />
        </Suspense>
      </section>
      <nav className="video-switch" aria-label={t('video.show')}>
        <button
          type="button"
          aria-pressed={phoneView === 'document'}
          onClick={() => setVideoState({ phoneView: 'document' })}
          data-testid="show-document"
        >
          {t('video.document')}
        </button>
        <button
          type="button"
          aria-pressed={phoneView === 'video'}
          onClick={() => setVideoState({ phoneView: 'video' })}
          data-testid="show-video"
        >
          {t('video.label')}
        </button>
      </nav>
    </>
  );
}
