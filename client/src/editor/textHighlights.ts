/**
 * Highlights runs of text by who wrote them and when, without touching the document: "new since your
 * last visit" and "who wrote what" are ProseMirror decorations computed from the Yjs items behind the
 * text. Each Y.Item carries the id (client, clock) of the edit that inserted it; the client maps to a
 * participant through PermanentUserData, and the clock says whether it came after a state vector.
 *
 * Positions are counted in the section's Y.XmlFragment exactly as y-prosemirror lays it out: an element
 * opens and closes (a leaf node is one position), and each character of an XmlText is one position.
 * They are recomputed after Yjs transactions (when the binding has brought the editor up to date) and
 * mapped through local edits in between; when the two disagree in size the old decorations are kept.
 */
import { Extension } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import * as Y from 'yjs';

/** How a run of text is shown: a class, and optionally a style and a tooltip. */
export interface TextLook {
  className: string;
  style?: string;
  title?: string;
  /** The writer's colour, for whoever checks that it is the colour of their caret. */
  colour?: string;
}

/** Decides how each run of text looks; tells the editors when its answers change. */
export interface TextMarking {
  /** The look of the text inserted by `item`, or null to leave it plain. */
  lookOf(item: Y.Item): TextLook | null;
  /** Be told when `lookOf` answers differently (a view switched, "mark as seen"). */
  subscribe(listener: () => void): () => void;
}

/** A run of text of one Yjs item, at ProseMirror positions of the section's editor. */
export interface TextRun {
  from: number;
  to: number;
  item: Y.Item;
}

/** The text runs of a fragment, in document order, and the size of the content they were counted in. */
export function textRuns(fragment: Y.XmlFragment, schema: Schema): { runs: TextRun[]; size: number } {
  const runs: TextRun[] = [];
  let pos = 0;
  // Walked with a stack of the items still to visit at each level (no recursion: a stored section may
  // nest deeper than the call stack allows); closing an element counts its end position.
  const stack: { next: Y.Item | null; closes: boolean }[] = [{ next: fragment._start, closes: false }];
  while (stack.length > 0) {
    const level = stack[stack.length - 1] as { next: Y.Item | null; closes: boolean };
    const item = level.next;
    if (item === null) {
      stack.pop();
      if (level.closes) pos += 1;
      continue;
    }
    level.next = item.right;
    if (item.deleted || !item.countable) continue;
    const content = item.content;
    if (content instanceof Y.ContentType) {
      const type = content.type;
      if (type instanceof Y.XmlText) {
        stack.push({ next: type._start, closes: false });
      } else if (type instanceof Y.XmlElement) {
        pos += 1;
        if (!schema.nodes[type.nodeName]?.isLeaf) stack.push({ next: type._start, closes: true });
      }
    } else if (content instanceof Y.ContentString) {
      runs.push({ from: pos, to: pos + item.length, item });
      pos += item.length;
    } else {
      // An embed inside text counts as one position per item length.
      pos += item.length;
    }
  }
  return { runs, size: pos };
}

const key = new PluginKey<DecorationSet>('textHighlights');

/** Options: the section's fragment and the marking to show. */
export interface TextHighlightsOptions {
  fragment: Y.XmlFragment | null;
  marking: TextMarking | null;
}

/** The editor extension that shows a TextMarking over a section. */
export const TextHighlights = Extension.create<TextHighlightsOptions>({
  name: 'textHighlights',
  addOptions() {
    return { fragment: null, marking: null };
  },
  addProseMirrorPlugins() {
    const { fragment, marking } = this.options;
    if (!fragment || !marking) return [];
    const compute = (doc: import('@tiptap/pm/model').Node, schema: Schema): DecorationSet | null => {
      const { runs, size } = textRuns(fragment, schema);
      // The binding has not caught up yet: keep the mapped decorations.
      if (size !== doc.content.size) return null;
      const decorations: Decoration[] = [];
      for (const run of runs) {
        const look = marking.lookOf(run.item);
        if (!look) continue;
        decorations.push(
          Decoration.inline(run.from, run.to, {
            class: look.className,
            ...(look.style ? { style: look.style } : {}),
            ...(look.title ? { title: look.title } : {}),
            ...(look.colour ? { 'data-colour': look.colour } : {}),
          }),
        );
      }
      return DecorationSet.create(doc, decorations);
    };
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => compute(state.doc, state.schema) ?? DecorationSet.empty,
          apply(tr, previous, _old, state) {
            if (tr.getMeta(key)) return compute(state.doc, state.schema) ?? previous.map(tr.mapping, tr.doc);
            return previous.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations: (state) => key.getState(state),
        },
        view(view) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          // After the binding has applied a Yjs change to the editor (it does so synchronously in its
          // own observer), look again; a timer collapses bursts of typing into one recomputation.
          const recompute = () => {
            clearTimeout(timer);
            timer = setTimeout(() => {
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, true));
            }, 30);
          };
          fragment.observeDeep(recompute);
          const unsubscribe = marking.subscribe(recompute);
          recompute();
          return {
            destroy() {
              clearTimeout(timer);
              fragment.unobserveDeep(recompute);
              unsubscribe();
            },
          };
        },
      }),
    ];
  },
});
