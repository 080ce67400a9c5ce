/**
 * POST /api/local-copies: a browser names the meeting copies it keeps (IndexedDB) and learns which to
 * delete: meetings that were erased, copies of a person who was erased or whose link was revoked (not
 * replaced by a new one), and copies older than an erasure's rewrite of the document. It asks whenever
 * a page of Polyphony opens, with or without a working session, so that a browser coming back after
 * months still deletes what it must. It learns nothing it did not know: only ids it holds are answered
 * (meeting and participant ids are 128 random bits), and the route is limited like every request
 * without a session.
 */
import { createRoute } from '@hono/zod-openapi';
import {
  type DropReason,
  LocalCopiesRequestSchema,
  type LocalCopiesResponse,
  LocalCopiesResponseSchema,
} from '@polyphony/shared';
import type { RouteContext } from './context.js';
import { apiRoutes, body, json, refusal, requestBody } from './declare.js';

const localCopies = createRoute({
  method: 'post',
  path: '/',
  summary: 'Which of the meeting copies this browser keeps it must delete (erased, revoked, rewritten)',
  request: { body: body(LocalCopiesRequestSchema) },
  responses: {
    200: json(LocalCopiesResponseSchema, 'What to drop'),
    400: refusal('Invalid request'),
    429: refusal('Too many requests'),
  },
});

/** Routes of /api/local-copies. */
export function localCopiesRoutes(ctx: RouteContext) {
  const { store } = ctx;
  return apiRoutes().openapi(localCopies, async (c) => {
    const { copies } = await requestBody(c, localCopies);
    const rewrites = await store.documentRewrites(copies.map((copy) => copy.meetingId));
    const drop: LocalCopiesResponse['drop'] = [];
    for (const copy of copies) {
      const reason = await dropReason(ctx, copy, rewrites.get(copy.meetingId));
      if (reason) drop.push({ meetingId: copy.meetingId, reason });
    }
    return c.json({ drop }, 200);
  });
}

async function dropReason(
  ctx: RouteContext,
  copy: { meetingId: string; participantId?: string | undefined; rewrittenAt?: string | null | undefined },
  rewrittenAt: string | undefined,
): Promise<DropReason | undefined> {
  const meeting = await ctx.store.findMeeting(copy.meetingId);
  if (!meeting) return 'erased';
  if (copy.participantId) {
    const person = await ctx.store.findParticipant(copy.participantId);
    if (!person) return 'erased';
    if (person.networkId === meeting.networkId) {
      const latest = await ctx.store.latestInvitation(person.id);
      if (latest?.revokedAt) return 'revoked';
    }
  }
  if (rewrittenAt && (copy.rewrittenAt ?? '') < rewrittenAt) return 'rewritten';
  return undefined;
}
