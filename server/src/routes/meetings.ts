/** /api/meetings: start a meeting, look one up. */
import { randomBytes } from 'node:crypto';
import { CreateMeetingRequestSchema, MeetingIdSchema, type MeetingSummary } from '@polyphony/shared';
import { Hono } from 'hono';
import { meetingNotFound } from '../errors.js';
import type { MeetingRecord, MeetingRepository } from '../persistence/meetings.js';
import { jsonBody } from './validate.js';

function summary(meeting: MeetingRecord): MeetingSummary {
  return { ...meeting, path: `/m/${meeting.id}` };
}

/** A new meeting id: 128 random bits, base64url. */
export function newMeetingId(): string {
  return randomBytes(16).toString('base64url');
}

/** Routes of /api/meetings. */
export function meetingRoutes(meetings: MeetingRepository) {
  return new Hono()
    .post('/', async (c) => {
      const body = await jsonBody(c, CreateMeetingRequestSchema);
      const meeting = meetings.create({
        id: newMeetingId(),
        title: body.title || 'Network meeting',
        createdAt: new Date().toISOString(),
      });
      return c.json(summary(meeting), 201);
    })
    .get('/:id', (c) => {
      const id = MeetingIdSchema.safeParse(c.req.param('id'));
      const meeting = id.success ? meetings.find(id.data) : undefined;
      if (!meeting) throw meetingNotFound();
      return c.json(summary(meeting));
    });
}
