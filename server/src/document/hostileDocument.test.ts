/**
 * Every server-side reader of a stored meeting document survives a document written before the server
 * checked updates (tests/integration/helpers/hostileDocument.ts): it answers, and shows what it can.
 */
import { attributedClients, clientsOf, DocumentTypes } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hostileMeetingUpdate, READABLE } from '../../../tests/integration/helpers/hostileDocument.js';
import { clientIdsOf } from '../history/HistoryService.js';
import { revertToVersion } from '../history/revertToVersion.js';
import { meetingMarkdown } from './markdown.js';
import { planItemLines, seedMeeting, textOf } from './meetingDocument.js';
import { searchDocument } from './search.js';

function hostileDoc(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, hostileMeetingUpdate());
  return doc;
}

const heading = {
  number: 1,
  title: 'Kotona',
  centreName: 'Anna',
  createdAt: '2026-11-22T08:00:00.000Z',
  closedAt: null,
};

describe('a hostile stored document', () => {
  it('exports as Markdown, with the well-formed parts and the deepest text', () => {
    const markdown = meetingMarkdown(hostileDoc(), heading, 'en');
    expect(markdown).toContain(READABLE.voice);
    expect(markdown).toContain(READABLE.plan);
    expect(markdown).toContain(READABLE.deep);
    expect(markdown).toContain(READABLE.loose);
    expect(markdown).toContain('Eeva');
    // Stored markup is written as text, never as markup.
    expect(markdown).not.toMatch(/(^|[^\\])<img/);
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\>');
  });

  it('is searched, listed on the timeline, carried to the next meeting and attributed', () => {
    const doc = hostileDoc();
    const hits = searchDocument(doc, { id: 'm', number: 1, title: 'M' }, 'bottom', 10);
    expect(hits.map((hit) => hit.snippet).join(' ')).toContain('very bottom');
    expect(planItemLines(doc)).toContain(READABLE.plan);
    expect(textOf(doc.getXmlFragment(DocumentTypes.dialogue))).toContain(READABLE.deep);
    const next = new Y.Doc();
    const carried = seedMeeting(next, { title: 'Meeting 2', startedAt: '2026-11-29T10:00:00.000Z' }, doc);
    expect(carried.planItems).toBeGreaterThan(0);
    expect(planItemLines(next)).toContain(READABLE.plan);
    expect(attributedClients(doc).size).toBe(0);
    expect(clientsOf(doc, 'not-a-map')).toEqual([]);
    expect(clientIdsOf(doc, 'wrong-ids')).toEqual([]);
  });

  it('can be taken back to an earlier version, the restore attributed to the person asking', async () => {
    const doc = hostileDoc();
    const version = Y.snapshot(doc);
    doc.getXmlFragment(DocumentTypes.plan).delete(0, 1);
    const { update } = await revertToVersion(doc, version, 'maria');
    Y.applyUpdate(doc, update);
    expect(planItemLines(doc)).toContain(READABLE.plan);
    expect(clientsOf(doc, 'maria').length).toBe(1);
  });
});
