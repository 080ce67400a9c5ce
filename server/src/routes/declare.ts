/**
 * How a route is declared once: `createRoute` names its method, path, parameters, request body and every
 * response with the zod schemas of shared/src/api; `apiRoutes()` serves it, the OpenAPI document
 * (/api/openapi.json) lists it from the same declaration, and the client's typed calls (Hono's `hc`) take
 * their types from it.
 *
 * Validation stays where it was and behaves as before: a handler reads its body with `requestBody(c,
 * route)` (validate.ts: any content type, an empty body as `{}`, refusals as `invalid_body` saying what is
 * wrong), at the point of the handler it always had — after the session and role checks, so that a
 * stranger learns nothing from a 400. Ids in the path are checked by the handlers too (an id that is not
 * one answers 404, like one that does not exist). So zod-openapi's own validators are not mounted: only
 * the declaration is registered for the document.
 */
import { OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import { ApiErrorSchema, LANGUAGES } from '@polyphony/shared';
import type { Context } from 'hono';
import { jsonBody } from './validate.js';

/** A group of API routes: declared routes, documented, without zod-openapi's own request validation. */
export function apiRoutes() {
  const app = new OpenAPIHono();
  const serve = app.openapi;
  app.openapi = ((route: RouteConfig, handler: never) => {
    const { middleware: _middleware, hide, ...declared } = route;
    if (!hide) app.openAPIRegistry.registerPath(declared);
    return serve({ ...route, request: undefined, hide: true }, handler);
  }) as typeof serve;
  return app;
}

/** The JSON body schema a route declares. */
type BodySchema<R> = R extends {
  request: { body: { content: { 'application/json': { schema: infer S extends z.ZodType } } } };
}
  ? S
  : never;

/** The request body of a route, validated with the schema the route declares (validate.ts). */
export function requestBody<R extends RouteConfig>(c: Context, route: R): Promise<z.output<BodySchema<R>>> {
  const content = route.request?.body?.content['application/json'] as { schema: BodySchema<R> };
  const schema = content.schema;
  return jsonBody(c, schema);
}

/** A JSON response of one schema. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** A response in another format (a Yjs update, Markdown, a ZIP archive). */
export function file<T extends string>(type: T, description: string) {
  return { description, content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } } as {
    description: string;
    content: Record<T, { schema: z.ZodString }>;
  };
}

/** A refusal: `{ error, message }`. */
export function refusal(description: string) {
  return json(ApiErrorSchema, description);
}

/** A required JSON request body. */
export function body<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

/** The refusals of a route that needs a session and membership. */
export const memberRefusals = {
  400: refusal('Invalid request'),
  401: refusal('No valid session: open your personal link'),
  403: refusal('Your role may not do this'),
  404: refusal('Not found, or not in your networks'),
} as const;

/** Path parameters, each a string (checked by the handler). */
export function ids<const K extends string>(...names: K[]) {
  return z.object(
    Object.fromEntries(names.map((name) => [name, z.string().openapi({ param: { name, in: 'path' } })])) as {
      [P in K]: z.ZodString;
    },
  );
}

/**
 * The language an export is written in; the client sends the language its interface is in. Any value is
 * taken (one not offered falls back, see language.ts); the document names the offered ones.
 */
export const languageQuery = z
  .string()
  .optional()
  .openapi({
    enum: [...LANGUAGES],
    description:
      'Language of the fixed words and dates of the export. Without it (or with one not offered), the ' +
      'Accept-Language header decides, else English. People’s own words are never translated.',
  });
