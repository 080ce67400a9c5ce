/** The one fetch wrapper of the client: JSON in and out, errors as ApiRequestError with the server's id. */

import type { ApiError } from '@polyphony/shared';
import { t } from '../i18n';

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

/** Fetch from the API; resolves with an OK response, rejects with ApiRequestError otherwise. */
async function send(path: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}) },
    });
  } catch {
    throw new ApiRequestError(0, 'network_error', t('request.unreachable'));
  }
  if (!response.ok) {
    const error = (await response.json().catch(() => null)) as Partial<ApiError> | null;
    throw new ApiRequestError(
      response.status,
      error?.error ?? 'unexpected_response',
      error?.message ?? t('request.serverAnswered', { status: response.status }),
    );
  }
  return response;
}

/** Call the API; resolves with the parsed body, rejects with ApiRequestError. */
export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await send(path, init);
  return (await response.json().catch(() => null)) as T;
}

/** Call the API for binary content (a Yjs update). */
export async function requestBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await (await send(path)).arrayBuffer());
}

/** POST a JSON body. */
export function post<T>(path: string, body: unknown = {}): Promise<T> {
  return request<T>(path, { method: 'POST', body: JSON.stringify(body) });
}
