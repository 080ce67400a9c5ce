/**
 * Where the content of an incoming update would go. In the Yjs update format an insertion names its
 * parent only when it has no neighbours; otherwise its place is its left (or right) neighbour's, which
 * may be in the document, earlier in the same update, or nowhere yet (a missing dependency, which Yjs
 * keeps aside until it arrives). `Placement` answers "which type holds this item, under which key",
 * walking up parents without recursion (a document stored before nesting was checked can be deep).
 */
import * as Y from 'yjs';

/** The kind of type that holds content. */
export type HolderKind = 'root' | 'element' | 'text' | 'map' | 'array' | 'other';

/** A type of the document (or of the update being checked) that holds content. */
export interface Holder {
  kind: HolderKind;
  /** The top-level type it is in. */
  root: string;
  /** Its node name, for an element. */
  nodeName: string | null;
  /** Its own key in the type that holds it (a map entry); null in a list or at the top. */
  key: string | null;
  parent: Holder | null;
  /** Elements from the top-level type down to this one (the top is 0). */
  depth: number;
  /** Types from the top-level type down to this one (the top is 0). */
  level: number;
  /** The key of its ancestor (or itself) one level under the top: whose `users` entry it is in. */
  topKey: string | null;
  /** The id of the item that made it (to find it again once applied); null at the top. */
  id: Y.ID | null;
}

/** Where an item goes: the holder and the key (a map entry or an attribute), or why it has none. */
export type Place =
  | { holder: Holder; key: string | null }
  /** Its neighbour is garbage-collected: Yjs drops the content. */
  | 'discarded'
  /** It depends on content that is neither in the document nor in the update. */
  | 'unknown';

type Struct = Y.Item | Y.GC | Y.Skip;

/**
 * Where the content of a struct the meeting accepted goes, kept while the struct waits to be applied to
 * the document (a Room applies clients' updates together, later): the next keystroke names the last one
 * as its left neighbour, and its place is that one's. `place` is null when it was not found (the struct
 * is then looked for in the document, once applied).
 */
export interface UnappliedStruct {
  client: number;
  /** Its clocks not in the document when it was accepted: [clock, end). */
  clock: number;
  end: number;
  place: { holder: Holder; key: string | null } | null;
  /** The holder of the type it makes, when it makes one. */
  typeHolder: Holder | null;
}

/**
 * The places of structs accepted and not yet applied, by client and clock. The Room's document applies
 * them in one transaction when something needs it; until then the checks of later updates find their
 * neighbours here rather than applying the document once per keystroke.
 */
export class UnappliedPlaces {
  private readonly byClient = new Map<number, UnappliedStruct[]>();

  get size(): number {
    return this.byClient.size;
  }

  /** The accepted struct holding this id, or null. */
  find(id: Y.ID): UnappliedStruct | null {
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const entry = list[mid] as UnappliedStruct;
      if (id.clock < entry.clock) high = mid - 1;
      else if (id.clock >= entry.end) low = mid + 1;
      else return entry;
    }
    return null;
  }

  /** The clock after the last accepted struct of `client` kept here (0 when none). */
  stateOf(client: number): number {
    const list = this.byClient.get(client);
    return list ? (list[list.length - 1] as UnappliedStruct).end : 0;
  }

  /** Keep the places of an accepted update's new structs (each client's in clock order). */
  add(structs: readonly UnappliedStruct[]): void {
    for (const struct of structs) {
      const list = this.byClient.get(struct.client);
      if (!list) {
        this.byClient.set(struct.client, [struct]);
        continue;
      }
      // Only what lies past those kept: the list stays sorted and without overlaps.
      const last = list[list.length - 1] as UnappliedStruct;
      if (struct.end <= last.end) continue;
      list.push(struct.clock >= last.end ? struct : { ...struct, clock: last.end });
    }
  }

  /** The document holds everything accepted: nothing to keep. */
  clear(): void {
    this.byClient.clear();
  }
}

/** The kind of a Yjs type object (XmlText before Text, XmlElement before XmlFragment, XmlHook before Map). */
export function kindOfType(type: unknown): HolderKind {
  if (type instanceof Y.XmlElement) return 'element';
  if (type instanceof Y.XmlText) return 'text';
  if (type instanceof Y.XmlHook) return 'other';
  if (type instanceof Y.Map) return 'map';
  if (type instanceof Y.Array) return 'array';
  return 'other';
}

