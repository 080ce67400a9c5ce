/**
 * The TipTap extension list of every section editor. The client hands it to TipTap; the server builds
 * the same ProseMirror schema from it (getSchema) to validate, seed and export. Collaboration and carets
 * are added by the client, which owns the live connection.
 */
import { type AnyExtension, Extension, getSchema, Node } from '@tiptap/core';
import { Blockquote } from '@tiptap/extension-blockquote';
import { Bold } from '@tiptap/extension-bold';
import { Code } from '@tiptap/extension-code';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Heading } from '@tiptap/extension-heading';
import { HorizontalRule } from '@tiptap/extension-horizontal-rule';
import { Italic } from '@tiptap/extension-italic';
import { BulletList, ListItem, ListKeymap, OrderedList } from '@tiptap/extension-list';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Strike } from '@tiptap/extension-strike';
import { Text } from '@tiptap/extension-text';
import { Underline } from '@tiptap/extension-underline';
import { Dropcursor, Gapcursor, TrailingNode } from '@tiptap/extensions';
import type { Schema } from '@tiptap/pm/model';
import type { SectionName } from './document.js';
import {
  BlockGroups,
  LaterAddition,
  OpenQuestion,
  PlanItem,
  ReflectionBlock,
  ResponseBlock,
  VoiceBlock,
} from './nodes.js';

export * from './nodes.js';

/** The meeting's own blocks and marks; the client swaps in versions of them that carry React node views. */
export interface MeetingBlocks {
  voice: typeof VoiceBlock;
  reflection: typeof ReflectionBlock;
  response: typeof ResponseBlock;
  planItem: typeof PlanItem;
  openQuestion: typeof OpenQuestion;
  laterAddition: typeof LaterAddition;
}

const SECTION_GROUP: Record<SectionName, string> = {
  dialogue: BlockGroups.voice,
  reflections: BlockGroups.reflection,
  plan: BlockGroups.planItem,
  openQuestions: BlockGroups.openQuestion,
};

/**
 * StarterKit's extensions, in its order, without the ones it is configured without here (its own document,
 * undo/redo, links, code blocks): the same schema and behaviour as `StarterKit.configure({ document: false,
 * undoRedo: false, link: false, codeBlock: false })` (extensions.test.ts compares them), without the code
 * of what is left out — StarterKit imports every extension, so links (linkifyjs), code blocks and
 * prosemirror-history were in every phone's download of the meeting page.
 */
const BaseKit = Extension.create({
  name: 'starterKit',
  addExtensions() {
    return [
      Bold.configure(),
      Blockquote.configure(),
      BulletList.configure(),
      Code.configure(),
      Dropcursor.configure(),
      Gapcursor.configure(),
      HardBreak.configure(),
      Heading.configure(),
      HorizontalRule.configure(),
      Italic.configure(),
      ListItem.configure(),
      ListKeymap.configure(),
      OrderedList.configure(),
      Paragraph.configure(),
      Strike.configure(),
      Text.configure(),
      Underline.configure(),
      TrailingNode.configure(),
    ];
  },
});

/**
 * The top node of a section: its own kind of block beside ordinary paragraphs, headings and lists. With
 * no section (a schema for every fragment at once), every kind of block is accepted.
 */
function sectionDocument(section: SectionName | undefined): Node {
  const groups = section ? [SECTION_GROUP[section]] : Object.values(BlockGroups);
  return Node.create({ name: 'doc', topNode: true, content: `(block | ${groups.join(' | ')})+` });
}

/** The content extensions of a section editor (no history: Yjs owns undo in a shared document). */
export function sectionExtensions(
  section?: SectionName,
  blocks: Partial<MeetingBlocks> = {},
): AnyExtension[] {
  return [
    // StarterKit without its document (each section has its own), undo/redo (per person, from the
    // Collaboration extension), links and code blocks (not part of how a network meeting is written down).
    BaseKit,
    sectionDocument(section),
    blocks.voice ?? VoiceBlock,
    blocks.reflection ?? ReflectionBlock,
    blocks.response ?? ResponseBlock,
    blocks.planItem ?? PlanItem,
    blocks.openQuestion ?? OpenQuestion,
    blocks.laterAddition ?? LaterAddition,
  ];
}

/** The ProseMirror schema a section fragment conforms to (every section's blocks when none is named). */
export function sectionSchema(section?: SectionName): Schema {
  return getSchema(sectionExtensions(section));
}
