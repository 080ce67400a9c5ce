/**
 * One section of the meeting document as its own TipTap editor, bound to the section's XmlFragment in
 * a Y.Doc. All sections share one provider and one awareness: each editor's caret plugin shows a remote
 * cursor only when its relative position resolves inside this editor's fragment. Without a provider
 * (the frozen "as agreed" version) there are no carets, and the editor only reads.
 */

import type { SectionName } from '@polyphony/shared';
import { sectionExtensions } from '@polyphony/shared/editor';
import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { type ReactNode, useEffect } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { t, useLanguage } from '../i18n';
import type { MeetingUser } from '../sync/MeetingSession';
import { meetingBlocks } from './blocks';
import { InsertControls } from './InsertControls';
import type { LaterChangesView } from './LaterChanges';
import { LaterAdditions, type LaterAdditionsOptions } from './laterAdditions';
import { bringIntoView, placeOf, revealed, whereOf } from './reveal';
import { SectionAsText } from './SectionAsText';
import { SectionBoundary } from './SectionFallback';
import { contentBoxAttributes, SectionFrame } from './SectionReading';
import { TextHighlights, type TextMarking } from './textHighlights';

interface SectionEditorProps {
  doc: Y.Doc;
  /** The live connection, for carets; null for a frozen version. */
  provider: WebsocketProvider | null;
  section: SectionName;
  /** Who is writing, at the time the editor is created; later changes go through the session. */
  user: MeetingUser;
  /** Whether this person may write here (observers and the frozen version only read). */
  editable: boolean;
  /** Mark text typed after the meeting was closed. */
  laterAdditions?: LaterAdditionsOptions;
  /** Show the changes made after the meeting where they are (the living document, the print page). */
  laterChanges?: LaterChangesView | null;
  /** Highlights over the text: new since the last visit, or who wrote what. */
  marking?: TextMarking;
  /** Brought forward (during the reflecting conversation). */
  forward?: boolean;
  /** Prefix of the editor's test id: `editor` for the live document. */
  testIdPrefix?: string;
  /** Anything the section shows under its editor (the plan's "no decisions today"). */
  children?: ReactNode;
  /** Changed to open the editor again (on the whole document, after the server's updates failed in it). */
  generation?: string;
  /**
   * Brought into view once, when the page opens: a character of the section (where this person last
   * wrote), or the section itself (the one of the current phase).
   */
  reveal?: Reveal | null;
}

/** What of a section to bring into view. */
export type Reveal = ({ at: { client: number; clock: number } } | { section: true }) & {
  /** When the page opened (performance.now()): anything the person did since, and nothing moves. */
  since: number;
};

/** A name split for a caret's label: the first word shown, the rest only when someone points at it. */
function splitName(name: string): { first: string; rest: string } {
  const trimmed = name.trim();
  const space = trimmed.search(/\s/);
  return space < 0
    ? { first: trimmed, rest: '' }
    : { first: trimmed.slice(0, space), rest: trimmed.slice(space) };
}

/**
 * The caret of another person: a coloured line with their first name above the line, which fades after
 * a moment so that it never hides the words it sits on (a crisis phone number, say); pointing at the
 * caret, or at (or focusing) the person in "Who is here", shows the full name and relation
 * (caretSpotlight). Hidden from screen readers, which would read it as part of the text, and never
 * focused: "Who is here" is the list of who is present, and what a keyboard reaches.
 */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#555';
  const name = typeof user.name === 'string' && user.name ? user.name : t('common.someone');
  const caret = document.createElement('span');
  caret.className = 'caret';
  caret.style.borderColor = color;
  caret.setAttribute('aria-hidden', 'true');
  caret.dataset.colour = color;
  if (typeof user.id === 'string') caret.dataset.person = user.id;
  const label = document.createElement('span');
  label.className = 'caret-label';
  label.style.backgroundColor = color;
  const { first, rest } = splitName(name);
  label.textContent = first;
  // The rest of the name and the relation, shown by CSS (::after) while the caret is pointed at.
  const relation = typeof user.relation === 'string' ? user.relation.trim() : '';
  const more = relation ? `${rest} · ${relation}` : rest;
  if (more) label.dataset.rest = more;
  caret.append(label);
  return caret;
}

