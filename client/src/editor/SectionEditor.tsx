/**
 * One section of the meeting document as its own TipTap editor, bound to the section's XmlFragment in
 * the shared Y.Doc. All sections share one provider and one awareness: each editor's caret plugin shows
 * a remote cursor only when its relative position resolves inside this editor's fragment.
 */
import type { SectionName } from '@polyphony/shared';
import { sectionExtensions } from '@polyphony/shared/editor';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import type { MeetingSession, MeetingUser } from '../sync/MeetingSession';
import { sectionText } from './sections';

interface SectionEditorProps {
  session: MeetingSession;
  section: SectionName;
  /** Who is writing, at the time the editor is created; later changes go through the session. */
  user: MeetingUser;
}

/** The caret of another person: a coloured line with their name above it. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#555';
  const caret = document.createElement('span');
  caret.className = 'caret';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'caret-label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : 'Someone';
  caret.append(label);
  return caret;
}

/** A live, shared editor for one section. */
export function SectionEditor({ session, section, user }: SectionEditorProps) {
  const text = sectionText[section];
  const headingId = `section-${section}-heading`;
  const hintId = `section-${section}-hint`;
  const editor = useEditor(
    {
      extensions: [
        ...sectionExtensions(),
        Collaboration.configure({ document: session.doc, field: section }),
        CollaborationCaret.configure({
          provider: session.provider,
          user,
          render: renderCaret,
          selectionRender: (who) => ({
            nodeName: 'span',
            class: 'caret-selection',
            style: `background-color: ${typeof who.color === 'string' ? who.color : '#555'}33`,
          }),
        }),
      ],
      editorProps: {
        attributes: {
          class: 'section-editor',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': headingId,
          'aria-describedby': hintId,
          'data-testid': `editor-${section}`,
          spellcheck: 'true',
        },
      },
      // The toolbar-free editor needs no React re-render per keystroke.
      shouldRerenderOnTransaction: false,
    },
    // Created once per session; the person's name and colour change through awareness, not a new editor.
    [session],
  );
  return (
    <section className="section" aria-labelledby={headingId} data-section={section}>
      <h2 id={headingId}>{text.heading}</h2>
      <p id={hintId} className="hint">
        {text.hint}
      </p>
      <EditorContent editor={editor} />
    </section>
  );
}
