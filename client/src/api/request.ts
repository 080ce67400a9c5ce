/**
 * The one way the client calls the API: the typed calls of client.ts, or a path (`request`, `post`),
 * JSON in and out; errors as ApiRequestError with the server's id.
 */

import type { ApiError, ErrorId } from '@polyphony/shared';
import type { ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import { type PlainMessageKey, t } from '../i18n';

/** An API call that did not succeed; `id` is the server's snake_case error id, or a client-side one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** Whether an error means "this browser holds no valid session": the person must open their link again. */
export function needsLinkAgain(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 401;
}

/**
 * Whether the server refused because this professional is no longer in the network's team (403 with
 * the revocation's id, so that older clients drop their copies too; a revoked link is a 404).
 */
export function leftTheTeam(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 403 && error.id === 'access_revoked';
}

/**
 * The dictionary's sentence for the server's error ids whose message is always the same one (the English
 * here is the server's own words): a refusal is said in the page's language. An id whose message varies
 * (`conflict`, `forbidden`, `bad_request`, …) keeps the server's sentence.
 */
const SENTENCES: Partial<Record<string, PlainMessageKey>> = {
  already_answered: 'apiError.alreadyAnswered',
  meeting_closed: 'apiError.meetingClosed',
  meeting_not_found: 'apiError.meetingNotFound',
  network_not_found: 'apiError.networkNotFound',
  anonymous_start_off: 'start.turnedOff',
  internal_error: 'apiError.internal',
  too_many: 'apiError.tooMany',
} satisfies Partial<Record<ErrorId | 'too_many', PlainMessageKey>>;

/** What to say for a refusal: the dictionary's sentence for its id where there is one, else the server's. */
export function refusalSentence(id: string, serverSaid: string): string {
  const key = SENTENCES[id];
  return key ? t(key) : serverSaid;
}

/** The `{ error, message }` of a refusal, as far as the body is one. */
function refusalOf(body: unknown): Partial<ApiError> {
  if (typeof body !== 'object' || body === null) return {};
  const { error, message } = body as Record<string, unknown>;
  return {
    ...(typeof error === 'string' ? { error: error as ApiError['error'] } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  };
}

/** Make a request; resolves with an OK response, rejects with ApiRequestError otherwise. */
async function answered<R extends Response>(sending: () => Promise<R>): Promise<R> {
  let response: R;
  try {
    response = await sending();
  } catch {
    throw new ApiRequestError(0, 'network_error', t('request.unreachable'));
  }
  if (!response.ok) {
    const refusal = refusalOf(await response.json().catch(() => null));
    const id = refusal.error ?? 'unexpected_response';
    throw new ApiRequestError(
      response.status,
      id,
      refusalSentence(id, refusal.message ?? t('request.serverAnswered', { status: response.status })),
    );
  }
  return response;
}

/** What a typed call answers when it succeeds, as the server's route declares it. */
export type Answer<R> =
  R extends ClientResponse<infer Body, infer Status, 'json'>
    ? Status extends SuccessStatusCode
      ? Body
      : never
    : never;

/** A typed call (client.ts); resolves with the body its route declares for success. */
export async function call<R extends ClientResponse<unknown, number, string>>(
  sending: () => Promise<R>,
): Promise<Answer<R>> {
  const response = await answered(sending);
  // The response is OK, so its body is the one the route declares for success (Answer).
  return (await response.json().catch(() => null)) as Answer<R>;
}

/** A typed call whose answer is binary (a Yjs update). */
export async function callForBytes(sending: () => Promise<Response>): Promise<Uint8Array> {
  return new Uint8Array(await (await answered(sending)).arrayBuffer());
}

/** A typed call answered without a body. */
export async function callForNothing(sending: () => Promise<Response>): Promise<void> {
  await answered(sending);
}

/** Fetch a path of the API (for calls not yet made through client.ts): JSON in and out. */
function send(path: string, init?: RequestInit): Promise<Response> {
  return answered(() =>
    fetch(path, {
      ...init,
      headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}) },
    }),
  );
}

/**
 * Call a path of the API; resolves with the parsed body, rejects with ApiRequestError. Untyped: the
 * caller names what it expects. The typed calls of client.ts (with `call`) take it from the server.
 */
export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await send(path, init);
  return (await response.json().catch(() => null)) as T;
}

/** Call a path of the API for binary content (a Yjs update). */
export async function requestBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await (await send(path)).arrayBuffer());
}

/** POST a JSON body to a path of the API. */
export function post<T>(path: string, body: unknown = {}): Promise<T> {
  return request<T>(path, { method: 'POST', body: JSON.stringify(body) });
}