/**
 * A shared editor for one section, with the button that adds its kind of block, in the section's frame
 * (the print page and the frozen versions; the meeting page puts SectionEditorBody in a frame of its own,
 * with the section's text shown until this module has loaded).
 */
export function SectionEditor(props: SectionEditorProps) {
  return (
    <SectionFrame
      section={props.section}
      forward={props.forward}
      testIdPrefix={props.testIdPrefix}
      laterChanges={props.laterChanges}
    >
      <SectionEditorBody {...props} />
      {props.children}
    </SectionFrame>
  );
}

/**
 * A section's editor and its add button(s), without the frame. A section stored in a form the editor
 * cannot open (written before the server checked updates, or by another client) is shown as its plain
 * text instead, so that the rest of the page goes on working.
 */
export function SectionEditorBody(props: Omit<SectionEditorProps, 'children' | 'forward'>) {
  // The boundary stays while the editor is opened again, so that what its old binding throws on the
  // way out is caught here too.
  return (
    <SectionBoundary fallback={<SectionAsText {...props} />}>
      <LiveSectionEditor key={props.generation} {...props} />
    </SectionBoundary>
  );
}

function LiveSectionEditor({
  doc,
  provider,
  section,
  user,
  editable,
  laterAdditions,
  marking,
  testIdPrefix = 'editor',
  reveal = null,
}: Omit<SectionEditorProps, 'children' | 'forward'>) {
  useLanguage();
  const attributes = contentBoxAttributes(section, editable, testIdPrefix);
  const extensions: AnyExtension[] = [
    ...sectionExtensions(section, meetingBlocks),
    Collaboration.configure({ document: doc, field: section }),
  ];
  if (provider) {
    extensions.push(
      CollaborationCaret.configure({
        provider,
        user,
        render: renderCaret,
        selectionRender: (who) => ({
          nodeName: 'span',
          class: 'caret-selection',
          style: `background-color: ${typeof who.color === 'string' ? who.color : '#555'}33`,
        }),
      }),
    );
  }
  if (laterAdditions) extensions.push(LaterAdditions.configure(laterAdditions));
  if (marking) extensions.push(TextHighlights.configure({ fragment: doc.getXmlFragment(section), marking }));
  const editor = useEditor(
    {
      extensions,
      editable,
      editorProps: { attributes: { ...attributes, spellcheck: 'true' } },
      // The toolbar-free editor needs no React re-render per keystroke.
      shouldRerenderOnTransaction: false,
    },
    // Created once per document; the person's name and colour change through awareness, not a new editor.
    [doc, provider, editable, marking],
  );
  // Once, when the editor shows the section's content (y-prosemirror renders it a moment after the
  // editor is made): the place asked for is brought into view.
  useEffect(() => {
    if (!editor || !reveal || revealed(reveal)) return;
    let done = false;
    const attempt = () => {
      if (done || revealed(reveal) || editor.isDestroyed || !editor.isInitialized) return;
      const container = editor.view.dom.closest('section');
      const where =
        'section' in reveal
          ? container && whereOf(container)
          : placeOf(editor.view, doc.getXmlFragment(section), reveal.at);
      if (!where) return;
      done = true;
      revealed(reveal, true);
      editor.off('transaction', attempt);
      bringIntoView(where, 'section' in reveal ? 'section' : 'place', reveal.since);
    };
    editor.on('transaction', attempt);
    attempt();
    return () => {
      done = true;
      editor.off('transaction', attempt);
    };
  }, [editor, reveal, doc, section]);
  // The editor is made once; a new language only changes what its empty state says.
  const placeholder = attributes['data-placeholder'];
  useEffect(() => {
    if (!editor || editor.isDestroyed || !editor.isInitialized) return;
    editor.view.dom.setAttribute('data-placeholder', placeholder);
  }, [editor, placeholder]);
  return (
    <>
      <EditorContent editor={editor} />
      {editable && <InsertControls editor={editor} section={section} />}
    </>
  );
}
