/**
 * The TipTap extension list of every section editor. The client hands it to TipTap; the server builds
 * the same ProseMirror schema from it (getSchema) to validate, seed and export. Collaboration and carets
 * are added by the client, which owns the live connection.
 */
import { type AnyExtension, getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';

/** The content extensions of a section editor (no history: Yjs owns undo in a shared document). */
export function sectionExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Undo/redo of a shared document is per person and comes from the Collaboration extension.
      undoRedo: false,
      // Links and code blocks are not part of how a network meeting is written down.
      link: false,
      codeBlock: false,
    }),
  ];
}

/** The ProseMirror schema every section fragment conforms to. */
export function sectionSchema(): Schema {
  return getSchema(sectionExtensions());
}
