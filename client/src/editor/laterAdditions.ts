/**
 * Marks text typed after the meeting was closed as a later addition, with its author and time, so that
 * an afterthought is never mistaken for what was said or agreed in the room.
 *
 * Only this person's own typing is marked: transactions that carry y-prosemirror's sync meta are changes
 * arriving from others (already marked by their author's browser) or the binding's own bookkeeping.
 */
import { MarkNames } from '@polyphony/shared';
import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';

/** Who is writing after the meeting, and whether the meeting is closed now. */
export interface LaterAdditionsOptions {
  isClosed: () => boolean;
  author: () => { id: string; name: string } | null;
}

const key = new PluginKey('laterAdditions');
/** Typing within this long of the last afterthought continues it (one mark, one time) instead of many. */
const BURST_MS = 10 * 60 * 1000;

/** Ranges of the new document that the transactions inserted or replaced. */
function changedRanges(transactions: readonly Transaction[]): [number, number][] {
  let ranges: [number, number][] = [];
  for (const tr of transactions) {
    if (!tr.docChanged) continue;
    // Ranges from earlier transactions move with this one's changes.
    ranges = ranges.map(([from, to]) => [tr.mapping.map(from, 1), tr.mapping.map(to, -1)]);
    if (isChangeOrigin(tr) || tr.getMeta(key)) continue;
    tr.mapping.maps.forEach((map, index) => {
      const rest = tr.mapping.slice(index + 1);
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        if (newEnd > newStart) ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
      });
    });
  }
  return ranges.filter(([from, to]) => to > from);
}

/** The editor extension: give it the live "is closed" and "who am I". */
export const LaterAdditions = Extension.create<LaterAdditionsOptions>({
  name: 'laterAdditions',
  addOptions() {
    return { isClosed: () => false, author: () => null };
  },
  addProseMirrorPlugins() {
    const { isClosed, author } = this.options;
    let burst: { at: string; last: number } | null = null;
    return [
      new Plugin({
        key,
        appendTransaction(transactions, _oldState, state) {
          if (!isClosed()) return null;
          const me = author();
          const type = state.schema.marks[MarkNames.laterAddition];
          if (!me || !type) return null;
          const ranges = changedRanges(transactions);
          if (ranges.length === 0) return null;
          const now = Date.now();
          if (!burst || now - burst.last > BURST_MS) burst = { at: new Date(now).toISOString(), last: now };
          burst.last = now;
          const mark = type.create({ authorId: me.id, authorName: me.name, at: burst.at });
          const tr = state.tr;
          const size = state.doc.content.size;
          for (const [rawFrom, rawTo] of ranges) {
            const from = Math.max(0, rawFrom);
            const to = Math.min(size, rawTo);
            state.doc.nodesBetween(from, to, (node, pos) => {
              // Text typed inside someone else's afterthought takes their mark along: it is mine, though.
              if (!node.isText || type.isInSet(node.marks)?.attrs.authorId === me.id) return;
              tr.addMark(Math.max(pos, from), Math.min(pos + node.nodeSize, to), mark);
            });
          }
          if (!tr.docChanged) return null;
          return tr.setMeta(key, true);
        },
      }),
    ];
  },
});
