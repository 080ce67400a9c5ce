/** Typed helpers for erasure, a person's own data, the public settings and a pending switch of person. */
import type {
  ErasedWords,
  ErasureDone,
  ErasurePreview,
  Language,
  PendingJoinDone,
  PendingJoinResponse,
  SettingsResponse,
} from '@polyphony/shared';
import { post, request } from './request';

const network = (id: string) => `/api/networks/${encodeURIComponent(id)}`;
const meeting = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;
const person = (networkId: string, participantId: string) =>
  `${network(networkId)}/people/${encodeURIComponent(participantId)}`;

/** What erasing the network would take away. */
export const previewNetworkErasure = (networkId: string) =>
  request<ErasurePreview>(`${network(networkId)}/erase`);
/** Erase the network, for good. */
export const eraseNetwork = (networkId: string) => post<ErasureDone>(`${network(networkId)}/erase`);
/** What erasing a meeting would take away. */
export const previewMeetingErasure = (meetingId: string) =>
  request<ErasurePreview>(`${meeting(meetingId)}/erase`);
/** Erase one meeting, for good. */
export const eraseMeeting = (meetingId: string) => post<ErasureDone>(`${meeting(meetingId)}/erase`);
/** What erasing a person would take away. */
export const previewPersonErasure = (networkId: string, participantId: string) =>
  request<ErasurePreview>(`${person(networkId, participantId)}/erase`);
/** Erase a person, their words removed or anonymised. */
export const erasePerson = (networkId: string, participantId: string, words: ErasedWords) =>
  post<ErasureDone>(`${person(networkId, participantId)}/erase`, { words });

/** The address of this person's own archive (everything Polyphony holds about them), in their language. */
export const ownDataUrl = (networkId: string, language: Language) =>
  `${network(networkId)}/my-data.zip?lang=${language}`;

/** What the start page needs to know (is anonymous starting on?). */
export const getSettings = () => request<SettingsResponse>('/api/settings');

/** A link opened from another site, waiting for the person to say who they are. */
export const getPendingJoin = () => request<PendingJoinResponse>('/api/join/pending');
/** Become the person of the waiting link. */
export const confirmPendingJoin = () => post<PendingJoinDone>('/api/join/pending');
/** Stay who this browser was. */
export const declinePendingJoin = () => request<PendingJoinDone>('/api/join/pending', { method: 'DELETE' });
