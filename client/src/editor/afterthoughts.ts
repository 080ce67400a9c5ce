/**
 * The afterthoughts of a meeting document: text marked as added after the meeting was closed, with who
 * added it and when — what going back to a version keeps, listed before anyone does it.
 */
import { MarkNames, SECTIONS, type SectionName } from '@polyphony/shared';
import * as Y from 'yjs';

/** One afterthought: a run of text added later by one person at one time. */
export interface Afterthought {
  section: SectionName;
  authorName: string;
  at: string;
  text: string;
}

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

function runsOf(text: Y.XmlText, section: SectionName, into: Afterthought[]): void {
  let last: Afterthought | null = null;
  for (const op of text.toDelta() as DeltaOp[]) {
    const mark = op.attributes?.[MarkNames.laterAddition] as Record<string, unknown> | undefined;
    if (typeof op.insert !== 'string' || !mark || typeof mark !== 'object') {
      last = null;
      continue;
    }
    const authorName = typeof mark.authorName === 'string' ? mark.authorName : '';
    const at = typeof mark.at === 'string' ? mark.at : '';
    if (last && last.authorName === authorName && last.at === at) {
      last.text += op.insert;
      continue;
    }
    last = { section, authorName, at, text: op.insert };
    into.push(last);
  }
}

/** Every afterthought in the four sections, in document order. */
export function afterthoughtsOf(doc: Y.Doc): Afterthought[] {
  const found: Afterthought[] = [];
  for (const section of SECTIONS) {
    const visit = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText, depth: number) => {
      if (node instanceof Y.XmlText) {
        runsOf(node, section, found);
        return;
      }
      // Deeper than any real block: a hostile document is read as far as it makes sense.
      if (depth > 20) return;
      for (const child of node.toArray()) {
        if (child instanceof Y.XmlElement || child instanceof Y.XmlText) visit(child, depth + 1);
      }
    };
    visit(doc.getXmlFragment(section), 0);
  }
  return found.filter((afterthought) => afterthought.text.trim() !== '');
}
