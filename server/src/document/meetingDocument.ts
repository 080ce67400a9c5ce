/**
 * What the server reads and writes in a meeting document: the plan items for the timeline, the items
 * carried over to the next meeting, the meta of a new or closed meeting. Names come from shared/schema;
 * blocks are read as the editors' schema sees them (shared/schema/blocks).
 */
import {
  DocumentTypes,
  MAX_NESTING_DEPTH,
  MetaKeys,
  NodeNames,
  nestingDepth,
  OPEN_STATUS,
  readNextMeeting,
  readText,
  recordStart,
  recordStarted,
  textOf,
} from '@polyphony/shared';
import { blocksNamed, readBlock } from '@polyphony/shared/blocks';
import * as Y from 'yjs';

export { childrenOf, textOf } from '@polyphony/shared';

/**
 * A copy of a block to carry into the next meeting. Yjs copies recursively, so a block nested deeper
 * than any editor writes is carried as one paragraph of its text, with its attributes.
 */
function carried(element: Y.XmlElement): Y.XmlElement {
  if (nestingDepth(element) <= MAX_NESTING_DEPTH) return element.clone() as Y.XmlElement;
  const copy = new Y.XmlElement(element.nodeName);
  for (const [key, value] of Object.entries(element.getAttributes())) copy.setAttribute(key, value as string);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(textOf(element))]);
  copy.insert(0, [paragraph]);
  return copy;
}

function isOpen(element: Y.XmlElement): boolean {
  // The schema's default status is open, as the editor shows a plan item or question without one.
  return readBlock(element).attrs.status === OPEN_STATUS;
}

/** The plan items of a meeting as one line of text each. */
export function planItemLines(doc: Y.Doc): string[] {
  return blocksNamed(doc.getXmlFragment(DocumentTypes.plan), NodeNames.planItem)
    .map((item) => textOf(item))
    .filter((line) => line.length > 0);
}

/** Open plan items and open "not yet known" questions of a meeting, to carry to the next one. */
export function openItems(doc: Y.Doc): { planItems: Y.XmlElement[]; questions: Y.XmlElement[] } {
  return {
    planItems: blocksNamed(doc.getXmlFragment(DocumentTypes.plan), NodeNames.planItem).filter(isOpen),
    questions: blocksNamed(doc.getXmlFragment(DocumentTypes.openQuestions), NodeNames.openQuestion).filter(
      isOpen,
    ),
  };
}

/** Write the start of a meeting into its (empty) document, with what carries over from the last one. */
export function seedMeeting(
  doc: Y.Doc,
  meeting: { title: string; startedAt: string; previousNumber?: number },
  previous: Y.Doc | null,
): { planItems: number; questions: number } {
  const meta = doc.getMap(DocumentTypes.meta);
  meta.set(MetaKeys.title, meeting.title);
  meta.set(MetaKeys.startedAt, meeting.startedAt);
  meta.set(MetaKeys.phase, 'opening');
  meta.set(MetaKeys.closed, false);
  if (!previous) return { planItems: 0, questions: 0 };
  const { planItems, questions } = openItems(previous);
  // "From meeting 1": the meeting an item was first written in (kept when it is carried again).
  const from = (element: Y.XmlElement) => {
    const copy = carried(element);
    // Read from the original: the copy is not in a document yet, and Yjs warns when it is read.
    if (meeting.previousNumber !== undefined && !readText(element.getAttribute('fromMeeting')))
      copy.setAttribute('fromMeeting', String(meeting.previousNumber));
    return copy;
  };
  // A copy keeps the element's attributes (who proposed, who agrees…) and its text.
  if (planItems.length > 0) doc.getXmlFragment(DocumentTypes.plan).insert(0, planItems.map(from));
  if (questions.length > 0) {
    doc.getXmlFragment(DocumentTypes.openQuestions).insert(0, questions.map(from));
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

/**
 * The open plan items of a meeting that are someone's to do (matched on the name written as who does
 * it, as the plan records it), with their "by when".
 */
export function openPlanItemsOf(doc: Y.Doc, name: string): { text: string; byWhen: string }[] {
  const wanted = name.trim().toLocaleLowerCase();
  if (!wanted) return [];
  return openItems(doc).planItems.flatMap((item) => {
    const { attrs } = readBlock(item);
    const doer = typeof attrs.doerName === 'string' ? attrs.doerName.trim().toLocaleLowerCase() : '';
    if (doer !== wanted) return [];
    return [{ text: textOf(item), byWhen: typeof attrs.byWhen === 'string' ? attrs.byWhen : '' }];
  });
}

/** The next meeting as agreed in a meeting, if it was. */
export function nextMeetingOf(doc: Y.Doc): { when: string; convenerName: string } | null {
  return readNextMeeting(doc.getMap(DocumentTypes.meta).get(MetaKeys.nextMeeting));
}
