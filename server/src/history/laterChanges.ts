/**
 * Finding the changes made after closing to what was agreed in a meeting, and writing them down
 * (shared/src/schema/laterChanges.ts says what is recorded and why).
 *
 * What the record already says is the version as agreed with every recorded change applied in order.
 * Whatever the living document says differently is a new change. Plan items and questions are followed
 * by their element's id; an element that was written again with the same text (an editor that rebuilt
 * it, going back to a version that brings a removed item back) is the same item. Each change names the
 * Yjs client ids that made it where the document knows them (the value of a changed attribute carries
 * its writer's id); a change of text or a removal is the doing of whoever wrote in that commit.
 *
 * Changes by the same person to the same thing within a few minutes are one change (ticking "I agree",
 * then "I see it differently" is one change from one to the other); a change undone within those
 * minutes leaves no entry.
 */
import {
  type AgreedParts,
  agreedParts,
  type ChangedBy,
  DocumentTypes,
  elementKey,
  type LaterChange,
  MetaKeys,
  type NextMeeting,
  NodeNames,
  type PlanItemState,
  type QuestionState,
  readLaterChange,
  readLaterChanges,
} from '@polyphony/shared';
import * as Y from 'yjs';

/** Changes by one person to one thing closer together than this are one change. */
export const COALESCE_MS = 10 * 60 * 1000;

/** A change found, before it is given a time and names. */
export type FoundChange = DistributiveOmit<LaterChange, 'at' | 'by' | 'restoring' | 'earlier'> & {
  /** Yjs client ids whose writing it is, where the document knows them. */
  clients: number[];
  /** Whether the writers of the commit made it (a text change, a removal). */
  byWriters: boolean;
};

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The record applied to the version as agreed: what the record says each thing reads now. */
interface Recorded<State> {
  /** By id in the version as agreed; null once removed. */
  states: Map<string, State | null>;
  /** The id each item had when last recorded → its id in the version as agreed. */
  aliases: Map<string, string>;
  /** Items added after the meeting, already recorded. */
  added: Set<string>;
  /** The last state of each item before it was removed (to know it again when it comes back). */
  lastKnown: Map<string, State>;
}

function recorded<State>(baseline: Map<string, State>): Recorded<State> {
  return { states: new Map(baseline), aliases: new Map(), added: new Set(), lastKnown: new Map(baseline) };
}

function applyRecord<State>(
  into: Recorded<State>,
  change: { change: string; item: string; agreedItem?: string; after: State | null },
) {
  if (!change.agreedItem) {
    into.added.add(change.item);
    return;
  }
  into.states.set(change.agreedItem, change.after);
  if (change.after) into.lastKnown.set(change.agreedItem, change.after);
  into.aliases.set(change.item, change.agreedItem);
}

/** The client id that wrote the current value of an attribute or map key. */
function writerOf(type: { _map: Map<string, Y.Item> }, key: string): number | null {
  return type._map.get(key)?.id.client ?? null;
}

const PLAN_ATTRIBUTES = ['agrees', 'differs', 'doerName', 'byWhen', 'status'] as const;

function elementsOf(doc: Y.Doc, section: 'plan' | 'openQuestions', name: string): Map<string, Y.XmlElement> {
  const elements = new Map<string, Y.XmlElement>();
  for (const node of doc.getXmlFragment(section).toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== name) continue;
    const key = elementKey(node);
    if (key) elements.set(key, node);
  }
  return elements;
}

/** Compare one kind of item (plan items or questions) with what the record says. */
function itemChanges<State extends PlanItemState | QuestionState>(
  what: 'planItem' | 'openQuestion',
  record: Recorded<State>,
  current: Map<string, State>,
  elements: Map<string, Y.XmlElement>,
  attributes: readonly string[],
): FoundChange[] {
  const found: FoundChange[] = [];
  const open = new Set([...record.states].filter(([, state]) => state !== null).map(([key]) => key));
  const removed = new Set([...record.states].filter(([, state]) => state === null).map(([key]) => key));
  const matched = new Map<string, string>();
  // By id: the element's own, or the one it had when last recorded.
  for (const key of current.keys()) {
    const agreed = record.states.has(key) ? key : record.aliases.get(key);
    if (agreed && open.has(agreed)) {
      matched.set(key, agreed);
      open.delete(agreed);
    }
  }
  // By text: the same item written again, or brought back after it was removed.
  for (const [key, state] of current) {
    if (matched.has(key) || record.added.has(key)) continue;
    const agreed =
      [...open].find((candidate) => record.states.get(candidate)?.text === state.text) ??
      [...removed].find((candidate) => record.lastKnown.get(candidate)?.text === state.text);
    if (agreed) {
      matched.set(key, agreed);
      open.delete(agreed);
      removed.delete(agreed);
    }
  }
  for (const [key, state] of current) {
    const element = elements.get(key);
    const agreed = matched.get(key);
    if (agreed) {
      const before = record.states.get(agreed) ?? null;
      if (before && same(before, state)) continue;
      const clients = new Set<number>();
      let byWriters = before === null || before.text !== state.text;
      if (before && element) {
        for (const name of attributes) {
          const field = name as keyof State;
          if (same(before[field], state[field])) continue;
          const client = writerOf(element, name);
          if (client === null) byWriters = true;
          else clients.add(client);
        }
      }
      if (!before && element?._item) clients.add(element._item.id.client);
      found.push({
        what,
        change: before ? 'changed' : 'added',
        item: key,
        agreedItem: agreed,
        before,
        after: state,
        clients: [...clients],
        byWriters,
      } as FoundChange);
      continue;
    }
    if (record.added.has(key)) continue;
    // New after the meeting: said once, with who wrote it; its text is marked as added later anyway.
    found.push({
      what,
      change: 'added',
      item: key,
      before: null,
      after: state,
      clients: element?._item ? [element._item.id.client] : [],
      byWriters: !element?._item,
    } as FoundChange);
  }
  for (const agreed of open) {
    const last = [...record.aliases].filter(([, to]) => to === agreed).at(-1)?.[0] ?? agreed;
    found.push({
      what,
      change: 'removed',
      item: last,
      agreedItem: agreed,
      before: record.states.get(agreed) ?? null,
      after: null,
      clients: [],
      byWriters: true,
    } as FoundChange);
  }
  return found;
}

