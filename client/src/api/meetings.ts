/** Typed helpers for /api/meetings. Errors become ApiRequestError with the server's stable id. */
import type { MeetingDetail, MeetingSummary, StartMeetingRequest } from '@polyphony/shared';
import { post, request, requestBytes } from './request';

export { ApiRequestError } from './request';

/**
 * A meeting, its network, and who this browser is in it (from the session cookie). Rejects with status
 * 401 without a session and 404 for a meeting that is not in any of this browser's networks.
 */
export function getMeeting(id: string): Promise<MeetingDetail> {
  return request<MeetingDetail>(`/api/meetings/${encodeURIComponent(id)}`);
}

/** Close a meeting: the server freezes the version "as agreed in the meeting". */
export function closeMeeting(id: string): Promise<MeetingSummary> {
  return post<MeetingSummary>(`/api/meetings/${encodeURIComponent(id)}/close`);
}

/** Start the next meeting of a network (open plan items and questions are carried over). */
export function startNextMeeting(networkId: string, body: StartMeetingRequest = {}): Promise<MeetingSummary> {
  return post<MeetingSummary>(`/api/networks/${encodeURIComponent(networkId)}/meetings`, body);
}

/** The frozen "as agreed in the meeting" version of a closed meeting, as one Yjs update. */
export function getAgreedVersion(id: string): Promise<Uint8Array> {
  return requestBytes(`/api/meetings/${encodeURIComponent(id)}/agreed`);
}
