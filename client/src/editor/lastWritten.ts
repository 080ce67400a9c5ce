/**
 * Where a person last wrote in a meeting, so that the page opens there (issue 18): the document knows
 * who wrote what (PermanentUserData: participant → the Yjs client ids of their visits, in the order the
 * visits began; a client's clocks grow as it writes). The last place is the end of the latest text still
 * in the document of their latest visit that wrote any.
 */
import { clientsOf, SECTIONS, type SectionName } from '@polyphony/shared';
import * as Y from 'yjs';

/** A character of the document: the Yjs id of the text item holding it, and its section. */
export interface WrittenPlace {
  section: SectionName;
  client: number;
  clock: number;
}

/** Where `participantId` last wrote (text still there), or null when they wrote nothing in this meeting. */
export function lastWrittenBy(doc: Y.Doc, participantId: string): WrittenPlace | null {
  const visits = clientsOf(doc, participantId);
  if (visits.length === 0) return null;
  const visitOf = new Map(visits.map((client, index) => [client, index]));
  let best: (WrittenPlace & { visit: number }) | null = null;
  for (const section of SECTIONS) {
    // Without recursion: a stored section may nest deeper than the call stack allows.
    const waiting: (Y.Item | null)[] = [doc.getXmlFragment(section)._start];
    while (waiting.length > 0) {
      for (let item = waiting.pop() as Y.Item | null; item !== null; item = item.right) {
        if (item.deleted) continue;
        if (item.content instanceof Y.ContentType) {
          waiting.push(item.content.type._start);
          continue;
        }
        if (!(item.content instanceof Y.ContentString)) continue;
        const visit = visitOf.get(item.id.client);
        if (visit === undefined) continue;
        const clock = item.id.clock + item.length - 1;
        if (!best || visit > best.visit || (visit === best.visit && clock > best.clock)) {
          best = { section, client: item.id.client, clock, visit };
        }
      }
    }
  }
  return best && { section: best.section, client: best.client, clock: best.clock };
}