function holderBelow(parent: Holder, type: unknown, key: string | null, id: Y.ID): Holder {
  const kind = kindOfType(type);
  return {
    kind,
    root: parent.root,
    nodeName: type instanceof Y.XmlElement ? type.nodeName : null,
    key,
    parent,
    depth: parent.depth + (kind === 'element' ? 1 : 0),
    level: parent.level + 1,
    topKey: parent.level === 0 ? key : parent.topKey,
    id,
  };
}

/** Places of the items of one update, against one document. */
export class Placement {
  /** The update's items by client, in clock order; null when it has one item (`only`) or none. */
  private readonly byClient: Map<number, Y.Item[]> | null = null;
  private readonly only: Y.Item | null = null;
  // Made when first needed: most updates (a keystroke) place one item and make no type, and these would
  // be two Maps of garbage per keystroke.
  private placesMap: Map<Y.Item, Place> | null = null;
  private newTypes: Map<Y.Item, Holder | null> | null = null;
  /** How many items the update has. */
  private items = 0;

  private get places(): Map<Y.Item, Place> {
    this.placesMap ??= new Map();
    return this.placesMap;
  }

  constructor(
    private readonly doc: Y.Doc,
    private readonly roots: Map<string, Holder>,
    private readonly typeHolders: WeakMap<object, Holder>,
    structs: readonly Struct[],
    /** Structs accepted into the meeting and not yet applied to `doc`. */
    private readonly unapplied: UnappliedPlaces | null = null,
  ) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      this.items++;
      if (this.items === 1) {
        this.only = struct;
        continue;
      }
      if (this.byClient === null) {
        const only = this.only as Y.Item;
        this.byClient = new Map([[only.id.client, [only]]]);
        this.only = null;
      }
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
    if (this.byClient)
      for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  /** The holder of a top-level type. */
  root(name: string): Holder {
    let holder = this.roots.get(name);
    if (!holder) {
      holder = {
        kind: 'root',
        root: name,
        nodeName: null,
        key: null,
        parent: null,
        depth: 0,
        level: 0,
        topKey: null,
        id: null,
      };
      this.roots.set(name, holder);
    }
    return holder;
  }

  /** The holder of a type that is in the document. */
  holderOfType(type: Y.AbstractType<unknown>): Holder {
    const known = this.typeHolders.get(type);
    if (known) return known;
    const chain: Y.AbstractType<unknown>[] = [];
    let current: Y.AbstractType<unknown> = type;
    let holder: Holder | undefined;
    for (;;) {
      holder = this.typeHolders.get(current);
      if (holder) break;
      const item = current._item;
      if (item === null) {
        holder = this.root(Y.findRootTypeKey(current));
        this.typeHolders.set(current, holder);
        break;
      }
      chain.push(current);
      current = item.parent as Y.AbstractType<unknown>;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const child = chain[i] as Y.AbstractType<unknown>;
      const item = child._item as Y.Item;
      holder = holderBelow(holder, child, item.parentSub, item.id);
      this.typeHolders.set(child, holder);
    }
    return holder;
  }

