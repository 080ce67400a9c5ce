/** Typed calls for revisiting: versions, restoring, the last-seen point, export and search. */
import type { Language, RestoreResponse, SearchHit, SeenResponse, VersionList } from '@polyphony/shared';
import { API_BASE, api, param } from './client';
import { call, callForBytes, callForNothing } from './request';

const meeting = (id: string) => ({ param: { id: param(id) } });
const version = (meetingId: string, versionId: number) => ({
  param: { id: param(meetingId), versionId: String(versionId) },
});

/** The versions of a meeting, oldest first, and whether the agreed version exists. */
export function getVersions(meetingId: string): Promise<VersionList> {
  return call(() => api.meetings[':id'].versions.$get(meeting(meetingId)));
}

/** One version as a Yjs update, to be loaded into a Y.Doc of its own. */
export function getVersion(meetingId: string, versionId: number): Promise<Uint8Array> {
  return callForBytes(() => api.meetings[':id'].versions[':versionId'].$get(version(meetingId, versionId)));
}

/** Bring a version's text back, as new edits by this person. */
export function restoreVersion(meetingId: string, versionId: number): Promise<RestoreResponse> {
  return call(() => api.meetings[':id'].versions[':versionId'].restore.$post(version(meetingId, versionId)));
}

/** This person's last-seen point of a meeting. */
export function getSeen(meetingId: string): Promise<SeenResponse> {
  return call(() => api.meetings[':id'].seen.$get(meeting(meetingId)));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decode a base64 state vector. */
export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/**
 * Record that this person has seen the meeting up to `stateVector`. `keepalive` lets the request
 * finish while the page is being left.
 */
export function putSeen(
  meetingId: string,
  stateVector: Uint8Array,
  keepalive = false,
): Promise<SeenResponse> {
  return call(() =>
    api.meetings[':id'].seen.$put(
      { ...meeting(meetingId), json: { stateVector: toBase64(stateVector) } },
      { init: { keepalive } },
    ),
  );
}

/** Tell the network's activity log that this person printed (or saved as PDF) a meeting. */
export function logPrintExport(meetingId: string): Promise<void> {
  return callForNothing(() =>
    api.meetings[':id'].exported.$post({ ...meeting(meetingId), json: { format: 'print' } }),
  );
}

/** The address of a meeting's Markdown download, its headings and dates in the reader's language. */
export function meetingMarkdownUrl(meetingId: string, language: Language): string {
  return (
    API_BASE + api.meetings[':id']['export.md'].$path({ ...meeting(meetingId), query: { lang: language } })
  );
}

/** The address of a whole network's Markdown download, in the reader's language. */
export function networkMarkdownUrl(networkId: string, language: Language): string {
  return (
    API_BASE +
    api.networks[':id']['export.md'].$path({ param: { id: param(networkId) }, query: { lang: language } })
  );
}

/** Search across the meetings of a network. */
export function searchNetwork(networkId: string, query: string): Promise<SearchHit[]> {
  return call(() =>
    api.networks[':id'].search.$get({ param: { id: param(networkId) }, query: { q: query } }),
  );
}
