/** Typed calls of /api/meetings. Errors become ApiRequestError with the server's stable id. */
import type { MeetingDetail, MeetingSummary, StartMeetingRequest } from '@polyphony/shared';
import { api, param } from './client';
import { startNextMeeting as startNext } from './networks';
import { call, callForBytes } from './request';

export { ApiRequestError } from './request';

const meeting = (id: string) => ({ param: { id: param(id) } });

/**
 * A meeting, its network, and who this browser is in it (from the session cookie). Rejects with status
 * 401 without a session and 404 for a meeting that is not in any of this browser's networks.
 */
export function getMeeting(id: string): Promise<MeetingDetail> {
  return call(() => api.meetings[':id'].$get(meeting(id)));
}

/** Close a meeting: the server freezes the version "as agreed in the meeting". */
export function closeMeeting(id: string): Promise<MeetingSummary> {
  return call(() => api.meetings[':id'].close.$post(meeting(id)));
}

/** Start the next meeting of a network (open plan items and questions are carried over). */
export function startNextMeeting(networkId: string, body: StartMeetingRequest = {}): Promise<MeetingSummary> {
  return startNext(networkId, body);
}

/** The frozen "as agreed in the meeting" version of a closed meeting, as one Yjs update. */
export function getAgreedVersion(id: string): Promise<Uint8Array> {
  return callForBytes(() => api.meetings[':id'].agreed.$get(meeting(id)));
}
