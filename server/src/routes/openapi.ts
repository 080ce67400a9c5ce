/** GET /api/openapi.json: the API described as OpenAPI 3.1, request schemas generated from shared/'s zod. */
import {
  ExportedRequestSchema,
  LANGUAGES,
  PersonInputSchema,
  SeenRequestSchema,
  StartMeetingRequestSchema,
  StartNetworkRequestSchema,
} from '@polyphony/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { privacyPaths } from './openapiPrivacy.js';

const errorSchema = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
};
const json = (schema: object) => ({ 'application/json': { schema } });
const ok = (description: string) => ({ description, content: json({ type: 'object' }) });
const errors = {
  400: { description: 'Invalid request', content: json(errorSchema) },
  401: { description: 'No valid session: open your personal link', content: json(errorSchema) },
  403: { description: 'Your role may not do this', content: json(errorSchema) },
  404: { description: 'Not found, or not in your networks', content: json(errorSchema) },
};
const body = (schema: z.ZodType) => ({
  required: true,
  content: json(z.toJSONSchema(schema, { io: 'input' })),
});
const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
// The language an export is written in; the client sends the language its interface is in.
const lang = {
  name: 'lang',
  in: 'query',
  required: false,
  description:
    'Language of the fixed words and dates of the export. Without it (or with one not offered), the ' +
    'Accept-Language header decides, else English. People’s own words are never translated.',
  schema: { type: 'string', enum: [...LANGUAGES] },
};

