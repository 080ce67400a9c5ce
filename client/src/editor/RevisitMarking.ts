/**
 * What the revisiting views highlight in the living document: "new since your last visit" (text others
 * inserted after this person's last-seen point and before they opened the page: what arrives while they
 * watch, they have seen) or "who wrote what" (each run coloured by the participant whose browser wrote
 * it, through PermanentUserData). One instance per meeting page, shared by all section editors.
 */

import { attributedClients, DocumentTypes } from '@polyphony/shared';
import * as Y from 'yjs';
import { t } from '../i18n';
import { colourOf } from '../ui/colour';
import type { TextLook, TextMarking } from './textHighlights';

/** Which highlighting is on. */
export type MarkingMode = 'none' | 'news' | 'authors';

/** A person as the colour legend shows them. */
export interface AuthorColour {
  id: string;
  name: string;
  color: string;
}

/** Text the server wrote (carried over from an earlier meeting) has no person behind it. */
export const NOBODY_COLOUR = '#8a8178';

/** The highlighting of a meeting page's editors. */
export class RevisitMarking implements TextMarking {
  private mode: MarkingMode = 'none';
  private since: Map<number, number> | null = null;
  private until: Map<number, number> | null = null;
  private readonly listeners = new Set<() => void>();
  /** Client ids → participant, as the document's `users` says (read again when it changes). */
  private owners: Map<number, string>;
  private readonly colours = new Map<string, AuthorColour>();

  constructor(
    doc: Y.Doc,
    private readonly meId: string,
    people: { id: string; name: string }[],
  ) {
    this.owners = attributedClients(doc);
    doc.getMap(DocumentTypes.users).observeDeep(() => {
      this.owners = attributedClients(doc);
    });
    // The same colour as the person's caret: their place in the network's people list.
    for (const person of people)
      this.colours.set(person.id, { ...person, color: colourOf(people, person.id) });
  }

  /** Everyone's colour in "who wrote what", in the order of the network's people. */
  legend(): AuthorColour[] {
    return [...this.colours.values()];
  }

  /** Show one kind of highlighting, or none. */
  setMode(mode: MarkingMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.changed();
  }

  /**
   * Highlight what others inserted after `since` (the last-seen state vector) and before `until` (the
   * state when the page opened). Null `since` (a first visit) highlights nothing.
   */
  setNews(since: Map<number, number> | null, until: Map<number, number>): void {
    this.since = since;
    this.until = until;
    this.changed();
  }

  /** Whose text an item is: a participant id, or undefined for the server's own. */
  authorOf(item: Y.Item): string | undefined {
    return this.owners.get(item.id.client);
  }

  /** Whether anything highlighted as new exists in a fragment. */
  hasNewIn(fragment: Y.XmlFragment): boolean {
    // Without recursion: a stored section may nest deeper than the call stack allows.
    const waiting: (Y.Item | null)[] = [fragment._start];
    while (waiting.length > 0) {
      for (let item = waiting.pop() as Y.Item | null; item !== null; item = item.right) {
        if (item.deleted) continue;
        if (item.content instanceof Y.ContentType) waiting.push(item.content.type._start);
        else if (item.content instanceof Y.ContentString && this.isNew(item)) return true;
      }
    }
    return false;
  }

  lookOf(item: Y.Item): TextLook | null {
    if (this.mode === 'news') {
      if (!this.isNew(item)) return null;
      const name = this.colours.get(this.authorOf(item) ?? '')?.name ?? t('common.someoneLower');
      return { className: 'news-text', title: t('revisit.newWrittenBy', { name }) };
    }
    if (this.mode === 'authors') {
      const author = this.colours.get(this.authorOf(item) ?? '');
      const color = author?.color ?? NOBODY_COLOUR;
      return {
        className: 'author-text',
        style: `background-color: ${color}26; box-shadow: inset 0 -3px 0 ${color};`,
        colour: color,
        title: author ? t('revisit.writtenBy', { name: author.name }) : t('revisit.carriedByPolyphony'),
      };
    }
    return null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private isNew(item: Y.Item): boolean {
    if (!this.since || !this.until) return false;
    const author = this.authorOf(item);
    // Only what people wrote, and not this person: their own words are never news to them.
    if (author === undefined || author === this.meId) return false;
    const { client, clock } = item.id;
    return clock >= (this.since.get(client) ?? 0) && clock < (this.until.get(client) ?? 0);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
