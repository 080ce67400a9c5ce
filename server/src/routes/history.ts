/**
 * Revisiting: a meeting's versions and restoring one, each person's last-seen point, export as
 * Markdown (and the log entry of a print export made in the browser), and search across a network.
 * Every export is written to the network's activity log, and is in the reader's language (`?lang=`,
 * else Accept-Language, else English; see language.ts).
 */
import {
  can,
  ExportedRequestSchema,
  type Language,
  type RestoreResponse,
  type SearchHit,
  SeenRequestSchema,
  type SeenResponse,
  type VersionList,
} from '@polyphony/shared';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { meetingMarkdown, networkMarkdownTitle } from '../document/markdown.js';
import { searchDocument } from '../document/search.js';
import { badRequest, forbidden, networkNotFound } from '../errors.js';
import type { MeetingRecord } from '../persistence/metadata/types.js';
import { type RouteContext, requireMeetingMember, requireMember } from './context.js';
import { readerLanguage } from './language.js';
import { jsonBody } from './validate.js';

const MAX_SEARCH_HITS = 50;

function versionId(c: Context): number {
  const id = Number(c.req.param('versionId'));
  if (!Number.isInteger(id) || id < 1) throw badRequest('A version id is a positive whole number.');
  return id;
}

function markdownFile(c: Context, name: string, body: string) {
  return c.body(body, 200, {
    'Content-Type': 'text/markdown; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]+/g, '-')}.md"`,
  });
}

/** Routes under /api/meetings/:id for history, last-seen and export. */
export function meetingHistoryRoutes(ctx: RouteContext) {
  const { history, store, sync } = ctx;

  const markdownOf = async (meeting: MeetingRecord, language: Language) => {
    const network = await store.findNetwork(meeting.networkId);
    return meetingMarkdown(
      await sync.readDocument(meeting.id),
      { ...meeting, centreName: network?.centreName ?? '' },
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

  return new Hono()
    .get('/:id/versions', async (c) => {
      const { meeting } = await requireMeetingMember(c, ctx);
      return c.json<VersionList>(await history.list(meeting.id));
    })
    .get('/:id/versions/:versionId', async (c) => {
      const { meeting } = await requireMeetingMember(c, ctx);
      const { state } = await history.versionState(meeting.id, versionId(c));
      return c.body(state as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/octet-stream' });
    })
    .post('/:id/versions/:versionId/restore', async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      if (!can(me.role, 'write')) throw forbidden('Observers read; they do not change the text.');
      return c.json<RestoreResponse>(await history.restore(meeting, versionId(c), me));
    })
    .get('/:id/seen', async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      return c.json<SeenResponse>(await history.seen(me.id, meeting.id));
    })
    .put('/:id/seen', async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      const body = await jsonBody(c, SeenRequestSchema);
      await history.markSeen(me.id, meeting.id, new Uint8Array(Buffer.from(body.stateVector, 'base64')));
      return c.json<SeenResponse>(await history.seen(me.id, meeting.id));
    })
    .get('/:id/export.md', async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      const markdown = await markdownOf(meeting, readerLanguage(c));
      await logExport(meeting, me.id);
      return markdownFile(c, `meeting-${meeting.number}`, markdown);
    })
    .post('/:id/exported', async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      await jsonBody(c, ExportedRequestSchema);
      await logExport(meeting, me.id);
      return c.body(null, 204);
    });
}

/** Routes under /api/networks/:id for export and search. */
export function networkHistoryRoutes(ctx: RouteContext) {
  const { store, sync } = ctx;
  return new Hono()
    .get('/:id/export.md', async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      const network = await store.findNetwork(me.networkId);
      if (!network) throw networkNotFound();
      const language = readerLanguage(c);
      const parts = [networkMarkdownTitle(network.centreName, language), ''];
      for (const meeting of await store.listMeetings(network.id)) {
        parts.push(
          meetingMarkdown(
            await sync.readDocument(meeting.id),
            { ...meeting, centreName: network.centreName },
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
    .get('/:id/search', async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      const query = (c.req.query('q') ?? '').trim();
      if (query.length < 2) throw badRequest('Search for at least two letters.');
      if (query.length > 200) throw badRequest('Search for at most 200 letters.');
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
      return c.json<SearchHit[]>(hits);
    });
}