/** The OpenAPI document. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Polyphony',
    version: '0.2.0',
    description:
      'Open Dialogue network meetings. Sessions come from personal links (/join/{token}) as an HttpOnly ' +
      'cookie; every route below except starting a network, health and readiness needs one.',
  },
  paths: {
    '/api/health': {
      get: {
        summary: 'Server health (liveness), with what it last saw of the store and Redis',
        responses: { 200: ok('Up') },
      },
    },
    '/api/ready': {
      get: {
        summary: 'Whether this instance can serve: the store and Redis looked at for the request',
        responses: { 200: ok('Ready'), 503: ok('Not ready: the store or Redis is unreachable') },
      },
    },
    '/api/health/event-loop': {
      get: {
        summary:
          "The server's event-loop delay (p50, p99, max) in half-second windows over the last two minutes",
        responses: { 200: ok('Windows, oldest first') },
      },
    },
    '/api/networks': {
      post: {
        summary: 'Start a network and its first meeting, with a personal link for everyone',
        requestBody: body(StartNetworkRequestSchema),
        responses: {
          201: ok('Started; sets the session cookie of the person starting it'),
          400: errors[400],
        },
      },
    },
    '/api/networks/{id}': {
      get: {
        summary: 'The network page',
        parameters: [id('id')],
        responses: { 200: ok('Network'), ...errors },
      },
    },
    '/api/networks/{id}/activity': {
      get: {
        summary: 'The activity log',
        parameters: [id('id')],
        responses: { 200: ok('Entries'), ...errors },
      },
    },
    '/api/networks/{id}/people': {
      post: {
        summary: 'Invite a person',
        parameters: [id('id')],
        requestBody: body(PersonInputSchema),
        responses: { 201: ok('The invitation with its link, shown once'), ...errors },
      },
    },
    '/api/networks/{id}/people/{participantId}/revoke': {
      post: {
        summary: "Revoke a person's link; their connections close",
        parameters: [id('id'), id('participantId')],
        responses: { 200: ok('The person'), ...errors },
      },
    },
    '/api/networks/{id}/people/{participantId}/reissue': {
      post: {
        summary: 'A new link for a person; the old one stops working',
        parameters: [id('id'), id('participantId')],
        responses: { 201: ok('The invitation'), ...errors },
      },
    },
    '/api/networks/{id}/meetings': {
      post: {
        summary: 'Start the next meeting, carrying over open plan items and questions',
        parameters: [id('id')],
        requestBody: body(StartMeetingRequestSchema),
        responses: { 201: ok('The meeting'), ...errors },
      },
    },
    '/api/meetings/{id}': {
      get: {
        summary: 'A meeting and who you are in it',
        parameters: [id('id')],
        responses: { 200: ok('Meeting'), ...errors },
      },
    },
    '/api/meetings/{id}/close': {
      post: {
        summary: 'Close a meeting, freezing the version "as agreed in the meeting"',
        parameters: [id('id')],
        responses: { 200: ok('The meeting'), ...errors },
      },
    },
    '/api/meetings/{id}/agreed': {
      get: {
        summary: 'The frozen "as agreed" version, as a Yjs update',
        parameters: [id('id')],
        responses: { 200: { description: 'application/octet-stream' }, ...errors },
      },
    },
    '/api/meetings/{id}/versions': {
      get: {
        summary: 'Versions of a meeting, with who was writing',
        parameters: [id('id')],
        responses: { 200: ok('Versions'), ...errors },
      },
    },
    '/api/meetings/{id}/versions/{versionId}': {
      get: {
        summary: 'One version, as a Yjs update',
        parameters: [id('id'), id('versionId')],
        responses: { 200: { description: 'application/octet-stream' }, ...errors },
      },
    },
    '/api/meetings/{id}/versions/{versionId}/restore': {
      post: {
        summary:
          'Bring back an older text as new edits by you; the text it replaces is kept as a version first, afterthoughts stay, and the activity log says so',
        parameters: [id('id'), id('versionId')],
        responses: {
          200: ok('The versions taken just before and after, and how many afterthoughts stayed'),
          ...errors,
        },
      },
    },
    '/api/meetings/{id}/seen': {
      get: {
        summary: 'Your last-seen point',
        parameters: [id('id')],
        responses: { 200: ok('Seen'), ...errors },
      },
      put: {
        summary: 'Record what you have seen',
        parameters: [id('id')],
        requestBody: body(SeenRequestSchema),
        responses: { 200: ok('Seen'), ...errors },
      },
    },
    '/api/meetings/{id}/export.md': {
      get: {
        summary: 'The meeting as Markdown, in the reader’s language (logged)',
        parameters: [id('id'), lang],
        responses: { 200: { description: 'text/markdown' }, ...errors },
      },
    },
    '/api/meetings/{id}/exported': {
      post: {
        summary: 'Log a print export made in the browser',
        parameters: [id('id')],
        requestBody: body(ExportedRequestSchema),
        responses: { 204: { description: 'Logged' }, ...errors },
      },
    },
    '/api/networks/{id}/export.md': {
      get: {
        summary: 'Every meeting of the network as Markdown, in the reader’s language (logged)',
        parameters: [id('id'), lang],
        responses: { 200: { description: 'text/markdown' }, ...errors },
      },
    },
    '/api/networks/{id}/search': {
      get: {
        summary: 'Search the meetings of a network',
        parameters: [
          id('id'),
          { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 2 } },
        ],
        responses: { 200: ok('Hits'), ...errors },
      },
    },
    '/api/video/config': {
      get: { summary: 'Whether video is set up', responses: { 200: ok('Video configuration') } },
    },
    '/api/video/meetings/{id}/token': {
      post: {
        summary: 'A LiveKit token for this meeting (members only, at most 10 minutes)',
        parameters: [id('id')],
        responses: {
          200: ok('Token'),
          503: { description: 'Video is not set up', content: json(errorSchema) },
          ...errors,
        },
      },
    },
    '/api/video/meetings/{id}/participants': {
      get: {
        summary: 'Who is on video in this meeting',
        parameters: [id('id')],
        responses: { 200: ok('Participants'), ...errors },
      },
    },
    '/api/video/webhook': {
      post: {
        summary: "LiveKit's webhook, verified by its signature",
        responses: { 200: ok('Accepted'), 401: errors[401] },
      },
    },
    '/api/me': {
      get: { summary: 'Who this browser is in each network', responses: { 200: ok('Memberships') } },
    },
    '/join/{token}': {
      get: {
        summary: 'Open a personal link: sets the session cookie and redirects to the meeting',
        parameters: [id('token')],
        responses: { 302: { description: 'To the meeting, or to /link-problem?reason=…' } },
      },
    },
    ...privacyPaths,
  },
} as const;

/** Routes of /api/openapi.json. */
export function openApiRoutes() {
  return new Hono().get('/', (c) => c.json(openApiDocument));
}
