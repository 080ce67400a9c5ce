/** Typed helpers for /api/video. Errors become ApiRequestError with the server's stable id. */
import type { OnVideoResponse, VideoConfigResponse, VideoTokenResponse } from '@polyphony/shared';
import { post, request } from '../../api/request';

/** Whether this Polyphony has video at all. */
export function getVideoConfig(): Promise<VideoConfigResponse> {
  return request<VideoConfigResponse>('/api/video/config');
}

/** A short-lived LiveKit token for this meeting's video room. */
export function getVideoToken(meetingId: string): Promise<VideoTokenResponse> {
  return post<VideoTokenResponse>(`/api/video/meetings/${encodeURIComponent(meetingId)}/token`);
}

/** Participant ids on this meeting's video now. */
export function getOnVideo(meetingId: string): Promise<OnVideoResponse> {
  return request<OnVideoResponse>(`/api/video/meetings/${encodeURIComponent(meetingId)}/participants`);
}
