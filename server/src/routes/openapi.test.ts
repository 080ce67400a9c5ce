/**
 * The OpenAPI document lists every route the app serves, each with real schemas: a route added without
 * its declaration (a plain `.get`, a `c.json` without a schema) fails here rather than going unnoticed.
 */
import { describe, expect, it } from 'vitest';
import { abuseLimits } from '../abuse/limits.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import type { RouteContext } from './context.js';
import { openApiDocument } from './openapi.js';

type Schema = { type?: unknown; properties?: object; items?: unknown; anyOf?: unknown; format?: unknown };
type Operation = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};

/**
 * The app as `server.ts` builds it, for its route table only: no request is served, so the services
 * the handlers call are not needed (only what routes read when they are built is given).
 */
function appForRouteTable() {
  const { protection } = loadConfig({});
  const routes = {
    protection,
    limits: abuseLimits(protection),
    sessions: { policy: { idleMs: protection.sessionIdleMs } },
  } as unknown as RouteContext;
  return buildApp({
    routes,
    logger: createLogger('silent'),
    storeName: 'sqlite',
    clientDir: '/nonexistent',
  });
}

/** Every method and path the app answers on its own routes (not middleware, not the catch-alls). */
function servedRoutes(app: ReturnType<typeof appForRouteTable>): string[] {
  const served = new Set<string>();
  for (const { method, path } of app.routes) {
    if (method === 'ALL' || path.includes('*')) continue;
    served.add(`${method.toLowerCase()} ${path.replace(/:([^/]+)/g, '{$1}')}`);
  }
  return [...served].sort();
}

/** Whether a schema says what a body holds (not a bare or empty `{ type: 'object' }`). */
const describes = (schema: Schema | undefined) =>
  Boolean(
    schema &&
      (Object.keys(schema.properties ?? {}).length > 0 ||
        schema.items ||
        schema.anyOf ||
        schema.format ||
        (schema.type !== undefined && schema.type !== 'object')),
  );

describe('the OpenAPI document', () => {
  const app = appForRouteTable();
  const document = openApiDocument(app);
  const paths = document.paths as Record<string, Record<string, Operation>>;

  it('lists every route the app serves, and nothing it does not', () => {
    const served = servedRoutes(app);
    const documented = Object.entries(paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .sort();
    expect(served.length).toBeGreaterThan(35);
    expect(documented).toEqual(served);
  });

  it('describes every response body, request body and path parameter', () => {
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method} ${path}`;
        for (const [status, response] of Object.entries(operation.responses)) {
          for (const [type, content] of Object.entries(response.content ?? {})) {
            expect(describes(content.schema), `${where} ${status} ${type}`).toBe(true);
          }
        }
        for (const content of Object.values(operation.requestBody?.content ?? {})) {
          expect(describes(content.schema), `${where} request body`).toBe(true);
        }
        const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared, `${where} path parameters`).toEqual(inPath);
      }
    }
  });

  it('gives every refusal the { error, message } shape', () => {
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          // Readiness answers its own shape when not ready; a personal link answers a page.
          if (Number(status) < 400 || path === '/api/ready' || path === '/join/{token}') continue;
          const schema = response.content?.['application/json']?.schema as
            | { properties?: Record<string, unknown>; required?: string[] }
            | undefined;
          expect(schema?.required, `${method} ${path} ${status}`).toEqual(['error', 'message']);
        }
      }
    }
  });
});
