/**
 * Whether this browser has the video open, and which of video and document a phone shows. Shared by the
 * "Join video" button in the header and the panel beside the document, which are mounted apart.
 */
import { useSyncExternalStore } from 'react';

/** The video's state on this page. */
export interface VideoState {
  open: boolean;
  /** On a phone, one of the two fills the screen; one tap switches. */
  phoneView: 'video' | 'document';
  /** The one laptop in the meeting room: a large view of everyone. */
  roomMode: boolean;
}

let state: VideoState = { open: false, phoneView: 'video', roomMode: false };
const listeners = new Set<() => void>();

/** Change the video state. */
export function setVideoState(change: Partial<VideoState>): void {
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The video state, kept current. */
export function useVideoState(): VideoState {
  return useSyncExternalStore(subscribe, () => state);
}
