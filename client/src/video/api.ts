/** Typed helpers for /api/video. Errors become ApiRequestError with the server's stable id. */
import type { ApiError, OnVideoResponse, VideoConfigResponse, VideoTokenResponse } from '@polyphony/shared';
import { ApiRequestError } from '../api/meetings';

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiRequestError(0, 'network_error', 'Polyphony could not be reached. Check the connection.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body as Partial<ApiError> | null;
    throw new ApiRequestError(
      response.status,
      error?.error ?? 'unexpected_response',
      error?.message ?? `The server answered ${response.status}.`,
    );
  }
  return body as T;
}

/** Whether this Polyphony has video at all. */
export function getVideoConfig(): Promise<VideoConfigResponse> {
  return request<VideoConfigResponse>('/api/video/config');
}

/** A short-lived LiveKit token for this meeting's video room. */
export function getVideoToken(meetingId: string): Promise<VideoTokenResponse> {
  return request<VideoTokenResponse>(`/api/video/meetings/${encodeURIComponent(meetingId)}/token`, {
    method: 'POST',
  });
}

/** Participant ids on this meeting's video now. */
export function getOnVideo(meetingId: string): Promise<OnVideoResponse> {
  return request<OnVideoResponse>(`/api/video/meetings/${encodeURIComponent(meetingId)}/participants`);
}
