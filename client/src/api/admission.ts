/** Typed calls for letting someone new in: the meeting's side and the newcomer's (issue 18). */
import type { AskToJoinRequest } from '@polyphony/shared';
import { api, param } from './client';
import { call } from './request';

const meeting = (id: string) => ({ param: { id: param(id) } });

/** The code shown and who is waiting. */
export const admissionState = (meetingId: string) =>
  call(() => api.meetings[':id'].admission.$get(meeting(meetingId)));
/** Show a new "ask to join" code. */
export const showAdmissionCode = (meetingId: string) =>
  call(() => api.meetings[':id'].admission.$post(meeting(meetingId)));
/** Turn the code off. */
export const turnAdmissionCodeOff = (meetingId: string) =>
  call(() => api.meetings[':id'].admission.$delete(meeting(meetingId)));
/** Let someone waiting in, with a role, or not. */
export const decideAdmission = (
  meetingId: string,
  requestId: string,
  decision: 'admit' | 'refuse',
  role: 'network_member' | 'observer' = 'network_member',
) =>
  call(() =>
    api.meetings[':id'].admission[':requestId'].$post({
      param: { id: param(meetingId), requestId: param(requestId) },
      json: { decision, role },
    }),
  );

/** Ask to join with a meeting's code. */
export const askToJoin = (code: string, person: AskToJoinRequest) =>
  call(() => api.ask.codes[':code'].$post({ param: { code: param(code) }, json: person }));
/** Where this browser's request stands. */
export const askState = () => call(() => api.ask.request.$get());
/** Come in once let in: the session is set; the personal link comes back once. */
export const enterAsAdmitted = () => call(() => api.ask.request.enter.$post());
