/** Typed helpers for revisiting: versions, restoring, the last-seen point, export and search. */
import type { Language, RestoreResponse, SearchHit, SeenResponse, VersionList } from '@polyphony/shared';
import { post, request, requestBytes } from './request';

const meeting = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

/** The versions of a meeting, oldest first, and whether the agreed version exists. */
export function getVersions(meetingId: string): Promise<VersionList> {
  return request<VersionList>(`${meeting(meetingId)}/versions`);
}

/** One version as a Yjs update, to be loaded into a Y.Doc of its own. */
export function getVersion(meetingId: string, versionId: number): Promise<Uint8Array> {
  return requestBytes(`${meeting(meetingId)}/versions/${versionId}`);
}

/** Bring a version's text back, as new edits by this person. */
export function restoreVersion(meetingId: string, versionId: number): Promise<RestoreResponse> {
  return post<RestoreResponse>(`${meeting(meetingId)}/versions/${versionId}/restore`);
}

/** This person's last-seen point of a meeting. */
export function getSeen(meetingId: string): Promise<SeenResponse> {
  return request<SeenResponse>(`${meeting(meetingId)}/seen`);
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
  return request<SeenResponse>(`${meeting(meetingId)}/seen`, {
    method: 'PUT',
    body: JSON.stringify({ stateVector: toBase64(stateVector) }),
    keepalive,
  });
}

/** Tell the network's activity log that this person printed (or saved as PDF) a meeting. */
export function logPrintExport(meetingId: string): Promise<void> {
  return request<void>(`${meeting(meetingId)}/exported`, {
    method: 'POST',
    body: JSON.stringify({ format: 'print' }),
  });
}

/** The address of a meeting's Markdown download, its headings and dates in the reader's language. */
export function meetingMarkdownUrl(meetingId: string, language: Language): string {
  return `${meeting(meetingId)}/export.md?lang=${language}`;
}

/** The address of a whole network's Markdown download, in the reader's language. */
export function networkMarkdownUrl(networkId: string, language: Language): string {
  return `/api/networks/${encodeURIComponent(networkId)}/export.md?lang=${language}`;
}

/** Search across the meetings of a network. */
export function searchNetwork(networkId: string, query: string): Promise<SearchHit[]> {
  return request<SearchHit[]>(
    `/api/networks/${encodeURIComponent(networkId)}/search?q=${encodeURIComponent(query)}`,
  );
}
