/**
 * Bringing a place of the document into view when the meeting page opens (issue 18): where this person
 * last wrote, else the section of the current phase. Once, and only while the person has not started
 * to scroll, type or point themselves: the page never moves under someone who is already reading.
 */
import type { EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { textRuns } from './textHighlights';

/** Reveals already done: an editor opened again (after a failure) does not move the page a second time. */
const done = new WeakSet<object>();

/** Whether `reveal` was already done; marks it done from now on when `mark` is true. */
export function revealed(reveal: object, mark = false): boolean {
  const was = done.has(reveal);
  if (mark) done.add(reveal);
  return was;
}

/** Where something is on screen now (viewport coordinates). */
type Where = () => { top: number; bottom: number };

let lastInputAt = Number.NEGATIVE_INFINITY;
if (typeof window !== 'undefined') {
  const seen = () => {
    lastInputAt = performance.now();
  };
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart'])
    window.addEventListener(type, seen, { capture: true, passive: true });
}

/**
 * Where one character of a section is in its editor, once the editor shows the section as the document
 * holds it (null until then, or when the character is not there).
 */
export function placeOf(
  view: EditorView,
  fragment: Y.XmlFragment,
  at: { client: number; clock: number },
): Where | null {
  const { runs, size } = textRuns(fragment, view.state.schema);
  if (size !== view.state.doc.content.size) return null;
  for (const { from, item } of runs) {
    if (item.id.client !== at.client) continue;
    const offset = at.clock - item.id.clock;
    if (offset < 0 || offset >= item.length) continue;
    return () => view.coordsAtPos(from + offset);
  }
  return null;
}

/** Where an element is on screen now. */
export function whereOf(element: Element): Where {
  return () => element.getBoundingClientRect();
}

/**
 * Scroll the page so that `where` is in sight under the sticky top bar, unless it already is, or the
 * person has done anything on the page since `since` (performance.now() when the page opened): a place
 * a third of the way down what the top bar leaves visible, a section with its heading at the top.
 */
export function bringIntoView(where: Where, kind: 'place' | 'section', since: number): void {
  requestAnimationFrame(() => {
    if (lastInputAt > since) return;
    const head = document.querySelector('.meeting-head')?.getBoundingClientRect().bottom ?? 0;
    const visible = window.innerHeight - head;
    const { top, bottom } = where();
    const inSight =
      kind === 'place'
        ? top >= head && bottom <= window.innerHeight
        : top >= head && top <= head + visible / 2;
    if (inSight) return;
    const offset = kind === 'place' ? visible / 3 : 8;
    window.scrollTo({ top: Math.max(0, window.scrollY + top - head - offset), behavior: 'instant' });
  });
}
