/** Typed calls of /api/networks and /api/me: starting a network, the network page, people's links. */
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
import { api, param } from './client';
import { call } from './request';

const network = (networkId: string) => ({ param: { id: param(networkId) } });
const person = (networkId: string, participantId: string) => ({
  param: { id: param(networkId), participantId: param(participantId) },
});

/** Start a network and its first meeting; the starter's browser gets its session cookie at once. */
export function startNetwork(body: StartNetworkRequest): Promise<StartNetworkResponse> {
  return call(() => api.networks.$post({ json: body }));
}

/** The network page: people, their links' states, the meetings on a timeline. */
export function getNetwork(networkId: string): Promise<NetworkDetail> {
  return call(() => api.networks[':id'].$get(network(networkId)));
}

/** The activity log, newest first. */
export function getActivity(networkId: string): Promise<ActivityEntry[]> {
  return call(() => api.networks[':id'].activity.$get(network(networkId)));
}

/** Invite someone: a new person with a personal link (shown once). */
export function invitePerson(networkId: string, person: PersonInput): Promise<Invitation> {
  return call(() => api.networks[':id'].people.$post({ ...network(networkId), json: person }));
}

/** End a person's access: their link stops working and their open pages are closed. */
export function revokeLink(networkId: string, participantId: string): Promise<Participant | null> {
  return call(() =>
    api.networks[':id'].people[':participantId'].revoke.$post(person(networkId, participantId)),
  );
}

/** A new link for a person (shown once); the old one stops working. */
export function reissueLink(networkId: string, participantId: string): Promise<Invitation> {
  return call(() =>
    api.networks[':id'].people[':participantId'].reissue.$post(person(networkId, participantId)),
  );
}

/** Start the network's next meeting. */
export function startNextMeeting(networkId: string, body: StartMeetingRequest = {}): Promise<MeetingSummary> {
  return call(() => api.networks[':id'].meetings.$post({ ...network(networkId), json: body }));
}

/** The networks this browser holds a link of. */
export function getMe(): Promise<MeResponse> {
  return call(() => api.me.$get());
}
