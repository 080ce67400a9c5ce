/**
 * Changes made after the meeting to what was agreed in it, where they happened: under the plan item or
 * question they changed, under "no decisions today" and the next meeting, and — for items that are no
 * longer there — at the end of their section. The server keeps the record in the document
 * (shared/src/schema/laterChanges.ts); this reads it live and says each change with the same words as the
 * export. The living document and the print page provide it; a frozen version shows none (it is as it
 * was).
 */

import {
  DocumentTypes,
  elementKey,
  type LaterChange,
  type LaterChangeWriting,
  laterChangeText,
  type MeetingText,
  NodeNames,
  readLaterChanges,
  type SectionName,
} from '@polyphony/shared';
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { createContext, useContext, useEffect, useState } from 'react';
import * as Y from 'yjs';
import { t, useLanguage } from '../i18n';
import { formatWhen } from './time';

/** The record of a document, as read now. */
export interface LaterChangesView {
  doc: Y.Doc;
  changes: LaterChange[];
}

/** Provided by the living document and the print page. */
export const LaterChangesContext = createContext<LaterChangesView | null>(null);

/** The record of changes after the meeting in `doc`, kept up to date. */
export function useLaterChangesOf(doc: Y.Doc): LaterChangesView {
  const [view, setView] = useState<LaterChangesView>(() => ({ doc, changes: readLaterChanges(doc) }));
  useEffect(() => {
    const record = doc.getArray(DocumentTypes.laterChanges);
    const read = () => setView({ doc, changes: readLaterChanges(doc) });
    read();
    record.observe(read);
    return () => record.unobserve(read);
  }, [doc]);
  return view;
}

/** The client's words as the export's writer takes them (they include every meeting word). */
function writing(): LaterChangeWriting {
  const words = ((key: string, params?: Record<string, string | number>) =>
    (t as (key: string, params?: Record<string, string | number>) => string)(key, params)) as MeetingText;
  return { t: words, time: formatWhen };
}

/** Changes to one plan item or question: the record's entries naming the element this node is. */
export function useItemChanges(
  node: ProseMirrorNode,
  editor: Editor,
  getPos: () => number | undefined,
): LaterChange[] {
  const view = useContext(LaterChangesContext);
  if (!view || view.changes.length === 0) return [];
  const section: SectionName | null =
    node.type.name === NodeNames.planItem
      ? 'plan'
      : node.type.name === NodeNames.openQuestion
        ? 'openQuestions'
        : null;
  const pos = getPos();
  if (!section || typeof pos !== 'number' || editor.isDestroyed) return [];
  // Each top-level block of a section's editor is the element at the same index of its fragment.
  const index = editor.state.doc.resolve(Math.min(pos, editor.state.doc.content.size)).index(0);
  const element = view.doc.getXmlFragment(section).get(index);
  if (!(element instanceof Y.XmlElement) || element.nodeName !== node.type.name) return [];
  const key = elementKey(element);
  return view.changes.filter(
    (change) => (change.what === 'planItem' || change.what === 'openQuestion') && change.item === key,
  );
}

/** Changes to what the meta map holds: "no decisions today" or the next meeting. */
export function useMetaChanges(what: 'noDecisionsToday' | 'nextMeeting'): LaterChange[] {
  const view = useContext(LaterChangesContext);
  return view?.changes.filter((change) => change.what === what) ?? [];
}

/** The changes to items of a section that are no longer in it (removed after the meeting). */
function useElsewhere(section: 'plan' | 'openQuestions'): LaterChange[] {
  const view = useContext(LaterChangesContext);
  if (!view) return [];
  const what = section === 'plan' ? 'planItem' : 'openQuestion';
  const present = new Set<string>();
  for (const node of view.doc.getXmlFragment(section).toArray()) {
    const key = node instanceof Y.XmlElement ? elementKey(node) : null;
    if (key) present.add(key);
  }
  return view.changes.filter(
    (change) => change.what === what && 'item' in change && !present.has(change.item),
  );
}

/** The changes, each saying who, when, and what it was before. */
export function LaterChangeNotes({ changes }: { changes: readonly LaterChange[] }) {
  useLanguage();
  if (changes.length === 0) return null;
  const words = writing();
  return (
    <ul className="later-changes" contentEditable={false} data-testid="later-changes">
      {changes.map((change) => {
        const { summary, details } = laterChangeText(change, words);
        return (
          <li
            key={`${change.what} ${change.at} ${summary}`}
            className="later-change"
            data-testid="later-change"
          >
            <strong>{summary}</strong>
            {details.length > 0 && (
              <>
                {': '}
                {details.join('; ')}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** At the end of the plan or the questions: what was removed from it after the meeting. */
export function LaterChangesElsewhere({ section }: { section: 'plan' | 'openQuestions' }) {
  useLanguage();
  const changes = useElsewhere(section);
  if (changes.length === 0) return null;
  return (
    <div className="later-elsewhere" data-testid={`later-elsewhere-${section}`}>
      <p className="later-elsewhere__heading">{t('later.heading')}</p>
      <LaterChangeNotes changes={changes} />
    </div>
  );
}