  /** The struct with this id: in the update first, then in the document; null when neither has it. */
  find(id: Y.ID): { struct: Y.Item | Y.GC; inUpdate: boolean } | null {
    const only = this.only;
    if (
      only &&
      id.client === only.id.client &&
      id.clock >= only.id.clock &&
      id.clock < only.id.clock + only.length
    )
      return { struct: only, inUpdate: true };
    const list = this.byClient?.get(id.client);
    if (list) {
      let low = 0;
      let high = list.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const item = list[mid] as Y.Item;
        if (id.clock < item.id.clock) high = mid - 1;
        else if (id.clock >= item.id.clock + item.length) low = mid + 1;
        else return { struct: item, inUpdate: true };
      }
    }
    if (id.clock >= Y.getState(this.doc.store, id.client)) return null;
    return { struct: Y.getItem(this.doc.store, id) as Y.Item | Y.GC, inUpdate: false };
  }

  /**
   * Where an item of the update goes. Neighbours inside the update are followed iteratively; each
   * answer is remembered, so a long chain (a pasted page) costs one step per item.
   */
  placeOf(item: Y.Item): Place {
    const known = this.placesMap?.get(item);
    if (known !== undefined) return known;
    // Most items are placed in one step (a keystroke's neighbour is in the document): no chain to walk.
    const first = this.step(item);
    if (!(first instanceof Y.Item)) {
      // Remembered only when something may ask again: another item of the update (or the type it makes).
      if (this.items > 1 || item.content instanceof Y.ContentType) this.places.set(item, first);
      return first;
    }
    const waiting: Y.Item[] = [item];
    const waitingSet = new Set<Y.Item>(waiting);
    while (waiting.length > 0) {
      const current = waiting[waiting.length - 1] as Y.Item;
      const step = this.step(current);
      if (step instanceof Y.Item) {
        if (waitingSet.has(step)) {
          // A cycle of neighbours cannot come from Yjs; nothing of it will ever be placed.
          for (const stuck of waiting) this.places.set(stuck, 'unknown');
          break;
        }
        waiting.push(step);
        waitingSet.add(step);
        continue;
      }
      this.places.set(current, step);
      waiting.pop();
      waitingSet.delete(current);
    }
    return this.places.get(item) as Place;
  }

  /** The holder an item of the update makes (when it holds a type), or null when it has no place. */
  holderOfNewType(item: Y.Item): Holder | null {
    this.newTypes ??= new Map();
    if (this.newTypes.has(item)) return this.newTypes.get(item) as Holder | null;
    const place = this.placeOf(item);
    const holder =
      typeof place === 'string' || !(item.content instanceof Y.ContentType)
        ? null
        : holderBelow(place.holder, item.content.type, place.key, item.id);
    this.newTypes.set(item, holder);
    return holder;
  }

  /**
   * One step of placing an item: its place, when it can be told now, or the update's item whose place
   * it takes (still to be found).
   */
  private step(item: Y.Item): Place | Y.Item {
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return { holder: this.root(parent), key: item.parentSub };
    if (parent instanceof Y.ID) {
      const found = this.find(parent);
      if (!found) {
        const accepted = this.unapplied?.find(parent);
        return accepted?.typeHolder ? { holder: accepted.typeHolder, key: item.parentSub } : 'unknown';
      }
      const type = found.struct;
      if (!(type instanceof Y.Item) || !(type.content instanceof Y.ContentType)) return 'discarded';
      if (found.inUpdate) {
        const typePlace = this.placesMap?.get(type);
        if (typePlace === undefined) return type;
        if (typeof typePlace === 'string') return typePlace;
        return { holder: this.holderOfNewType(type) as Holder, key: item.parentSub };
      }
      return { holder: this.holderOfType(type.content.type), key: item.parentSub };
    }
    const left = item.origin ? this.find(item.origin) : null;
    const right = item.rightOrigin ? this.find(item.rightOrigin) : null;
    // A neighbour accepted and not applied yet (typically the keystroke before): its place is kept.
    const acceptedLeft = item.origin && !left ? (this.unapplied?.find(item.origin) ?? null) : null;
    const acceptedRight =
      item.rightOrigin && !right ? (this.unapplied?.find(item.rightOrigin) ?? null) : null;
    if ((item.origin && !left && !acceptedLeft) || (item.rightOrigin && !right && !acceptedRight))
      return 'unknown';
    if (left?.struct instanceof Y.GC || right?.struct instanceof Y.GC) return 'discarded';
    if (!left && acceptedLeft) return acceptedLeft.place ?? 'unknown';
    if (!left && !right && acceptedRight) return acceptedRight.place ?? 'unknown';
    const neighbour = (left ?? right) as { struct: Y.Item; inUpdate: boolean } | null;
    if (!neighbour) return 'unknown';
    if (neighbour.inUpdate) {
      const place = this.placesMap?.get(neighbour.struct);
      return place === undefined ? neighbour.struct : place;
    }
    const held = neighbour.struct;
    return { holder: this.holderOfType(held.parent as Y.AbstractType<unknown>), key: held.parentSub };
  }
}
