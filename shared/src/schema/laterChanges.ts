/**
 * What was agreed in a meeting, and the record of what changed in it after the meeting was closed.
 *
 * At closing the server freezes the whole document ("as agreed in the meeting"). What was agreed is the
 * plan — each item with who agrees and who sees it differently (in their own words, if they gave them),
 * who does it, by when, done or not —, "no decisions today", the next meeting, and the open questions.
 * After closing the server compares these with the frozen version whenever someone writes, and keeps
 * every change it finds in the document's `laterChanges` array: what it was, what it became, who
 * changed it and when. The living document, the print page and the Markdown export show each change
 * beside what it changed. Only the server writes the array (its entries are its word, not a client's).
 *
 * An entry names the plan item or question it is about by the Yjs id of its element ("client:clock"),
 * which every copy of the document shares; readers find the element by that id. Readers must expect
 * anything in the array (older data, another client's): `readLaterChanges` keeps only well-formed
 * entries.
 */
import * as Y from 'yjs';
import { DocumentTypes, MetaKeys, type NextMeeting, NodeNames } from './document.js';

/** Someone named in a plan item; "sees it differently" may carry their view in their own words. */
export interface PersonView {
  id: string;
  name: string;
  /** Their view, as they wrote it (only for "sees it differently"). */
  view?: string;
}

/** The longest view in one's own words on a plan item. */
export const MAX_VIEW_LENGTH = 500;

/** What was agreed about one plan item. */
export interface PlanItemState {
  text: string;
  agrees: PersonView[];
  differs: PersonView[];
  doerName: string;
  byWhen: string;
  status: string;
}

/** What was agreed about one open question. */
export interface QuestionState {
  text: string;
  status: string;
}

/** Everything that was agreed in a meeting, as it reads in one copy of its document. */
export interface AgreedParts {
  /** Plan items by element id, in document order. */
  planItems: Map<string, PlanItemState>;
  /** Open questions by element id, in document order. */
  questions: Map<string, QuestionState>;
  noDecisionsToday: boolean;
  nextMeeting: NextMeeting | null;
}

/** Who made a change. */
export interface ChangedBy {
  id: string;
  name: string;
}

interface ChangeBase {
  /** When the server saw the change (ISO time). */
  at: string;
  /**
   * The change was made before the record began (a meeting closed by an older Polyphony): it was found
   * at `at` and made some time before, by `by` as far as the document tells.
   */
  earlier?: true;
  /** Who made it (usually one person). */
  by: ChangedBy[];
  /** Set when the change came from going back to this version. */
  restoring?: { id: number; takenAt: string };
}

/** A change to a plan item or a question: changed, added after the meeting, or removed. */
export interface ItemChange<What extends 'planItem' | 'openQuestion', State> extends ChangeBase {
  what: What;
  change: 'changed' | 'added' | 'removed';
  /** The element's id when the change was seen. */
  item: string;
  /** The element's id in the version as agreed ('changed', 'removed'); absent for items added later. */
  agreedItem?: string;
  /** null when added. */
  before: State | null;
  /** null when removed. */
  after: State | null;
}

/** A change to a plan item. */
export type PlanItemChange = ItemChange<'planItem', PlanItemState>;
/** A change to an open question. */
export type QuestionChange = ItemChange<'openQuestion', QuestionState>;

/** "No decisions today" ticked or unticked after the meeting. */
export interface NoDecisionsChange extends ChangeBase {
  what: 'noDecisionsToday';
  change: 'changed';
  before: boolean;
  after: boolean;
}

/** The next meeting changed after the meeting. */
export interface NextMeetingChange extends ChangeBase {
  what: 'nextMeeting';
  change: 'changed';
  before: NextMeeting | null;
  after: NextMeeting | null;
}

/** One change made after the meeting to what was agreed in it. */
export type LaterChange = PlanItemChange | QuestionChange | NoDecisionsChange | NextMeetingChange;

/**
 * The first entry of the record, written at closing: changes found while the record holds it were made
 * since. (A meeting closed before Polyphony kept the record has none; what differs there is older.)
 */
export const RECORD_START = 'recordStart';

/** The entry that starts the record of a meeting closed at `at`. */
export function recordStart(at: string): { what: typeof RECORD_START; at: string } {
  return { what: RECORD_START, at };
}

/** Whether the document's record of later changes began at its closing. */
export function recordStarted(doc: Y.Doc): boolean {
  return doc
    .getArray<unknown>(DocumentTypes.laterChanges)
    .toArray()
    .some(
      (entry) =>
        Boolean(entry) && typeof entry === 'object' && (entry as { what?: unknown }).what === RECORD_START,
    );
}

/** The id every copy of a document gives an element: its Yjs item id. */
export function elementKey(element: Y.XmlElement): string | null {
  const id = element._item?.id;
  return id ? `${id.client}:${id.clock}` : null;
}

/** The plain text of an element, its paragraphs joined by a space. */
export function plainText(node: Y.XmlElement | Y.XmlText | Y.XmlFragment, depth = 0): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert?: unknown }[])
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  }
  // Deeper than any real block: a hostile document is read as far as it makes sense.
  if (depth > 20) return '';
  const parts: string[] = [];
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) {
      const text = plainText(child, depth + 1).trim();
      if (text) parts.push(text);
    }
  }
  return parts.join(' ');
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A list of people as stored on a plan item, keeping only entries that make sense. */
export function readPeople(value: unknown): PersonView[] {
  if (!Array.isArray(value)) return [];
  const people: PersonView[] = [];
  for (const entry of value.slice(0, 200)) {
    if (!entry || typeof entry !== 'object') continue;
    const { id, name, view } = entry as Record<string, unknown>;
    if (typeof name !== 'string') continue;
    const person: PersonView = { id: str(id), name };
    if (typeof view === 'string' && view.trim()) person.view = view.slice(0, MAX_VIEW_LENGTH);
    people.push(person);
  }
  return people;
}

