/**
 * The TipTap extension list of every section editor. The client hands it to TipTap; the server builds
 * the same ProseMirror schema from it (getSchema) to validate, seed and export. Collaboration and carets
 * are added by the client, which owns the live connection.
 */
import { type AnyExtension, getSchema, Node } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
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
    StarterKit.configure({
      document: false,
      // Undo/redo of a shared document is per person and comes from the Collaboration extension.
      undoRedo: false,
      // Links and code blocks are not part of how a network meeting is written down.
      link: false,
      codeBlock: false,
    }),
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
