/**
 * Whether one new piece of content may go where an update puts it, by the shared schema: plain values
 * of the right types in `meta` and `attendance`, each person's own entry in `users`, and in the
 * rich-text sections the blocks, attributes and marks of the editors' schema, nested no deeper than
 * MAX_NESTING_DEPTH. Top-level types the schema does not name are only kept shallow: nothing reads them.
 */
import {
  DocumentTypes,
  isAttendanceEntry,
  isEncodedDeleteSet,
  isIsoTime,
  isShortText,
  MAX_NESTING_DEPTH,
  MAX_PEOPLE_PER_LIST,
  MAX_UNKNOWN_META_JSON,
  META_RULES,
  NodeNames,
  SECTIONS,
  type SectionName,
  UserEntryKeys,
} from '@polyphony/shared';
import type { AttributeKind, SectionRules } from '@polyphony/shared/rules';
import * as Y from 'yjs';
import type { Holder } from './placement.js';

/** The content of an item (Yjs does not export its base class). */
type Content = Y.Item['content'];

/** The person behind a socket, as the server knows them. */
export interface Writer {
  participantId: string;
  name: string;
  relation: string;
  role: string;
  /** Their colour in the network, when the server knows it (presence shows it). */
  colour?: string;
}

/** What an accepted update asks of the server afterwards. */
export interface Effects {
  /** Client ids the writer lists in their own `users` entry. */
  listedIds: number[];
  /** Voice blocks whose speaker or typist the writer set: their typist is checked once applied. */
  voiceBlocks: Y.ID[];
}

/** The attributes of a voice block that say whose words they are and who typed them. */
export const VOICE_IDENTITY = new Set(['speakerId', 'speakerName', 'typistId', 'typistName']);

const SECTION_NAMES = new Set<string>(SECTIONS);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPeople(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > MAX_PEOPLE_PER_LIST) return false;
  return value.every(
    (person) =>
      isPlainObject(person) &&
      isShortText(person.id) &&
      isShortText(person.name) &&
      Object.values(person).every((field) => isShortText(field)),
  );
}

/** Whether an attribute value is of its kind (null: the attribute is unset). */
export function isAttributeValue(kind: AttributeKind, value: unknown): boolean {
  if (value === null) return true;
  if (typeof kind === 'object') return kind.oneOf.includes(value as string);
  switch (kind) {
    case 'text':
      return isShortText(value);
    case 'time':
      return value === '' || isIsoTime(value);
    case 'number':
      return Number.isSafeInteger(value) && Math.abs(value as number) <= 1_000_000;
    case 'people':
      return isPeople(value);
  }
}

/** The one value of a map entry or attribute, or undefined when the content is not one plain value. */
function singleValue(content: Content): unknown {
  if (content instanceof Y.ContentAny && content.arr.length === 1) return content.arr[0];
  return undefined;
}

function isDeleted(content: Content): boolean {
  return content instanceof Y.ContentDeleted;
}

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Where new content is going, and what it is. */
export interface NewContent {
  holder: Holder;
  key: string | null;
  content: Content;
  /** How much of the content the document already holds (a partly re-sent item). */
  offset: number;
  id: Y.ID;
}

/**
 * Check one piece of new content from `writer`. Returns why it is refused, or null; records in
 * `effects` what must follow once the update is accepted.
 */
export function refusalOf(
  item: NewContent,
  writer: Writer,
  rules: SectionRules,
  effects: Effects,
): string | null {
  const { holder } = item;
  switch (holder.root) {
    case DocumentTypes.meta:
      return metaRefusal(item);
    case DocumentTypes.attendance:
      return attendanceRefusal(item, writer);
    case DocumentTypes.users:
      return usersRefusal(item, writer, effects);
    case DocumentTypes.laterChanges:
      // The record of changes after closing is the server's word, never a browser's.
      return 'laterChanges is written by the server only';
    default:
      if (SECTION_NAMES.has(holder.root)) return sectionRefusal(item, rules, effects);
      // Nothing reads other top-level types; they are only kept from nesting without end.
      if (item.content instanceof Y.ContentType && holder.level + 1 > MAX_NESTING_DEPTH) {
        return 'nested too deep';
      }
      return null;
  }
}

function metaRefusal({ holder, key, content }: NewContent): string | null {
  if (holder.kind !== 'root' || key === null) return 'meta holds plain values under keys';
  const rule = META_RULES[key];
  if (rule?.serverOnly) return `meta.${key} is written by the server only`;
  if (isDeleted(content)) return null;
  const value = singleValue(content);
  if (value === undefined) return `meta.${key} is not a plain value`;
  if (rule) return rule.valid(value) ? null : `meta.${key} is not well-formed`;
  return jsonLength(value) <= MAX_UNKNOWN_META_JSON ? null : `meta.${key} is too large`;
}

