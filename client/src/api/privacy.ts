/** Typed calls for erasure, a person's own data, the public settings and a pending switch of person. */
import type { ErasedWords, Language } from '@polyphony/shared';
import { API_BASE, api, param } from './client';
import { call } from './request';

const network = (id: string) => ({ param: { id: param(id) } });
const meeting = (id: string) => ({ param: { id: param(id) } });
const person = (networkId: string, participantId: string) => ({
  param: { id: param(networkId), participantId: param(participantId) },
});

/** What erasing the network would take away. */
export const previewNetworkErasure = (networkId: string) =>
  call(() => api.networks[':id'].erase.$get(network(networkId)));
/** Erase the network, for good. */
export const eraseNetwork = (networkId: string) =>
  call(() => api.networks[':id'].erase.$post(network(networkId)));
/** What erasing a meeting would take away. */
export const previewMeetingErasure = (meetingId: string) =>
  call(() => api.meetings[':id'].erase.$get(meeting(meetingId)));
/** Erase one meeting, for good. */
export const eraseMeeting = (meetingId: string) =>
  call(() => api.meetings[':id'].erase.$post(meeting(meetingId)));
/** What erasing a person would take away. */
export const previewPersonErasure = (networkId: string, participantId: string) =>
  call(() => api.networks[':id'].people[':participantId'].erase.$get(person(networkId, participantId)));
/** Erase a person, their words removed or anonymised. */
export const erasePerson = (networkId: string, participantId: string, words: ErasedWords) =>
  call(() =>
    api.networks[':id'].people[':participantId'].erase.$post({
      ...person(networkId, participantId),
      json: { words },
    }),
  );

/** The address of this person's own archive (everything Polyphony holds about them), in their language. */
export const ownDataUrl = (networkId: string, language: Language) =>
  API_BASE + api.networks[':id']['my-data.zip'].$path({ ...network(networkId), query: { lang: language } });

/** What the start page needs to know (is anonymous starting on?). */
export const getSettings = () => call(() => api.settings.$get());

/** A link opened from another site, waiting for the person to say who they are. */
export const getPendingJoin = () => call(() => api.join.pending.$get());
/** Become the person of the waiting link. */
export const confirmPendingJoin = () => call(() => api.join.pending.$post());
/** Stay who this browser was. */
export const declinePendingJoin = () => call(() => api.join.pending.$delete());
