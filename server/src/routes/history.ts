/**
 * Revisiting: a meeting's versions and restoring one, each person's last-seen point, export as
 * Markdown (and the log entry of a print export made in the browser), and search across a network.
 * Every export is written to the network's activity log, and is in the reader's language (`?lang=`,
 * else Accept-Language, else English; see language.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  can,
  ExportedRequestSchema,
  type Language,
  RestoreResponseSchema,
  type SearchHit,
  SearchHitSchema,
  SeenRequestSchema,
  SeenResponseSchema,
  VersionListSchema,
} from '@polyphony/shared';
import type { Context } from 'hono';
import * as Y from 'yjs';
import { meetingMarkdown, networkMarkdownTitle } from '../document/markdown.js';
import { searchDocument } from '../document/search.js';
import { badRequest, forbidden, invalidBody, networkNotFound } from '../errors.js';
import type { MeetingRecord } from '../persistence/metadata/types.js';
import { type RouteContext, requireMeetingMember, requireMember } from './context.js';
import { apiRoutes, body, file, ids, json, languageQuery, memberRefusals, requestBody } from './declare.js';
import { readerLanguage } from './language.js';

const MAX_SEARCH_HITS = 50;
/** Writers a "seen" point may name: far more than a meeting ever has Yjs clients. */
const MAX_SEEN_CLIENTS = 10_000;

function versionId(c: Context): number {
  const id = Number(c.req.param('versionId'));
  if (!Number.isInteger(id) || id < 1) throw badRequest('A version id is a positive whole number.');
  return id;
}

/**
 * A "seen" point as sent: base64 of a Yjs state vector. Anything else is refused (400), so that what is
 * stored always decodes when the network page later compares it with the document.
 */
function seenStateVector(base64: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  // Node's decoder skips what is not base64: the text must be exactly what the bytes encode to.
  if (Buffer.from(bytes).toString('base64').replace(/=+$/, '') !== base64.replace(/=+$/, '')) {
    throw invalidBody('stateVector is not base64.');
  }
  try {
    const vector = Y.decodeStateVector(bytes);
    for (const [client, clock] of vector) {
      if (!Number.isSafeInteger(client) || !Number.isSafeInteger(clock) || clock < 0) throw new Error();
    }
    if (vector.size > MAX_SEEN_CLIENTS) throw new Error();
  } catch {
    throw invalidBody('stateVector is not a Yjs state vector.');
  }
  // Exactly the bytes of a state vector: nothing left over after it.
  if (!equalBytes(Y.encodeStateVector(Y.decodeStateVector(bytes)), bytes)) {
    throw invalidBody('stateVector has bytes after the state vector.');
  }
  return bytes;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function markdownFile(c: Context, name: string, body: string) {
  return c.body(body, 200, {
    'Content-Type': 'text/markdown; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]+/g, '-')}.md"`,
  });
}

const versions = createRoute({
  method: 'get',
  path: '/{id}/versions',
  summary: 'Versions of a meeting, with who was writing',
  request: { params: ids('id') },
  responses: { 200: json(VersionListSchema, 'Versions'), ...memberRefusals },
});
const version = createRoute({
  method: 'get',
  path: '/{id}/versions/{versionId}',
  summary: 'One version, as a Yjs update',
  request: { params: ids('id', 'versionId') },
  responses: { 200: file('application/octet-stream', 'A Yjs update'), ...memberRefusals },
});
const restore = createRoute({
  method: 'post',
  path: '/{id}/versions/{versionId}/restore',
  summary:
    'Bring back an older text as new edits by you; the text it replaces is kept as a version first, afterthoughts stay, and the activity log says so',
  request: { params: ids('id', 'versionId') },
  responses: {
    200: json(
      RestoreResponseSchema,
      'The versions taken just before and after, and how many afterthoughts stayed',
    ),
    ...memberRefusals,
  },
});
const seen = createRoute({
  method: 'get',
  path: '/{id}/seen',
  summary: 'Your last-seen point',
  request: { params: ids('id') },
  responses: { 200: json(SeenResponseSchema, 'Seen'), ...memberRefusals },
});
const markSeen = createRoute({
  method: 'put',
  path: '/{id}/seen',
  summary: 'Record what you have seen',
  request: { params: ids('id'), body: body(SeenRequestSchema) },
  responses: { 200: json(SeenResponseSchema, 'Seen'), ...memberRefusals },
});
const meetingExport = createRoute({
  method: 'get',
  path: '/{id}/export.md',
  summary: 'The meeting as Markdown, in the reader’s language (logged)',
  request: { params: ids('id'), query: z.object({ lang: languageQuery }) },
  responses: { 200: file('text/markdown', 'The meeting as Markdown'), ...memberRefusals },
});
const exported = createRoute({
  method: 'post',
  path: '/{id}/exported',
  summary: 'Log a print export made in the browser',
  request: { params: ids('id'), body: body(ExportedRequestSchema) },
  responses: { 204: { description: 'Logged' }, ...memberRefusals },
});
const networkExport = createRoute({
  method: 'get',
  path: '/{id}/export.md',
  summary: 'Every meeting of the network as Markdown, in the reader’s language (logged)',
  request: { params: ids('id'), query: z.object({ lang: languageQuery }) },
  responses: { 200: file('text/markdown', 'The network as Markdown'), ...memberRefusals },
});
const search = createRoute({
  method: 'get',
  path: '/{id}/search',
  summary: 'Search the meetings of a network',
  request: {
    params: ids('id'),
    // Checked by the handler (trimmed, 2–200 letters: 400 otherwise).
    query: z.object({ q: z.string().openapi({ minLength: 2, maxLength: 200 }) }),
  },
  responses: { 200: json(z.array(SearchHitSchema), 'Hits'), ...memberRefusals },
});

/** Routes under /api/meetings/:id for history, last-seen and export. */
export function meetingHistoryRoutes(ctx: RouteContext) {
  const { history, store, sync } = ctx;

  const markdownOf = async (meeting: MeetingRecord, language: Language) => {
    const network = await store.findNetwork(meeting.networkId);
    return meetingMarkdown(
      await sync.readDocument(meeting.id),
      {
        ...meeting,
        centreName: network?.centreName ?? '',
        ...(await ctx.service.presenceForExport(meeting)),
      },
      language,
    );
  };

  // Every export, downloaded or printed, is visible to the whole network.
  const logExport = (meeting: MeetingRecord, actorId: string) =>
    store.recordActivity({
      networkId: meeting.networkId,
      kind: 'exported',
      actorId,
      meetingId: meeting.id,
      at: ctx.now().toISOString(),
    });

  return apiRoutes()
    .openapi(versions, async (c) => {
      const { meeting } = await requireMeetingMember(c, ctx);
      return c.json(await history.list(meeting.id), 200);
    })
    .openapi(version, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      const { state } = await history.versionState(meeting.id, versionId(c));
      // Reading an older version is reading the record: in the log, like opening the meeting.
      await ctx.service.recordRead({
        networkId: meeting.networkId,
        kind: 'version_viewed',
        actorId: me.id,
        meetingId: meeting.id,
      });
      return c.body(state as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/octet-stream' });
    })
    .openapi(restore, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      if (!can(me.role, 'write')) throw forbidden('Observers read; they do not change the text.');
      return c.json(await history.restore(meeting, versionId(c), me), 200);
    })
    .openapi(seen, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      return c.json(await history.seen(me.id, meeting.id), 200);
    })
    .openapi(markSeen, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      const { stateVector } = await requestBody(c, markSeen);
      await history.markSeen(me.id, meeting.id, seenStateVector(stateVector));
      return c.json(await history.seen(me.id, meeting.id), 200);
    })
    .openapi(meetingExport, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      const markdown = await markdownOf(meeting, readerLanguage(c));
      await logExport(meeting, me.id);
      return markdownFile(c, `meeting-${meeting.number}`, markdown);
    })
    .openapi(exported, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      await requestBody(c, exported);
      await logExport(meeting, me.id);
      return c.body(null, 204);
    });
}

