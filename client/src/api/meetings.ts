/** Typed helpers for /api/meetings. Errors become ApiRequestError with the server's stable id. */
import type { MeetingDetail, MeetingSummary } from '@polyphony/shared';
import { request } from './request';

export { ApiRequestError } from './request';

/** A meeting, its network and who you are in it; rejects with `meeting_not_found` or `unauthorized`. */
export function getMeetingDetail(id: string): Promise<MeetingDetail> {
  return request<MeetingDetail>(`/api/meetings/${encodeURIComponent(id)}`);
}

/** Look a meeting up; rejects with id `meeting_not_found` when there is none. */
export async function getMeeting(id: string): Promise<MeetingSummary> {
  return (await getMeetingDetail(id)).meeting;
}
