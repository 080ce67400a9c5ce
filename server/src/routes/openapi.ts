/**
 * GET /api/openapi.json: the API described as OpenAPI 3.1, generated from the routes' own declarations
 * (declare.ts): every path, its parameters, its request body and each response with its schema.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { apiRoutes, json } from './declare.js';

const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Polyphony',
    version: '0.2.0',
    description:
      'Open Dialogue network meetings. Sessions come from personal links (/join/{token}) as an HttpOnly ' +
      'cookie; every route below except starting a network, health and readiness needs one.',
  },
};

const DocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({}),
  paths: z.record(z.string(), z.unknown()),
});

const openApi = createRoute({
  method: 'get',
  path: '/',
  summary: 'This description of the API',
  responses: {
    200: json(DocumentSchema, 'The OpenAPI 3.1 document'),
  },
});

/** The OpenAPI document of everything `app` declares, as plain JSON. */
export function openApiDocument(app: OpenAPIHono): z.infer<typeof DocumentSchema> {
  return DocumentSchema.parse(JSON.parse(JSON.stringify(app.getOpenAPI31Document(OPENAPI_INFO))));
}

/** Routes of /api/openapi.json, describing `app` (which mounts them); made once, on first request. */
export function openApiRoutes(app: OpenAPIHono) {
  let document: z.infer<typeof DocumentSchema> | undefined;
  return apiRoutes().openapi(openApi, (c) => {
    // Once: the routes do not change after the app is built.
    document ??= openApiDocument(app);
    return c.json(document, 200);
  });
}
