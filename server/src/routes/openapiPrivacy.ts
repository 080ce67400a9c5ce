/** The data-protection routes in the OpenAPI document (openapi.ts spreads them in). */
import { ErasePersonRequestSchema, LANGUAGES, LocalCopiesRequestSchema } from '@polyphony/shared';
import { z } from 'zod';

const errorSchema = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
};
const json = (schema: object) => ({ 'application/json': { schema } });
const ok = (description: string) => ({ description, content: json({ type: 'object' }) });
const failed = (description: string) => ({ description, content: json(errorSchema) });
const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const body = (schema: z.ZodType) => ({
  required: true,
  content: json(z.toJSONSchema(schema, { io: 'input' })),
});
const refusals = {
  401: failed('No working session (session_expired says why): open your personal link'),
  403: failed('Only professionals and the person at the centre erase'),
  404: failed('Not found, or not in your networks'),
};
const erase = (what: string, params: object[], requestBody?: object) => ({
  get: {
    summary: `What erasing ${what} would take away`,
    parameters: params,
    responses: { 200: ok('The preview'), ...refusals },
  },
  post: {
    summary: `Erase ${what} for good`,
    parameters: params,
    ...(requestBody ? { requestBody } : {}),
    responses: {
      200: ok('Erased: what went'),
      ...refusals,
      409: failed('The person at the centre: erase the network'),
    },
  },
});

/** Paths of sessions, erasure, a person's own data, local copies, settings and switching person. */
export const privacyPaths = {
  '/api/session': {
    get: {
      summary: 'Whether this browser’s session works, and how long it may',
      responses: { 200: ok('State') },
    },
  },
  '/api/session/active': {
    post: {
      summary: 'Someone is using the page (keeps the session from ending for idleness)',
      responses: { 204: { description: 'Noted' }, 401: refusals[401] },
    },
  },
  '/api/session/leave': {
    post: {
      summary: 'Leave this device: end the session everywhere, remove the cookie, Clear-Site-Data',
      responses: { 204: { description: 'Left' } },
    },
  },
  '/api/local-copies': {
    post: {
      summary: 'Which of the meeting copies this browser keeps it must delete (erased, revoked, rewritten)',
      requestBody: body(LocalCopiesRequestSchema),
      responses: {
        200: ok('What to drop'),
        400: failed('Invalid request'),
        429: failed('Too many requests'),
      },
    },
  },
  '/api/settings': {
    get: { summary: 'Anonymous starting, retention, session limits', responses: { 200: ok('Settings') } },
  },
  '/api/join/pending': {
    get: {
      summary: 'A link opened from another site, waiting for the person to choose',
      responses: { 200: ok('Who is who'), 404: refusals[404] },
    },
    post: { summary: 'Become the link’s person', responses: { 200: ok('Where to go'), 404: refusals[404] } },
    delete: { summary: 'Stay who this browser is', responses: { 200: ok('Where to go') } },
  },
  '/api/networks/{id}/erase': erase('the network', [id('id')]),
  '/api/meetings/{id}/erase': erase('a meeting', [id('id')]),
  '/api/networks/{id}/people/{participantId}/erase': erase(
    'a person (their words removed or anonymised)',
    [id('id'), id('participantId')],
    body(ErasePersonRequestSchema),
  ),
  '/api/networks/{id}/my-data.zip': {
    get: {
      summary: 'Everything Polyphony holds about the person asking: Markdown and JSON in a ZIP (in the log)',
      parameters: [
        id('id'),
        { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: [...LANGUAGES] } },
      ],
      responses: {
        200: { description: 'The archive', content: { 'application/zip': {} } },
        401: refusals[401],
        404: refusals[404],
      },
    },
  },
} as const;
