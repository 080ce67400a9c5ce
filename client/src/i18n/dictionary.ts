/**
 * The shape of a dictionary, read from English (`en.ts`): its keys, and the parameters each message
 * takes. Kept apart from `index.ts` so that a language's file can name its type without importing the
 * module that loads it (which was an import circle).
 */
import type { en } from './en';
import type { Placeholders, Plural } from './format';

/** A key of the dictionaries. */
export type MessageKey = keyof typeof en;

type English<K extends MessageKey> = (typeof en)[K];

/** A dictionary: every English key; plain text where English is plain, plural forms where it has them. */
export type Dictionary = { readonly [K in MessageKey]: English<K> extends string ? string : Plural };

type Texts<M> = M extends string ? M : M[keyof M];

/** The parameters a message takes: its English placeholders, and `count` for plural messages. */
export type ParamName<K extends MessageKey> =
  | Placeholders<Texts<English<K>>>
  | (English<K> extends string ? never : 'count');

/** A key whose message takes no parameters (for states kept as keys, like the save status). */
export type PlainMessageKey = { [K in MessageKey]: [ParamName<K>] extends [never] ? K : never }[MessageKey];

/** The parameters argument of `t` or `tx` for a key: none, or a value for every placeholder. */
export type ParamsArg<K extends MessageKey, V> = [ParamName<K>] extends [never]
  ? []
  : [params: Readonly<Record<ParamName<K>, V>>];
