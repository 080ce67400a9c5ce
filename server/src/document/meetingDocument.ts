/**
 * What the server reads and writes in a meeting document: the plan items for the timeline, the items
 * carried over to the next meeting, the meta of a new or closed meeting. Names come from shared/schema.
 */
import {
  DocumentTypes,
  MetaKeys,
  NodeNames,
  OPEN_STATUS,
  recordStart,
  recordStarted,
} from '@polyphony/shared';
import * as Y from 'yjs';

/** The plain text of an element and everything in it. */
export function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlFragment): string {
  if (node instanceof Y.XmlText) {
    return node
      .toDelta()
      .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  }
  const parts: string[] = [];
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) {
      const text = textOf(child).trim();
      if (text) parts.push(text);
    }
  }
  return parts.join(' ');
}

function elementsNamed(fragment: Y.XmlFragment, name: string): Y.XmlElement[] {
  return fragment
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === name);
}

function isOpen(element: Y.XmlElement): boolean {
  return (element.getAttribute('status') ?? OPEN_STATUS) === OPEN_STATUS;
}

/** The plan items of a meeting as one line of text each. */
export function planItemLines(doc: Y.Doc): string[] {
  return elementsNamed(doc.getXmlFragment(DocumentTypes.plan), NodeNames.planItem)
    .map((item) => textOf(item))
    .filter((line) => line.length > 0);
}

/** Open plan items and open "not yet known" questions of a meeting, to carry to the next one. */
export function openItems(doc: Y.Doc): { planItems: Y.XmlElement[]; questions: Y.XmlElement[] } {
  return {
    planItems: elementsNamed(doc.getXmlFragment(DocumentTypes.plan), NodeNames.planItem).filter(isOpen),
    questions: elementsNamed(doc.getXmlFragment(DocumentTypes.openQuestions), NodeNames.openQuestion).filter(
      isOpen,
    ),
  };
}

/** Write the start of a meeting into its (empty) document, with what carries over from the last one. */
export function seedMeeting(
  doc: Y.Doc,
  meeting: { title: string; startedAt: string },
  previous: Y.Doc | null,
): { planItems: number; questions: number } {
  const meta = doc.getMap(DocumentTypes.meta);
  meta.set(MetaKeys.title, meeting.title);
  meta.set(MetaKeys.startedAt, meeting.startedAt);
  meta.set(MetaKeys.phase, 'opening');
  meta.set(MetaKeys.closed, false);
  if (!previous) return { planItems: 0, questions: 0 };
  const { planItems, questions } = openItems(previous);
  // clone() copies the element with its attributes (who proposed, who agrees…) and its text.
  if (planItems.length > 0)
    doc.getXmlFragment(DocumentTypes.plan).insert(
      0,
      planItems.map((item) => item.clone()),
    );
  if (questions.length > 0) {
    doc.getXmlFragment(DocumentTypes.openQuestions).insert(
      0,
      questions.map((question) => question.clone()),
    );
  }
  return { planItems: planItems.length, questions: questions.length };
}

/** Mark a meeting document closed; from now on changes to what was agreed are recorded in it. */
export function markClosed(doc: Y.Doc, closedAt: string): void {
  const meta = doc.getMap(DocumentTypes.meta);
  meta.set(MetaKeys.closed, true);
  meta.set(MetaKeys.closedAt, closedAt);
  const record = doc.getArray(DocumentTypes.laterChanges);
  if (!recordStarted(doc)) record.insert(0, [recordStart(closedAt)]);
}
