/**
 * What the server reads and writes in a meeting document: the plan items for the timeline, the items
 * carried over to the next meeting, the meta of a new or closed meeting. Names come from shared/schema.
 */
import { DocumentTypes, MAX_NESTING_DEPTH, MetaKeys, NodeNames, OPEN_STATUS } from '@polyphony/shared';
import * as Y from 'yjs';

type Node = Y.XmlElement | Y.XmlText | Y.XmlFragment;

/** The plain text of a run of text. */
function runText(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/**
 * The children of an element or section as Yjs lists them, with a string stored straight into it (which
 * no editor writes; Yjs lists such a string one character at a time) as one string.
 */
export function childrenOf(node: Y.XmlElement | Y.XmlFragment): unknown[] {
  const children: unknown[] = [];
  for (const child of node.toArray() as unknown[]) {
    const last = children.length - 1;
    if (typeof child === 'string' && typeof children[last] === 'string') children[last] += child;
    else children.push(child);
  }
  return children;
}

/**
 * The plain text of an element and everything in it: its blocks' texts, trimmed, joined by spaces.
 * Walked without recursion, so that a document nested deeper than any editor writes (one stored before
 * the server checked nesting) is read like any other. A string stored straight into a block (which no
 * editor writes) is read as text too.
 */
export function textOf(node: Node): string {
  if (node instanceof Y.XmlText) return runText(node);
  interface Frame {
    children: unknown[];
    next: number;
    parts: string[];
  }
  const stack: Frame[] = [{ children: childrenOf(node), next: 0, parts: [] }];
  for (;;) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (child instanceof Y.XmlText || typeof child === 'string') {
        const text = (typeof child === 'string' ? child : runText(child)).trim();
        if (text) frame.parts.push(text);
      } else if (child instanceof Y.XmlElement) {
        stack.push({ children: childrenOf(child), next: 0, parts: [] });
      }
      continue;
    }
    stack.pop();
    const text = frame.parts.join(' ');
    const parent = stack[stack.length - 1];
    if (!parent) return text;
    if (text.trim()) parent.parts.push(text.trim());
  }
}

/** How many elements deep an element's content goes (itself counted), without recursion. */
export function nestingDepth(element: Y.XmlElement): number {
  let deepest = 0;
  const stack: [Y.XmlElement, number][] = [[element, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [Y.XmlElement, number];
    deepest = Math.max(deepest, depth);
    for (const child of current.toArray()) {
      if (child instanceof Y.XmlElement) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

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
  // A copy keeps the element's attributes (who proposed, who agrees…) and its text.
  if (planItems.length > 0) doc.getXmlFragment(DocumentTypes.plan).insert(0, planItems.map(carried));
  if (questions.length > 0) {
    doc.getXmlFragment(DocumentTypes.openQuestions).insert(0, questions.map(carried));
  }
  return { planItems: planItems.length, questions: questions.length };
}

/** Mark a meeting document closed. */
export function markClosed(doc: Y.Doc, closedAt: string): void {
  const meta = doc.getMap(DocumentTypes.meta);
  meta.set(MetaKeys.closed, true);
  meta.set(MetaKeys.closedAt, closedAt);
}
