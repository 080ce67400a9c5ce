/** Typed helpers for /api/networks and /api/me: starting a network, the network page, people's links. */
import type {
  ActivityEntry,
  Invitation,
  MeetingSummary,
  MeResponse,
  NetworkDetail,
  Participant,
  PersonInput,
  StartMeetingRequest,
  StartNetworkRequest,
  StartNetworkResponse,
} from '@polyphony/shared';
import { post, request } from './request';

const base = (networkId: string) => `/api/networks/${encodeURIComponent(networkId)}`;

/** Start a network and its first meeting; the starter's browser gets its session cookie at once. */
export function startNetwork(body: StartNetworkRequest): Promise<StartNetworkResponse> {
  return post<StartNetworkResponse>('/api/networks', body);
}

/** The network page: people, their links' states, the meetings on a timeline. */
export function getNetwork(networkId: string): Promise<NetworkDetail> {
  return request<NetworkDetail>(base(networkId));
}

/** The activity log, newest first. */
export function getActivity(networkId: string): Promise<ActivityEntry[]> {
  return request<ActivityEntry[]>(`${base(networkId)}/activity`);
}

/** Invite someone: a new person with a personal link (shown once). */
export function invitePerson(networkId: string, person: PersonInput): Promise<Invitation> {
  return post<Invitation>(`${base(networkId)}/people`, person);
}

/** End a person's access: their link stops working and their open pages are closed. */
export function revokeLink(networkId: string, participantId: string): Promise<Participant> {
  return post<Participant>(`${base(networkId)}/people/${encodeURIComponent(participantId)}/revoke`);
}

/** A new link for a person (shown once); the old one stops working. */
export function reissueLink(networkId: string, participantId: string): Promise<Invitation> {
  return post<Invitation>(`${base(networkId)}/people/${encodeURIComponent(participantId)}/reissue`);
}

/** Start the network's next meeting. */
export function startNextMeeting(networkId: string, body: StartMeetingRequest = {}): Promise<MeetingSummary> {
  return post<MeetingSummary>(`${base(networkId)}/meetings`, body);
}

/** The networks this browser holds a link of. */
export function getMe(): Promise<MeResponse> {
  return request<MeResponse>('/api/me');
}
