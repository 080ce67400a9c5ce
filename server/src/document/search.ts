/**
 * Search across a network's meetings. Case- and accent-insensitive ("Åsa" finds "asa", "Müller" finds
 * "muller"), over the text of every section, with a snippet around each hit.
 */
import { SECTIONS, type SearchHit, sectionTexts } from '@polyphony/shared';
import type * as Y from 'yjs';

export { sectionTexts } from '@polyphony/shared';

/** Text folded for matching, with the index in the original text of each folded character. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const plain = (text[i] as string)
      .normalize('NFD')
      .replace(/\p{Mn}/gu, '')
      .toLowerCase();
    for (const char of plain) {
      folded += char;
      origin.push(i);
    }
  }
  return { folded, origin };
}

const SNIPPET_RADIUS = 60;

/** Search one meeting document; at most `limit` hits. */
export function searchDocument(
  doc: Y.Doc,
  meeting: { id: string; number: number; title: string },
  query: string,
  limit: number,
): SearchHit[] {
  const needle = fold(query.trim()).folded;
  if (!needle) return [];
  const hits: SearchHit[] = [];
  for (const section of SECTIONS) {
    for (const block of sectionTexts(doc, section)) {
      const { folded, origin } = fold(block);
      let at = folded.indexOf(needle);
      while (at >= 0 && hits.length < limit) {
        const start = origin[at] as number;
        const end = (origin[at + needle.length - 1] as number) + 1;
        const from = Math.max(0, start - SNIPPET_RADIUS);
        const to = Math.min(block.length, end + SNIPPET_RADIUS);
        const prefix = from > 0 ? '…' : '';
        hits.push({
          meetingId: meeting.id,
          meetingNumber: meeting.number,
          meetingTitle: meeting.title,
          section,
          snippet: `${prefix}${block.slice(from, to)}${to < block.length ? '…' : ''}`,
          matchStart: prefix.length + start - from,
          matchEnd: prefix.length + end - from,
        });
        at = folded.indexOf(needle, at + needle.length);
      }
    }
  }
  return hits;
}