/** Routes under /api/networks/:id for export and search. */
export function networkHistoryRoutes(ctx: RouteContext) {
  const { store, sync } = ctx;
  return apiRoutes()
    .openapi(networkExport, async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      const network = await store.findNetwork(me.networkId);
      if (!network) throw networkNotFound();
      const language = readerLanguage(c);
      const parts = [networkMarkdownTitle(network.centreName, language), ''];
      for (const meeting of await store.listMeetings(network.id)) {
        parts.push(
          meetingMarkdown(
            await sync.readDocument(meeting.id),
            {
              ...meeting,
              centreName: network.centreName,
              ...(await ctx.service.presenceForExport(meeting)),
            },
            language,
          ),
        );
      }
      await store.recordActivity({
        networkId: network.id,
        kind: 'exported',
        actorId: me.id,
        at: ctx.now().toISOString(),
      });
      return markdownFile(c, `network-${network.centreName}`, parts.join('\n'));
    })
    .openapi(search, async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      const query = (c.req.query('q') ?? '').trim();
      if (query.length < 2) throw badRequest('Search for at least two letters.');
      if (query.length > 200) throw badRequest('Search for at most 200 letters.');
      // What was searched for is not kept (it may say more than the record): only that someone searched.
      await ctx.service.recordRead({ networkId: me.networkId, kind: 'searched', actorId: me.id });
      const hits: SearchHit[] = [];
      // Newest meetings first: what people look for is usually recent.
      for (const meeting of (await store.listMeetings(me.networkId)).reverse()) {
        if (hits.length >= MAX_SEARCH_HITS) break;
        hits.push(
          ...searchDocument(
            await sync.readDocument(meeting.id),
            meeting,
            query,
            MAX_SEARCH_HITS - hits.length,
          ),
        );
      }
      return c.json(hits, 200);
    });
}
