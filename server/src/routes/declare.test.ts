/**
 * A declared route validates its body as the API always has (validate.ts), not as zod-openapi would on
 * its own (415 without a JSON content type, "Malformed JSON" as bad_request, before the handler's own
 * checks): the refusals people and scripts already rely on stay what they were.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { abuseLimits } from '../abuse/limits.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { ApiError, unauthorized } from '../errors.js';
import { createLogger } from '../logger.js';
import type { RouteContext } from './context.js';
import { apiRoutes, body, json, refusal, requestBody } from './declare.js';

const greeting = createRoute({
  method: 'post',
  path: '/greet',
  request: { body: body(z.object({ name: z.string().min(1, 'a name is needed') }).strict()) },
  responses: { 200: json(z.object({ hello: z.string() }), 'Hello'), 401: refusal('No session') },
});

/** One declared route behind the same error rendering as the app's, refusing without a cookie first. */
function greeter() {
  const app = apiRoutes().openapi(greeting, async (c) => {
    if (!c.req.header('cookie')) throw unauthorized();
    const { name } = await requestBody(c, greeting);
    return c.json({ hello: name }, 200);
  });
  app.onError((error, c) =>
    error instanceof ApiError
      ? c.json({ error: error.id, message: error.message }, error.status)
      : c.json({ error: 'other', message: String(error) }, 500),
  );
  return app;
}

const post = (app: ReturnType<typeof greeter>, text: string, headers: Record<string, string> = {}) =>
  app.request('/greet', { method: 'POST', body: text, headers: { cookie: 'c=1', ...headers } });

describe('a declared route', () => {
  it('takes a JSON body whatever its content type says, as validate.ts always did', async () => {
    const app = greeter();
    const kinds: Record<string, string>[] = [
      {},
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/json' },
    ];
    for (const headers of kinds) {
      const response = await post(app, '{"name":"Eeva"}', headers);
      expect(response.status, JSON.stringify(headers)).toBe(200);
      expect(await response.json()).toEqual({ hello: 'Eeva' });
    }
  });

  it('refuses a body that is not JSON, or not what the route declares, saying what is wrong', async () => {
    const app = greeter();
    const broken = await post(app, '{name', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({
      error: 'invalid_body',
      message: 'The request body is not valid JSON.',
    });
    const empty = await post(app, '');
    expect(await empty.json()).toEqual({
      error: 'invalid_body',
      message: 'name: Invalid input: expected string, received undefined',
    });
    const extra = await post(app, '{"name":"Eeva","role":"boss"}');
    expect(extra.status).toBe(400);
    expect((await extra.json()).error).toBe('invalid_body');
  });

  it('checks the body only where the handler asks: a stranger is told 401, not what the body lacks', async () => {
    const response = await greeter().request('/greet', { method: 'POST', body: '{name' });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe('unauthorized');
  });

  it('is listed in the document with the body it declares', () => {
    const app = apiRoutes();
    app.route('/api', greeter());
    const document = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const schema = document.paths?.['/api/greet']?.post?.requestBody as {
      content: Record<string, { schema: { required?: string[] } }>;
    };
    expect(schema.content['application/json']?.schema.required).toEqual(['name']);
  });
});

describe('the app', () => {
  const { protection } = loadConfig({});
  // Refusals that come before any store is asked: nothing else of the context is needed.
  const app = buildApp({
    routes: {
      protection,
      limits: abuseLimits(protection),
      sessions: { policy: { idleMs: protection.sessionIdleMs } },
    } as unknown as RouteContext,
    logger: createLogger('silent'),
    storeName: 'sqlite',
    clientDir: '/nonexistent',
  });

  it('refuses a malformed body as it always has, whatever the content type', async () => {
    const notJson = await app.request('/api/local-copies', { method: 'POST', body: 'copies please' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      error: 'invalid_body',
      message: 'The request body is not valid JSON.',
    });
    const wrong = await app.request('/api/local-copies', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ copies: [{ meetingId: '../x' }] }),
    });
    expect(await wrong.json()).toEqual({
      error: 'invalid_body',
      message: 'copies.0.meetingId: not a meeting id',
    });
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const response = await app.request('/api/local-copies', { method: 'POST', body: 'x'.repeat(65 * 1024) });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe('payload_too_large');
  });
});