function attendanceRefusal({ holder, key, content }: NewContent, writer: Writer): string | null {
  if (holder.kind !== 'root' || key === null) return 'attendance holds one entry per person';
  if (key !== writer.participantId) return 'attendance of someone else';
  if (isDeleted(content)) return null;
  const entry = singleValue(content) as Record<string, unknown> | undefined;
  if (!isAttendanceEntry(entry)) return 'attendance entry is not well-formed';
  const own = entry as Record<string, unknown>;
  if (own.name !== writer.name || own.relation !== writer.relation || own.role !== writer.role) {
    return 'attendance entry names someone else';
  }
  return null;
}

function usersRefusal(item: NewContent, writer: Writer, effects: Effects): string | null {
  const { holder, key, content, offset } = item;
  // users → participant → { ids, ds }: a person writes only their own entry.
  const owner = holder.level === 0 ? key : holder.topKey;
  if (owner !== writer.participantId) return 'users entry of someone else';
  const deleted = isDeleted(content);
  if (holder.level === 0) {
    if (deleted || (content instanceof Y.ContentType && content.type instanceof Y.Map)) return null;
    return 'users entry is not a map';
  }
  if (holder.level === 1 && holder.kind === 'map') {
    const isList = key === UserEntryKeys.ids || key === UserEntryKeys.deletions;
    if (!isList) return 'users entry has an unknown key';
    if (deleted || (content instanceof Y.ContentType && content.type instanceof Y.Array)) return null;
    return 'users entry list is not a list';
  }
  if (holder.level === 2 && holder.kind === 'array' && key === null) {
    if (deleted) return null;
    if (holder.key === UserEntryKeys.ids) {
      if (!(content instanceof Y.ContentAny)) return 'users ids are not numbers';
      const ids = content.arr.slice(offset);
      if (!ids.every((id) => Number.isSafeInteger(id) && (id as number) >= 0)) return 'users ids are not ids';
      effects.listedIds.push(...(ids as number[]));
      return null;
    }
    if (holder.key === UserEntryKeys.deletions) {
      return content instanceof Y.ContentBinary && isEncodedDeleteSet(content.content)
        ? null
        : 'users deletions are not delete sets';
    }
  }
  return 'users entry is not in the PermanentUserData layout';
}

function sectionRefusal(item: NewContent, rules: SectionRules, effects: Effects): string | null {
  const { holder, key, content, id } = item;
  if (isDeleted(content)) return null;
  if (holder.kind === 'root') {
    if (key !== null) return 'a section has no attributes';
    const allowed = rules.sections.get(holder.root as SectionName);
    return elementRefusal(content, allowed, holder, effects, id) ?? null;
  }
  if (holder.kind === 'element') {
    const node = rules.nodes.get(holder.nodeName ?? '');
    if (!node) return `unknown block ${holder.nodeName}`;
    if (key !== null) {
      const kind = node.attributes.get(key);
      if (!kind) return `unknown attribute ${holder.nodeName}.${key}`;
      const value = singleValue(content);
      if (value === undefined || !isAttributeValue(kind, value)) {
        return `attribute ${holder.nodeName}.${key} is not well-formed`;
      }
      if (holder.nodeName === NodeNames.voice && VOICE_IDENTITY.has(key) && holder.id) {
        effects.voiceBlocks.push(holder.id);
      }
      return null;
    }
    if (content instanceof Y.ContentType && content.type instanceof Y.XmlText) {
      return node.text ? null : `text directly in ${holder.nodeName}`;
    }
    return elementRefusal(content, node.children, holder, effects, id);
  }
  if (holder.kind === 'text') {
    if (key !== null) return 'text has no attributes';
    if (content instanceof Y.ContentString) return null;
    if (content instanceof Y.ContentFormat) return markRefusal(content, rules);
    return 'text holds only characters and marks';
  }
  return 'a section holds only blocks and text';
}

function elementRefusal(
  content: Content,
  allowed: ReadonlySet<string> | undefined,
  holder: Holder,
  effects: Effects,
  id: Y.ID,
): string | null {
  if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.XmlElement)) {
    return `loose content in ${holder.nodeName ?? holder.root}`;
  }
  const name = content.type.nodeName;
  if (!allowed?.has(name)) return `${name} is not allowed in ${holder.nodeName ?? holder.root}`;
  if (holder.depth + 1 > MAX_NESTING_DEPTH) return 'blocks nested too deep';
  if (name === NodeNames.voice) effects.voiceBlocks.push(id);
  return null;
}

function markRefusal(format: Y.ContentFormat, rules: SectionRules): string | null {
  // y-prosemirror names a mark that may overlap itself "name--hash".
  const name = format.key.split('--')[0] as string;
  const mark = rules.marks.get(name);
  if (!mark) return `unknown mark ${format.key}`;
  const value: unknown = format.value;
  if (value === null) return null;
  if (!isPlainObject(value)) return `mark ${name} is not well-formed`;
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const kind = mark.attributes.get(attribute);
    if (!kind || !isAttributeValue(kind, attributeValue))
      return `mark ${name}.${attribute} is not well-formed`;
  }
  return null;
}
