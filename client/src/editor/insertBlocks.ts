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
  focusNow(editor);
}

/**
 * Focus the editor before the click that asked for it returns. TipTap's `focus` command waits for the
 * next animation frame, and keys pressed before then (a quick typist, a slow phone) go to the button and
 * are lost: "Anna slept better" arrived as "nna slept better". The frame's focus still follows; it finds
 * the editor focused already.
 */
export function focusNow(editor: Editor): void {
  if (!editor.isDestroyed) editor.view.focus();
}