/** The next meeting as stored in meta, or null when there is none that makes sense. */
export function readNextMeeting(value: unknown): NextMeeting | null {
  if (!value || typeof value !== 'object') return null;
  const { when, convenerName } = value as Record<string, unknown>;
  const next = { when: str(when), convenerName: str(convenerName) };
  return next.when || next.convenerName ? next : null;
}

/** What was agreed about a plan item element. */
export function planItemState(element: Y.XmlElement): PlanItemState {
  return {
    text: plainText(element),
    agrees: readPeople(element.getAttribute('agrees')),
    differs: readPeople(element.getAttribute('differs')),
    doerName: str(element.getAttribute('doerName')),
    byWhen: str(element.getAttribute('byWhen')),
    status: str(element.getAttribute('status')) || 'open',
  };
}

/** What was agreed about a question element. */
export function questionState(element: Y.XmlElement): QuestionState {
  return { text: plainText(element), status: str(element.getAttribute('status')) || 'open' };
}

/** The plan, "no decisions today", the next meeting and the open questions of a document. */
export function agreedParts(doc: Y.Doc): AgreedParts {
  const planItems = new Map<string, PlanItemState>();
  const questions = new Map<string, QuestionState>();
  for (const node of doc.getXmlFragment(DocumentTypes.plan).toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== NodeNames.planItem) continue;
    const key = elementKey(node);
    if (key) planItems.set(key, planItemState(node));
  }
  for (const node of doc.getXmlFragment(DocumentTypes.openQuestions).toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== NodeNames.openQuestion) continue;
    const key = elementKey(node);
    if (key) questions.set(key, questionState(node));
  }
  const meta = doc.getMap(DocumentTypes.meta);
  return {
    planItems,
    questions,
    noDecisionsToday: meta.get(MetaKeys.noDecisionsToday) === true,
    nextMeeting: readNextMeeting(meta.get(MetaKeys.nextMeeting)),
  };
}

function readBy(value: unknown): ChangedBy[] | null {
  if (!Array.isArray(value)) return null;
  const by = value
    .filter((entry): entry is Record<string, unknown> => Boolean(entry) && typeof entry === 'object')
    .map((entry) => ({ id: str(entry.id), name: str(entry.name) }))
    .filter((person) => person.name !== '');
  return by;
}

function readPlanItemState(value: unknown): PlanItemState | null {
  if (!value || typeof value !== 'object') return null;
  const state = value as Record<string, unknown>;
  return {
    text: str(state.text),
    agrees: readPeople(state.agrees),
    differs: readPeople(state.differs),
    doerName: str(state.doerName),
    byWhen: str(state.byWhen),
    status: str(state.status) || 'open',
  };
}

function readQuestionState(value: unknown): QuestionState | null {
  if (!value || typeof value !== 'object') return null;
  const state = value as Record<string, unknown>;
  return { text: str(state.text), status: str(state.status) || 'open' };
}

/** One stored entry, or null when it is not one this version of Polyphony can read. */
export function readLaterChange(value: unknown): LaterChange | null {
  if (!value || typeof value !== 'object') return null;
  const entry = value as Record<string, unknown>;
  const at = str(entry.at);
  const by = readBy(entry.by);
  if (!at || Number.isNaN(Date.parse(at)) || !by) return null;
  const base: ChangeBase = { at, by };
  if (entry.earlier === true) base.earlier = true;
  const restoring = entry.restoring as Record<string, unknown> | undefined;
  if (restoring && typeof restoring === 'object' && typeof restoring.id === 'number') {
    base.restoring = { id: restoring.id, takenAt: str(restoring.takenAt) };
  }
  switch (entry.what) {
    case 'planItem':
    case 'openQuestion': {
      const change = entry.change;
      if (change !== 'changed' && change !== 'added' && change !== 'removed') return null;
      const item = str(entry.item);
      if (!item) return null;
      const read = entry.what === 'planItem' ? readPlanItemState : readQuestionState;
      const before = read(entry.before);
      const after = read(entry.after);
      if ((change !== 'added' && !before) || (change !== 'removed' && !after)) return null;
      return {
        ...base,
        what: entry.what,
        change,
        item,
        ...(typeof entry.agreedItem === 'string' ? { agreedItem: entry.agreedItem } : {}),
        before,
        after,
      } as PlanItemChange | QuestionChange;
    }
    case 'noDecisionsToday':
      return {
        ...base,
        what: 'noDecisionsToday',
        change: 'changed',
        before: entry.before === true,
        after: entry.after === true,
      };
    case 'nextMeeting':
      return {
        ...base,
        what: 'nextMeeting',
        change: 'changed',
        before: readNextMeeting(entry.before),
        after: readNextMeeting(entry.after),
      };
    default:
      return null;
  }
}

/** The changes made after the meeting, oldest first: every entry of the array that can be read. */
export function readLaterChanges(doc: Y.Doc): LaterChange[] {
  const changes: LaterChange[] = [];
  for (const entry of doc.getArray<unknown>(DocumentTypes.laterChanges).toArray()) {
    const change = readLaterChange(entry);
    if (change) changes.push(change);
  }
  return changes;
}
