/** Typed helpers for /api/meetings. Errors become ApiRequestError with the server's stable id. */
import type {
  ApiError,
  CreateMeetingRequest,
  MeetingDetail,
  MeetingSummary,
  StartMeetingRequest,
} from '@polyphony/shared';

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

/**
 * A meeting, its network, and who this browser is in it (from the session cookie). Rejects with status
 * 401 without a session and 404 for a meeting that is not in any of this browser's networks.
 */
export function getMeeting(id: string): Promise<MeetingDetail> {
  return request<MeetingDetail>(`/api/meetings/${encodeURIComponent(id)}`);
}

/** Close a meeting: the server freezes the version "as agreed in the meeting". */
export function closeMeeting(id: string): Promise<MeetingSummary> {
  return request<MeetingSummary>(`/api/meetings/${encodeURIComponent(id)}/close`, { method: 'POST' });
}

/** Start the next meeting of a network (open plan items and questions are carried over). */
export function startNextMeeting(networkId: string, body: StartMeetingRequest = {}): Promise<MeetingSummary> {
  return request<MeetingSummary>(`/api/networks/${encodeURIComponent(networkId)}/meetings`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
}

/** The frozen "as agreed in the meeting" version of a closed meeting, as one Yjs update. */
export async function getAgreedVersion(id: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(`/api/meetings/${encodeURIComponent(id)}/agreed`);
  } catch {
    throw new ApiRequestError(0, 'network_error', 'Polyphony could not be reached. Check the connection.');
  }
  if (!response.ok) {
    const error = (await response.json().catch(() => null)) as Partial<ApiError> | null;
    throw new ApiRequestError(
      response.status,
      error?.error ?? 'unexpected_response',
      error?.message ?? `The server answered ${response.status}.`,
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}
