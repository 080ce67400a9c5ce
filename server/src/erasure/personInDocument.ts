/**
 * Taking one person out of a meeting document, for good.
 *
 * The server keeps documents without garbage collection (for history), so deleting text only marks it
 * deleted: its bytes stay in every later snapshot. Erasing a person therefore does two things.
 *
 * 1. A change, like any other, made in one transaction:
 *    - everywhere their participant id stands in a block (speaker, typist, author, proposer, who raised
 *      a question, a later addition's author) it becomes ERASED_PERSON_ID and the name beside it empty
 *      (the pages then say "someone"); they leave the lists of who agrees and who sees it differently;
 *      a "who does it" or "who convenes" written as exactly their name is emptied;
 *    - their attendance entry (name, relation, where) goes, and the Yjs client ids that attribute text
 *      to them (PermanentUserData) are cleared;
 *    - with `remove`, also their words: every block that is theirs (what they said, whoever typed it;
 *      a reflection, response, plan item or question they wrote) and every piece of text they typed
 *      elsewhere. With `anonymise` their words stay, without their name.
 * 2. Garbage collection of exactly what must not survive: every deleted item the change deleted (the
 *    old attribute values with their name, their blocks and everything in them) and every deleted item
 *    they ever wrote (text they typed and deleted before). Their content becomes a length without
 *    content, as Yjs does when it collects garbage; everything else deleted earlier is kept, so the
 *    document's versions still show what they showed, without the erased person.
 *
 * The caller stores the result as a new snapshot that replaces the update log (erasure/ErasureService).
 */
import {
  DocumentTypes,
  ERASED_PERSON_ID,
  type ErasedWords,
  MarkNames,
  MetaKeys,
  NodeNames,
  SECTIONS,
} from '@polyphony/shared';
import * as Y from 'yjs';
import { clientIdsOf } from '../history/HistoryService.js';

/** A transaction's delete set: ranges of deleted clocks per client (Yjs does not export the type). */
type DeleteSet = Y.Transaction['deleteSet'];

/** The transaction origin of an erasure's change. */
export const ERASURE_ORIGIN = Symbol('erasure');

/** Who is erased: their id, and (when still known) the name they were called by. */
export interface ErasedPerson {
  id: string;
  name?: string | undefined;
}

/** Attributes naming a person: the id, and the name written beside it. */
const ID_AND_NAME = [
  ['speakerId', 'speakerName'],
  ['typistId', 'typistName'],
  ['authorId', 'authorName'],
  ['proposedById', 'proposedByName'],
  ['raisedById', 'raisedByName'],
] as const;

/** The attribute that makes a block the words of the person it names. */
const OWNER: Readonly<Record<string, string>> = {
  [NodeNames.voice]: 'speakerId',
  [NodeNames.reflection]: 'authorId',
  [NodeNames.response]: 'authorId',
  [NodeNames.planItem]: 'proposedById',
  [NodeNames.openQuestion]: 'raisedById',
};

/** Attributes holding lists of {id, name}. */
const PEOPLE_LISTS = ['agrees', 'differs'] as const;

interface PersonRef {
  id?: unknown;
  name?: unknown;
}

const sameName = (written: unknown, name: string | undefined) =>
  typeof written === 'string' &&
  name !== undefined &&
  name.trim() !== '' &&
  written.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase();

/** What one erasure did to a document. */
export interface DocumentErasure {
  /** Whether anything changed or was collected (the document must then be stored again). */
  changed: boolean;
  /** Items whose content was collected. */
  collected: number;
}

