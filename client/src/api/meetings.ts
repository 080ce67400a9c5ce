/** Typed helpers for /api/meetings. Errors become ApiRequestError with the server's stable id. */
import type { ApiError, CreateMeetingRequest, MeetingSummary } from '@polyphony/shared';

/** An API call that did not succeed; `id` is the server's snake_case error id, or a client-side one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}) },
    });
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

/** Start a new meeting. */
export function createMeeting(body: CreateMeetingRequest): Promise<MeetingSummary> {
  return request<MeetingSummary>('/api/meetings', { method: 'POST', body: JSON.stringify(body) });
}

/** Look a meeting up; rejects with id `meeting_not_found` when there is none. */
export function getMeeting(id: string): Promise<MeetingSummary> {
  return request<MeetingSummary>(`/api/meetings/${encodeURIComponent(id)}`);
}
