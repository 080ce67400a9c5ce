/**
 * A block of a meeting document as the editors' own ProseMirror schema sees it (extensions.ts): its node
 * type, its attributes as the schema declares them (defaults where none is stored; anything else stored
 * on the element is not the editor's and is not read), and the marks of a run of text. The server's
 * readers — the Markdown export, search, the timeline, what carries over to the next meeting — and the
 * client's plain-text view of a section read blocks through here, so that a node, an attribute or a mark
 * the editor has, renames or drops is read the same way by all of them. A node the schema does not have
 * is `known: false`: readers show its text, as the client does for a section its editor cannot open.
 *
 * Why not @tiptap/y-tiptap's conversion (yXmlFragmentToProseMirrorRootNode): it writes into the document
 * it reads — an element the schema rejects is deleted, adjacent texts are merged — which a reader on the
 * server must never do (the document is the meeting's live one), and it recurses once per level, which
 * a stored document nested tens of thousands of levels deep (hostileDocument.test.ts) would overflow.
 */
import type { Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { sectionSchema } from './extensions.js';

/** A block as the editors' schema sees it. */
export interface SchemaBlock {
  /** The element's node name. */
  name: string;
  /** Whether the editors' schema has this node; if not, readers show its text. */
  known: boolean;
  /** The attributes the schema declares, with its defaults where the element holds none. */
  attrs: Readonly<Record<string, unknown>>;
}

let schema: Schema | undefined;
/** The schema of every section at once (built once). */
function editorSchema(): Schema {
  schema ??= sectionSchema();
  return schema;
}

/** Attributes as a schema spec declares them, from what is stored. */
function declared(
  spec: Readonly<Record<string, { default?: unknown }>> | undefined,
  stored: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(spec ?? {})) {
    // y-prosemirror removes an attribute set to null; ProseMirror then takes the default, as here.
    const value = stored[name];
    attrs[name] = value === undefined || value === null ? (attribute.default ?? null) : value;
  }
  return attrs;
}

/** How the editors' schema sees an element of a meeting document. */
export function readBlock(element: Y.XmlElement): SchemaBlock {
  const type = editorSchema().nodes[element.nodeName];
  // The top node and text are the schema's own, never an element of a section.
  if (!type || type.isText || type === editorSchema().topNodeType) {
    return { name: element.nodeName, known: false, attrs: {} };
  }
  const stored = element.getAttributes() as Record<string, unknown>;
  return { name: type.name, known: true, attrs: declared(type.spec.attrs, stored) };
}

/** The marks of a run of text (y-prosemirror's formatting attributes) the schema has, with their attributes. */
export function readMarks(
  formatting: Readonly<Record<string, unknown>> | undefined,
): Readonly<Record<string, Readonly<Record<string, unknown>>>> {
  const marks: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(formatting ?? {})) {
    const type = editorSchema().marks[name];
    // A mark is removed by setting it to null; a false one (which no editor writes) is none either.
    if (!type || !value) continue;
    const stored = typeof value === 'object' ? (value as Record<string, unknown>) : {};
    marks[type.name] = declared(type.spec.attrs, stored);
  }
  return marks;
}

/** The elements of a section or block named `name` in the schema, in order (one level). */
export function blocksNamed(parent: Y.XmlFragment | Y.XmlElement, name: string): Y.XmlElement[] {
  return parent.toArray().filter((node): node is Y.XmlElement => {
    if (!(node instanceof Y.XmlElement)) return false;
    const block = readBlock(node);
    return block.known && block.name === name;
  });
}
