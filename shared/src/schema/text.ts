/**
 * The text of a meeting document's rich-text sections, read without recursion: a document stored before
 * the server checked nesting may be nested tens of thousands of levels deep, which recursive walkers
 * (Yjs's own toString and clone among them) cannot read. For the Markdown export, search and the
 * timeline on the server, and for the page that shows a section it cannot open for editing.
 */
import * as Y from 'yjs';
import { readBlock } from './blocks.js';
import { NodeNames } from './document.js';
import { readText } from './read.js';

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
 * The plain text of each block of a section, with whose words they are in front ("Eeva: …"); a
 * reflection's responses are blocks of their own. Blocks are read as the editors' schema sees them
 * (blocks.ts): a node it does not have is its text, without a name in front.
 */
export function sectionTexts(doc: Y.Doc, section: string): string[] {
  const texts: string[] = [];
  // Blocks in document order, without recursion: a reflection's responses follow it.
  const waiting: unknown[] = childrenOf(doc.getXmlFragment(section)).reverse();
  while (waiting.length > 0) {
    const node = waiting.pop();
    if (node instanceof Y.XmlText || typeof node === 'string') {
      const text = (typeof node === 'string' ? node : textOf(node)).trim();
      if (text) texts.push(text);
      continue;
    }
    if (!(node instanceof Y.XmlElement)) continue;
    const { attrs } = readBlock(node);
    const who = readText(attrs.speakerName) || readText(attrs.authorName);
    const children = node.toArray();
    const isResponse = (child: unknown) => {
      if (!(child instanceof Y.XmlElement)) return false;
      const block = readBlock(child);
      return block.known && block.name === NodeNames.response;
    };
    const text = children
      .filter((child) => !isResponse(child))
      .map((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? textOf(child) : ''))
      .join(' ')
      .trim();
    if (text) texts.push(who ? `${who}: ${text}` : text);
    const responses = children.filter(isResponse);
    for (let i = responses.length - 1; i >= 0; i--) waiting.push(responses[i]);
  }
  return texts;
}
