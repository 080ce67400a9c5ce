/**
 * GET /api/networks/:id/my-data.zip: everything Polyphony holds about the person asking (GDPR
 * Articles 15 and 20), as one archive — about-you.md (readable, in their language), about-you.json
 * (the same for computers: their details, their links' history, their session, the meetings with
 * whether they took part and when they last looked, the network's activity log) and one Markdown file
 * per meeting. Downloading it is in the activity log, like every export.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ARCHIVE_WORDS, type ArchiveWordKey, fill, type Language } from '@polyphony/shared';
import { requestSession } from '../auth/session.js';
import { hashToken } from '../auth/tokens.js';
import { meetingMarkdown, readableTime } from '../document/markdown.js';
import { networkNotFound } from '../errors.js';
import { zip } from '../export/zip.js';
import { linkState } from '../persistence/metadata/types.js';
import { type RouteContext, requireMember } from './context.js';
import { apiRoutes, file, ids, languageQuery, refusal } from './declare.js';
import { readerLanguage } from './language.js';

const ownData = createRoute({
  method: 'get',
  path: '/{id}/my-data.zip',
  summary: 'Everything Polyphony holds about the person asking: Markdown and JSON in a ZIP (in the log)',
  request: { params: ids('id'), query: z.object({ lang: languageQuery }) },
  responses: {
    200: file('application/zip', 'The archive'),
    401: refusal('No working session (session_expired says why): open your personal link'),
    404: refusal('Not found, or not in your networks'),
  },
});

const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');

/** Routes under /api/networks/:id for a person's own data. */
export function ownDataRoutes(ctx: RouteContext) {
  const { store, sync } = ctx;
  return apiRoutes().openapi(ownData, async (c) => {
    const me = await requireMember(c, ctx, c.req.param('id'));
    const network = await store.findNetwork(me.networkId);
    if (!network) throw networkNotFound();
    const language: Language = readerLanguage(c);
    const words = ARCHIVE_WORDS[language];
    const w = (key: ArchiveWordKey, params?: Record<string, unknown>) => fill(words[key], params);
    const time = (iso: string | null) => (iso ? readableTime(iso, language) : w('never'));
    const now = ctx.now();

    const meetings = [];
    const files: { name: string; content: string }[] = [];
    for (const meeting of await store.listMeetings(network.id)) {
      const file = `meetings/meeting-${meeting.number}.md`;
      files.push({
        name: file,
        content: meetingMarkdown(
          await sync.readDocument(meeting.id),
          {
            ...meeting,
            centreName: network.centreName,
            ...(await ctx.service.presenceForExport(meeting)),
          },
          language,
        ),
      });
      const attended = (await store.attendees(meeting.id)).some((person) => person.id === me.id);
      const seen = await store.lastSeen(me.id, meeting.id);
      const versions = await store.listVersions(meeting.id);
      meetings.push({
        id: meeting.id,
        number: meeting.number,
        title: meeting.title,
        createdAt: meeting.createdAt,
        closedAt: meeting.closedAt,
        youTookPart: attended,
        youLastLookedAt: seen?.seenAt ?? null,
        versionsYouWroteIn: versions.filter((v) => v.writers.some((writer) => writer.id === me.id)).length,
        file,
      });
    }
    const links = (await store.invitationsOf(me.id)).map((link) => ({
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
      revokedAt: link.revokedAt,
      state: linkState(link, now),
    }));
    const token = requestSession(c);
    const session = token ? await store.findSession(hashToken(token)) : undefined;
    const activity = await store.listActivity(network.id, 100_000);

    const data = {
      madeAt: now.toISOString(),
      you: {
        id: me.id,
        name: me.name,
        relation: me.relation,
        role: me.role,
        inNetworkSince: me.createdAt,
        lastHereAt: me.lastSeenAt,
      },
      network: { id: network.id, centreName: network.centreName, createdAt: network.createdAt },
      links,
      thisSession: session && {
        createdAt: session.createdAt,
        lastUsedAt: session.activeAt,
        endsAt: ctx.sessions.endsAt(session),
      },
      meetings,
      activity,
    };
    const networkName = `${network.centreName}`;
    const readme = [
      `# ${escapeMarkdown(w('title', { name: me.name }))}`,
      '',
      escapeMarkdown(w('intro', { network: networkName })),
      '',
      w('made', { when: time(now.toISOString()) }),
      '',
      `## ${w('details')}`,
      '',
      `- ${w('name')}: ${escapeMarkdown(me.name)}`,
      `- ${w('relation')}: ${escapeMarkdown(me.relation || '—')}`,
      `- ${w('role')}: ${me.role}`,
      `- ${w('since')}: ${time(me.createdAt)}`,
      `- ${w('lastSeen')}: ${time(me.lastSeenAt)}`,
      '',
      `## ${w('links')}`,
      '',
      ...links.map(
        (link) =>
          `- ${w('link', { created: time(link.createdAt), expires: time(link.expiresAt) })}` +
          (link.revokedAt ? `, ${w('revoked', { when: time(link.revokedAt) })}` : ''),
      ),
      '',
      `## ${w('meetings')}`,
      '',
      ...meetings.map(
        (meeting) =>
          `- [${escapeMarkdown(`${meeting.number}. ${meeting.title}`)}](${meeting.file})` +
          (meeting.youTookPart ? ` (${w('attended')})` : ''),
      ),
      '',
      `## ${w('activity')}`,
      '',
      w('activityNote', { count: activity.length }),
      '',
    ].join('\n');

    await ctx.service.recordRead({ networkId: network.id, kind: 'own_data_exported', actorId: me.id });
    const archive = zip([
      { name: 'about-you.md', content: readme },
      { name: 'about-you.json', content: `${JSON.stringify(data, null, 2)}\n` },
      ...files,
    ]);
    const fileName = `polyphony-${network.centreName}-${me.name}`.replace(/[^\w.-]+/g, '-');
    return c.body(new Uint8Array(archive), 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${fileName}.zip"`,
    });
  });
}
