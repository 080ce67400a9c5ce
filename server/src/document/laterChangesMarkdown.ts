/**
 * The changes made after a meeting to what was agreed in it, for the Markdown export: found once per
 * document, then written under the plan item or question they changed, under "no decisions today" and
 * the next meeting, and — for items no longer in the document (removed) — at the end of their section.
 */
import {
  DocumentTypes,
  elementKey,
  type LaterChange,
  type LaterChangeWriting,
  laterChangeText,
  readLaterChanges,
} from '@polyphony/shared';
import * as Y from 'yjs';

/** The changes of one document, by where they are written. */
export interface LaterIndex {
  /** By the element id of the plan item or question they changed. */
  byItem: Map<string, LaterChange[]>;
  noDecisionsToday: LaterChange[];
  nextMeeting: LaterChange[];
  /** Changes to items that are not in the document any more, by section. */
  elsewhere: { plan: LaterChange[]; openQuestions: LaterChange[] };
}

function keysOf(fragment: Y.XmlFragment): Set<string> {
  const keys = new Set<string>();
  for (const node of fragment.toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const key = elementKey(node);
    if (key) keys.add(key);
  }
  return keys;
}

/** Where each recorded change of `doc` is to be written. */
export function indexLaterChanges(doc: Y.Doc): LaterIndex {
  const index: LaterIndex = {
    byItem: new Map(),
    noDecisionsToday: [],
    nextMeeting: [],
    elsewhere: { plan: [], openQuestions: [] },
  };
  const changes = readLaterChanges(doc);
  if (changes.length === 0) return index;
  const present = {
    plan: keysOf(doc.getXmlFragment(DocumentTypes.plan)),
    openQuestions: keysOf(doc.getXmlFragment(DocumentTypes.openQuestions)),
  };
  for (const change of changes) {
    if (change.what === 'noDecisionsToday') index.noDecisionsToday.push(change);
    else if (change.what === 'nextMeeting') index.nextMeeting.push(change);
    else {
      const section = change.what === 'planItem' ? 'plan' : 'openQuestions';
      if (present[section].has(change.item)) {
        const list = index.byItem.get(change.item) ?? [];
        list.push(change);
        index.byItem.set(change.item, list);
      } else {
        index.elsewhere[section].push(change);
      }
    }
  }
  return index;
}

/** The changes as Markdown list items, in italics where it is Polyphony speaking: who, when, what. */
export function laterChangeLines(
  changes: readonly LaterChange[],
  writing: LaterChangeWriting,
  indent = '',
): string[] {
  return changes.map((change) => {
    const { summary, details } = laterChangeText(change, writing);
    return `${indent}- _${summary}${details.length ? ':' : ''}_${details.length ? ` ${details.join('; ')}` : ''}`;
  });
}
