/** A LiveKit track shown in (or played by) a media element while both exist. */
import type { Track } from 'livekit-client';
import { type RefObject, useEffect } from 'react';

/** Attach `track` to the element in `ref`, and detach it when either goes. */
export function useAttachedTrack(track: Track | undefined, ref: RefObject<HTMLMediaElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!track || !element) return;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }, [track, ref]);
}