/** Take a person out of a document (see the header); the document must keep its deleted content (gc: false). */
export function erasePersonFromDocument(
  doc: Y.Doc,
  person: ErasedPerson,
  words: ErasedWords,
): DocumentErasure {
  const clientIds = new Set(clientIdsOf(doc, person.id));
  const deleted: DeleteSet[] = [];
  const capture = (transaction: Y.Transaction) => {
    if (transaction.origin === ERASURE_ORIGIN) deleted.push(transaction.deleteSet);
  };
  let changed = false;
  doc.on('afterTransaction', capture);
  try {
    doc.transact((transaction) => {
      if (words === 'remove') {
        // First whatever they typed (text and its formatting), so that nothing below reformats it;
        // elements they made stay, with what others wrote in them.
        for (const clientId of clientIds) {
          for (const struct of [...(doc.store.clients.get(clientId) ?? [])]) {
            if (
              struct instanceof Y.Item &&
              !struct.deleted &&
              (struct.content instanceof Y.ContentString || struct.content instanceof Y.ContentFormat)
            ) {
              struct.delete(transaction);
              changed = true;
            }
          }
        }
      }
      const theirs: Y.XmlElement[] = [];
      const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
        for (const child of parent.toArray()) {
          if (child instanceof Y.XmlElement) {
            const owner = OWNER[child.nodeName];
            if (words === 'remove' && owner && child.getAttribute(owner) === person.id) {
              theirs.push(child);
              continue;
            }
            if (anonymiseAttributes(child, person, words)) changed = true;
            visit(child);
          } else if (child instanceof Y.XmlText) {
            if (anonymiseMarks(child, person)) changed = true;
          }
        }
      };
      for (const section of SECTIONS) visit(doc.getXmlFragment(section));
      for (const element of theirs) {
        const parent = element.parent as Y.XmlFragment | Y.XmlElement | null;
        const index = parent ? parent.toArray().indexOf(element) : -1;
        if (parent && index >= 0) {
          parent.delete(index, 1);
          changed = true;
        }
      }
      // Reformatting leaves a marker that restores the value before it (their name) right after the
      // text; no formatting that names them may stay in effect anywhere.
      for (const structs of doc.store.clients.values()) {
        for (const struct of [...structs]) {
          if (
            struct instanceof Y.Item &&
            !struct.deleted &&
            struct.content instanceof Y.ContentFormat &&
            namesPerson(struct.content.value, person.id)
          ) {
            struct.delete(transaction);
            changed = true;
          }
        }
      }
      const attendance = doc.getMap(DocumentTypes.attendance);
      if (attendance.has(person.id)) {
        attendance.delete(person.id);
        changed = true;
      }
      // Their text no longer points at them. The entry itself stays, empty: deleting it would make every
      // open PermanentUserData (which assumes entries are never removed) fail on the change.
      const user = doc.getMap<Y.Map<Y.Array<unknown>>>(DocumentTypes.users).get(person.id);
      for (const list of [user?.get('ids'), user?.get('ds')]) {
        if (list instanceof Y.Array && list.length > 0) {
          list.delete(0, list.length);
          changed = true;
        }
      }
      const meta = doc.getMap<unknown>(DocumentTypes.meta);
      const next = meta.get(MetaKeys.nextMeeting) as { convenerName?: unknown } | undefined;
      if (next && typeof next === 'object' && sameName(next.convenerName, person.name)) {
        meta.set(MetaKeys.nextMeeting, { ...next, convenerName: '' });
        changed = true;
      }
    }, ERASURE_ORIGIN);
  } finally {
    doc.off('afterTransaction', capture);
  }
  const collected = collect(doc, person.id, clientIds, deleted);
  return { changed: changed || collected > 0, collected };
}

function anonymiseAttributes(element: Y.XmlElement, person: ErasedPerson, words: ErasedWords): boolean {
  let changed = false;
  for (const [idKey, nameKey] of ID_AND_NAME) {
    if (element.getAttribute(idKey) === person.id) {
      element.setAttribute(idKey, ERASED_PERSON_ID);
      element.setAttribute(nameKey, '');
      changed = true;
    }
  }
  for (const key of PEOPLE_LISTS) {
    const list = element.getAttribute(key) as unknown;
    if (!Array.isArray(list) || !list.some((ref: PersonRef) => ref?.id === person.id)) continue;
    const kept =
      words === 'remove'
        ? list.filter((ref: PersonRef) => ref?.id !== person.id)
        : list.map((ref: PersonRef) => (ref?.id === person.id ? { id: ERASED_PERSON_ID, name: '' } : ref));
    element.setAttribute(key, kept as never);
    changed = true;
  }
  if (sameName(element.getAttribute('doerName'), person.name)) {
    element.setAttribute('doerName', '');
    changed = true;
  }
  return changed;
}

/** Later additions they wrote keep their mark (the text was added later), without their name. */
function anonymiseMarks(text: Y.XmlText, person: ErasedPerson): boolean {
  let changed = false;
  let position = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    const mark = op.attributes?.[MarkNames.laterAddition] as { authorId?: unknown } | undefined;
    if (mark && typeof mark === 'object' && mark.authorId === person.id) {
      text.format(position, length, {
        [MarkNames.laterAddition]: { ...mark, authorId: ERASED_PERSON_ID, authorName: '' },
      });
      changed = true;
    }
    position += length;
  }
  return changed;
}

/** Whether a delete set covers any of client's clocks [clock, clock + length). */
function covers(sets: readonly DeleteSet[], client: number, clock: number, length: number): boolean {
  for (const set of sets) {
    for (const range of set.clients.get(client) ?? []) {
      if (range.clock < clock + length && clock < range.clock + range.len) return true;
    }
  }
  return false;
}

/**
 * Collect the content of the deleted items that must not survive (see the header). Yjs merges adjacent
 * deleted items of one writer after a transaction, so an item is collected whole when any of it was
 * deleted now: a little more of that writer's older deleted text may go with it.
 */
function collect(
  doc: Y.Doc,
  personId: string,
  clientIds: ReadonlySet<number>,
  deleted: readonly DeleteSet[],
): number {
  let collected = 0;
  for (const [client, structs] of doc.store.clients) {
    // gc() may replace structs of this array (children of a collected element) in place.
    for (let index = 0; index < structs.length; index++) {
      const struct = structs[index];
      if (!(struct instanceof Y.Item) || !struct.deleted) continue;
      // A map entry keyed by their id (their attendance) keeps the key even without content: it
      // goes as a whole, leaving only the length of what was there.
      if (struct.parentSub === personId) {
        struct.gc(doc.store, true);
        collected++;
        continue;
      }
      if (struct.content instanceof Y.ContentDeleted) continue;
      if (clientIds.has(client) || covers(deleted, client, struct.id.clock, struct.length)) {
        struct.gc(doc.store, false);
        collected++;
      }
    }
  }
  return collected;
}

/** Whether a formatting value names the person (a later addition's author). */
function namesPerson(value: unknown, personId: string): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { authorId?: unknown }).authorId === personId
  );
}
