/**
 * Erasing from the interface, for those whose role allows it (professionals and the person at the
 * centre): GET …/erase says what would go (the page's confirmation names it), POST erases. A network,
 * one meeting, or a person (their words removed or anonymised, as the eraser chooses). See
 * erasure/ErasureService.ts for what happens, and the README for why.
 */
import { can, ErasePersonRequestSchema, type ErasureDone, type ErasurePreview } from '@polyphony/shared';
import { Hono } from 'hono';
import type { ErasureService } from '../erasure/ErasureService.js';
import { forbidden, networkNotFound } from '../errors.js';
import type { ParticipantRecord } from '../persistence/metadata/types.js';
import { type RouteContext, requireMeetingMember, requireMember } from './context.js';
import { jsonBody } from './validate.js';

const mayErase = (me: ParticipantRecord) => {
  if (!can(me.role, 'erase')) {
    throw forbidden('Only professionals and the person at the centre erase what is in a network.');
  }
};

/** Routes under /api/networks/:id for erasing the network and its people. */
export function networkErasureRoutes(ctx: RouteContext, erasure: ErasureService) {
  const eraser = (actor: ParticipantRecord) => ({ by: 'member' as const, actor });
  return new Hono()
    .get('/:id/erase', async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      mayErase(me);
      const preview = await erasure.preview({ kind: 'network', networkId: me.networkId });
      if (!preview) throw networkNotFound();
      return c.json<ErasurePreview>(preview);
    })
    .post('/:id/erase', async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      mayErase(me);
      return c.json<ErasureDone>(await erasure.eraseNetwork(me.networkId, eraser(me)));
    })
    .get('/:id/people/:participantId/erase', async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      mayErase(me);
      const subject = await ctx.store.findParticipant(c.req.param('participantId'));
      if (!subject || subject.networkId !== me.networkId) throw networkNotFound();
      const preview = await erasure.preview({ kind: 'person', participantId: subject.id });
      if (!preview) throw networkNotFound();
      return c.json<ErasurePreview>(preview);
    })
    .post('/:id/people/:participantId/erase', async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      mayErase(me);
      const { words } = await jsonBody(c, ErasePersonRequestSchema);
      const subject = await ctx.store.findParticipant(c.req.param('participantId'));
      if (!subject || subject.networkId !== me.networkId) throw networkNotFound();
      return c.json<ErasureDone>(await erasure.erasePerson(subject.id, words, eraser(me)));
    });
}

/** Routes under /api/meetings/:id for erasing one meeting. */
export function meetingErasureRoutes(ctx: RouteContext, erasure: ErasureService) {
  return new Hono()
    .get('/:id/erase', async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      mayErase(me);
      const preview = await erasure.preview({ kind: 'meeting', meetingId: meeting.id });
      if (!preview) throw networkNotFound();
      return c.json<ErasurePreview>(preview);
    })
    .post('/:id/erase', async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      mayErase(me);
      return c.json<ErasureDone>(await erasure.eraseMeeting(meeting.id, { by: 'member', actor: me }));
    });
}
