/** GET /api/openapi.json: the API described as OpenAPI 3.1, its request schemas taken from shared/. */
import { CreateMeetingRequestSchema } from '@polyphony/shared';
import { Hono } from 'hono';
import { z } from 'zod';

const errorSchema = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
};
const meetingSchema = {
  type: 'object',
  required: ['id', 'title', 'createdAt', 'path'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    path: { type: 'string' },
  },
};
const json = (schema: object) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(errorSchema) });

/** The OpenAPI document. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Polyphony', version: '0.1.0' },
  paths: {
    '/api/health': {
      get: { summary: 'Server health', responses: { 200: { description: 'Up' } } },
    },
    '/api/meetings': {
      post: {
        summary: 'Start a meeting',
        requestBody: { content: json(z.toJSONSchema(CreateMeetingRequestSchema)) },
        responses: {
          201: { description: 'Created', content: json(meetingSchema) },
          400: error('Invalid body'),
        },
      },
    },
    '/api/meetings/{id}': {
      get: {
        summary: 'A meeting',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The meeting', content: json(meetingSchema) },
          404: error('No such meeting'),
        },
      },
    },
  },
} as const;

/** Routes of /api/openapi.json. */
export function openApiRoutes() {
  return new Hono().get('/', (c) => c.json(openApiDocument));
}
