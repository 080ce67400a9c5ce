/**
 * Erasing from the interface, for those whose role allows it (professionals and the person at the
 * centre): GET …/erase says what would go (the page's confirmation names it), POST erases. A network,
 * one meeting, or a person (their words removed or anonymised, as the eraser chooses). See
 * erasure/ErasureService.ts for what happens, and the README for why.
 */
import { createRoute } from '@hono/zod-openapi';
import { can, ErasePersonRequestSchema, ErasureDoneSchema, ErasurePreviewSchema } from '@polyphony/shared';
import type { ErasureService } from '../erasure/ErasureService.js';
import { forbidden, networkNotFound } from '../errors.js';
import type { ParticipantRecord } from '../persistence/metadata/types.js';
import { type RouteContext, requireMeetingMember, requireMember } from './context.js';
import { apiRoutes, body, ids, json, refusal, requestBody } from './declare.js';

const refusals = {
  401: refusal('No working session (session_expired says why): open your personal link'),
  403: refusal('Only professionals and the person at the centre erase'),
  404: refusal('Not found, or not in your networks'),
} as const;

/** The two routes of erasing one thing: what it would take away (GET), and erasing it (POST). */
function erasureRoutes<P extends string, K extends string>(path: P, what: string, params: K[]) {
  return {
    preview: createRoute({
      method: 'get',
      path,
      summary: `What erasing ${what} would take away`,
      request: { params: ids(...params) },
      responses: { 200: json(ErasurePreviewSchema, 'The preview'), ...refusals },
    }),
    erase: createRoute({
      method: 'post',
      path,
      summary: `Erase ${what} for good`,
      request: { params: ids(...params) },
      responses: {
        200: json(ErasureDoneSchema, 'Erased: what went'),
        ...refusals,
        409: refusal('The person at the centre: erase the network'),
      },
    }),
  };
}

const networkErasure = erasureRoutes('/{id}/erase', 'the network', ['id']);
const meetingErasure = erasureRoutes('/{id}/erase', 'a meeting', ['id']);
const personErasure = erasureRoutes(
  '/{id}/people/{participantId}/erase',
  'a person (their words removed or anonymised)',
  ['id', 'participantId'],
);
const erasePerson = createRoute({
  ...personErasure.erase,
  request: { ...personErasure.erase.request, body: body(ErasePersonRequestSchema) },
  responses: { ...personErasure.erase.responses, 400: refusal('Invalid request') },
});

const mayErase = (me: ParticipantRecord) => {
  if (!can(me.role, 'erase')) {
    throw forbidden('Only professionals and the person at the centre erase what is in a network.');
  }
};

/** Routes under /api/networks/:id for erasing the network and its people. */
export function networkErasureRoutes(ctx: RouteContext, erasure: ErasureService) {
  const eraser = (actor: ParticipantRecord) => ({ by: 'member' as const, actor });
  return apiRoutes()
    .openapi(networkErasure.preview, async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      mayErase(me);
      const preview = await erasure.preview({ kind: 'network', networkId: me.networkId });
      if (!preview) throw networkNotFound();
      return c.json(preview, 200);
    })
    .openapi(networkErasure.erase, async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      mayErase(me);
      return c.json(await erasure.eraseNetwork(me.networkId, eraser(me)), 200);
    })
    .openapi(personErasure.preview, async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      mayErase(me);
      const subject = await ctx.store.findParticipant(c.req.param('participantId'));
      if (!subject || subject.networkId !== me.networkId) throw networkNotFound();
      const preview = await erasure.preview({ kind: 'person', participantId: subject.id });
      if (!preview) throw networkNotFound();
      return c.json(preview, 200);
    })
    .openapi(erasePerson, async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      mayErase(me);
      const { words } = await requestBody(c, erasePerson);
      const subject = await ctx.store.findParticipant(c.req.param('participantId'));
      if (!subject || subject.networkId !== me.networkId) throw networkNotFound();
      return c.json(await erasure.erasePerson(subject.id, words, eraser(me)), 200);
    });
}

/** Routes under /api/meetings/:id for erasing one meeting. */
export function meetingErasureRoutes(ctx: RouteContext, erasure: ErasureService) {
  return apiRoutes()
    .openapi(meetingErasure.preview, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      mayErase(me);
      const preview = await erasure.preview({ kind: 'meeting', meetingId: meeting.id });
      if (!preview) throw networkNotFound();
      return c.json(preview, 200);
    })
    .openapi(meetingErasure.erase, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      mayErase(me);
      return c.json(await erasure.eraseMeeting(meeting.id, { by: 'member', actor: me }), 200);
    });
}
