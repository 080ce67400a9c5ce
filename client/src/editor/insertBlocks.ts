/** Putting a new block at the end of a section, with the cursor in it, ready to type. */
import type { Editor, JSONContent } from '@tiptap/core';

/** Append a block (replacing a trailing empty paragraph) and put the cursor in its first paragraph. */
export function appendBlock(editor: Editor, block: JSONContent): void {
  const { doc } = editor.state;
  const end = doc.content.size;
  const last = doc.lastChild;
  const lastIsEmpty = last !== null && last.type.name === 'paragraph' && last.content.size === 0;
  const from = lastIsEmpty ? end - last.nodeSize : end;
  editor
    .chain()
    .insertContentAt({ from, to: end }, block)
    // +2: inside the new block, inside its first paragraph.
    .setTextSelection(from + 2)
    .scrollIntoView()
    .focus()
    .run();
}
