/**
 * The typed client of the API: Hono's `hc` over the server's own route declarations
 * (server/src/routes/api.ts), so a call's path, parameters, body and answer are the ones the server
 * declares and validates, and the OpenAPI document lists. Only the type comes from the server.
 */
import type { Api } from '@polyphony/server/routes/api';
import { hc } from 'hono/client';

/** Where the API is: the same origin as the page. */
export const API_BASE = '/api';

/** The API, one typed call per declared route (`api.meetings[':id'].$get({ param: { id } })`). */
export const api = hc<Api>(API_BASE, { headers: { Accept: 'application/json' } });

/** A path parameter as it goes into the address. */
export const param = (value: string) => encodeURIComponent(value);
