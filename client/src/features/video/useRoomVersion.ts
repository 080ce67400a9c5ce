/**
 * The room's state for React: livekit-client's Room is a mutable object that announces its changes as
 * events; a tile reads it directly, so the room view renders again on each event that changes what a
 * tile shows. (@livekit/components-react's hooks do the same per participant, with rxjs underneath;
 * for one list of tiles this one hook is all we need.)
 */
import { type Room, RoomEvent } from 'livekit-client';
import { useEffect, useReducer } from 'react';

/** Re-render on everything in the room that a tile shows. */
export function useRoomVersion(room: Room): number {
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