/**
 * The changes in `doc` to what was agreed (`baseline`, read from the version as agreed) that its
 * record of later changes does not yet hold.
 */
export function findLaterChanges(baseline: AgreedParts, doc: Y.Doc): FoundChange[] {
  const plan = recorded(baseline.planItems);
  const questions = recorded(baseline.questions);
  let noDecisions = baseline.noDecisionsToday;
  let next: NextMeeting | null = baseline.nextMeeting;
  for (const change of readLaterChanges(doc)) {
    if (change.what === 'planItem') applyRecord(plan, change);
    else if (change.what === 'openQuestion') applyRecord(questions, change);
    else if (change.what === 'noDecisionsToday') noDecisions = change.after;
    else next = change.after;
  }
  const current = agreedParts(doc);
  const meta = doc.getMap(DocumentTypes.meta);
  const found: FoundChange[] = [
    ...itemChanges(
      'planItem',
      plan,
      current.planItems,
      elementsOf(doc, DocumentTypes.plan, NodeNames.planItem),
      PLAN_ATTRIBUTES,
    ),
    ...itemChanges(
      'openQuestion',
      questions,
      current.questions,
      elementsOf(doc, DocumentTypes.openQuestions, NodeNames.openQuestion),
      ['status'],
    ),
  ];
  if (current.noDecisionsToday !== noDecisions) {
    const client = writerOf(meta, MetaKeys.noDecisionsToday);
    found.push({
      what: 'noDecisionsToday',
      change: 'changed',
      before: noDecisions,
      after: current.noDecisionsToday,
      clients: client === null ? [] : [client],
      byWriters: client === null,
    });
  }
  if (!same(current.nextMeeting, next)) {
    const client = writerOf(meta, MetaKeys.nextMeeting);
    found.push({
      what: 'nextMeeting',
      change: 'changed',
      before: next,
      after: current.nextMeeting,
      clients: client === null ? [] : [client],
      byWriters: client === null,
    });
  }
  return found;
}

/** What a change is about: the same thing, for coalescing. */
function subject(change: Pick<LaterChange, 'what'> & { item?: string; agreedItem?: string }): string {
  if (change.what === 'planItem' || change.what === 'openQuestion')
    return `${change.what} ${change.agreedItem ?? change.item}`;
  return change.what;
}

const samepeople = (a: ChangedBy[], b: ChangedBy[]) =>
  same(a.map((person) => person.id).sort(), b.map((person) => person.id).sort());

/**
 * Write changes into the document's record: each a new entry, or folded into the last entry about the
 * same thing when the same people made it within COALESCE_MS (and dropped with it when it undid it).
 */
export function writeLaterChanges(doc: Y.Doc, changes: readonly LaterChange[]): void {
  const record = doc.getArray<unknown>(DocumentTypes.laterChanges);
  for (const change of changes) {
    const entries = record.toArray();
    let lastIndex = -1;
    for (let index = entries.length - 1; index >= 0; index--) {
      const entry = readLaterChange(entries[index]);
      if (entry && subject(entry) === subject(change)) {
        lastIndex = index;
        break;
      }
    }
    const last = lastIndex >= 0 ? readLaterChange(entries[lastIndex]) : null;
    if (
      last &&
      last.change === 'changed' &&
      change.change === 'changed' &&
      !last.restoring &&
      !change.restoring &&
      !last.earlier &&
      !change.earlier &&
      samepeople(last.by, change.by) &&
      Date.parse(change.at) - Date.parse(last.at) < COALESCE_MS
    ) {
      const merged = { ...change, before: last.before } as LaterChange;
      record.delete(lastIndex, 1);
      if (!same(merged.before, merged.after)) record.insert(lastIndex, [plain(merged)]);
      continue;
    }
    record.push([plain(change)]);
  }
}

/** A change as stored: plain JSON, nothing undefined. */
function plain(change: LaterChange): Record<string, unknown> {
  return JSON.parse(JSON.stringify(change)) as Record<string, unknown>;
}
