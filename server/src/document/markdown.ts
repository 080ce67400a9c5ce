/**
 * A meeting document as Markdown: speakers, reflections with the responses under them, the plan with
 * who agrees and who sees it differently, "not yet known", the next meeting, and marks on text added
 * after the meeting was closed. Each block is read as the editors' schema sees it (shared/schema/blocks:
 * its node, its declared attributes, its marks); a node the editors do not have is written as its text.
 *
 * The fixed words are in the reader's language, the same words the client shows around the document
 * (shared/src/i18n/meetingWords); dates in that language's format, in UTC. What people wrote is
 * never translated.
 */
import {
  DocumentTypes,
  dateLocale,
  elementKey,
  isWhenNeeded,
  type Language,
  MAX_NESTING_DEPTH,
  MarkNames,
  type MeetingText,
  MetaKeys,
  meetingText,
  NodeNames,
  peopleText,
  readAttendance,
  readNextMeeting,
  readPeople,
  readText,
  type Where,
} from '@polyphony/shared';
import { readBlock, readMarks, type SchemaBlock } from '@polyphony/shared/blocks';
import * as Y from 'yjs';
import { indexLaterChanges, type LaterIndex, laterChangeLines } from './laterChangesMarkdown.js';
import { childrenOf, textOf } from './meetingDocument.js';

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * A readable date and time in UTC in a language, with the zone said: "22 Nov 2026, 10:14 UTC" or
 * "22.11.2026 klo 10.14 UTC" (a reader elsewhere must not take it for their own clock).
 */
export function readableTime(iso: unknown, language: Language = 'en'): string {
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return String(iso ?? '');
  let format = dateFormats.get(language);
  if (!format) {
    // English as the export has always written it (day month year, 24 hours); the others by their own rules.
    format = new Intl.DateTimeFormat(dateLocale(language), {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      // The server knows no one's time zone: UTC, and the time says so.
      timeZone: 'UTC',
      timeZoneName: 'short',
    });
    dateFormats.set(language, format);
  }
  return format.format(new Date(iso));
}

/** What writing in one language needs: its words and its dates (and the document's later changes). */
interface Writer {
  t: MeetingText;
  time: (iso: unknown) => string;
  later: LaterIndex;
}

/** The changes after the meeting to one plan item or question, as list items under it. */
function laterLines(element: Y.XmlElement, w: Writer): string[] {
  const changes = w.later.byItem.get(elementKey(element) ?? '');
  return changes ? laterChangeLines(changes, { ...w, own: escapeMarkdown }, '  ') : [];
}

function inline(text: Y.XmlText, w: Writer): string {
  let out = '';
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== 'string') continue;
    let piece = escapeMarkdown(op.insert);
    const marks = readMarks(op.attributes);
    if (marks.bold) piece = `**${piece}**`;
    if (marks.italic) piece = `*${piece}*`;
    const later = marks[MarkNames.laterAddition];
    if (later) {
      const by = w.t('block.addedLater', {
        name: escapeMarkdown(readText(later.authorName) || w.t('common.someoneLower')),
      });
      piece = `${piece} _(${by}, ${w.time(later.at)})_`;
    }
    out += piece;
  }
  return out;
}

/**
 * The Markdown of the children of an element: paragraphs, headings, lists, nested blocks. Each block
 * inside another is one level deeper; below MAX_NESTING_DEPTH (deeper than the server lets anyone write,
 * so only in a document stored before it checked) the rest is written as its plain text, without the
 * recursion that would run out of stack on tens of thousands of levels.
 */
function blocks(node: Y.XmlElement | Y.XmlFragment, w: Writer, indent: string, depth: number): string[] {
  if (depth > MAX_NESTING_DEPTH) {
    const flat = escapeMarkdown(textOf(node));
    return flat.trim() ? [indent + flat] : [];
  }
  const inner = depth + 1;
  const lines: string[] = [];
  for (const child of childrenOf(node)) {
    if (child instanceof Y.XmlText) {
      const text = inline(child, w);
      if (text) lines.push(indent + text);
      continue;
    }
    // A string stored straight into a block (no editor writes one) is still someone's text.
    if (typeof child === 'string') {
      lines.push(indent + escapeMarkdown(child));
      continue;
    }
    if (!(child instanceof Y.XmlElement)) continue;
    const block = readBlock(child);
    // A node the editors do not have: whatever it holds, written as any other block's content.
    switch (block.known ? block.name : undefined) {
      case 'paragraph':
        lines.push(indent + blocks(child, w, '', inner).join(' '));
        break;
      case 'heading':
        lines.push(`${indent}### ${blocks(child, w, '', inner).join(' ')}`);
        break;
      case 'bulletList':
      case 'orderedList':
        for (const item of child.toArray()) {
          if (item instanceof Y.XmlElement)
            lines.push(`${indent}- ${blocks(item, w, '', inner + 1).join(' ')}`);
        }
        break;
      case NodeNames.voice:
        lines.push(...voice(child, block.attrs, w, indent, inner));
        break;
      case NodeNames.reflection:
        lines.push(...reflection(child, block.attrs, w, inner));
        break;
      case NodeNames.planItem:
        lines.push(planItem(child, block.attrs, w, inner), ...laterLines(child, w));
        break;
      case NodeNames.openQuestion:
        lines.push(question(child, block.attrs, w, inner), ...laterLines(child, w));
        break;
      default:
        lines.push(indent + blocks(child, w, '', inner).join(' '));
    }
  }
  return lines.filter((line) => line.trim() !== '');
}

/** A block's attributes as the editors' schema declares them. */
type Attrs = SchemaBlock['attrs'];
/** A name written in the document (a person's own), as Markdown text. */
const nameAttr = (attrs: Attrs, name: string) => escapeMarkdown(readText(attrs[name]));
const text = (element: Y.XmlElement, w: Writer, depth: number) => blocks(element, w, '', depth).join(' ');
const names = (value: unknown) =>
  readPeople(value)
    .map((person) => escapeMarkdown(person.name))
    .filter(Boolean);

function voice(element: Y.XmlElement, attrs: Attrs, w: Writer, indent: string, depth: number): string[] {
  const speaker = nameAttr(attrs, 'speakerName') || w.t('common.someone');
  const typist = nameAttr(attrs, 'typistName');
  const by = typist ? ` (${w.t('block.typedFor', { typist, speaker })})` : '';
  // Each paragraph the speaker said stays a paragraph of its own (a blank line between them).
  const [first = '', ...more] = blocks(element, w, '', depth);
  return [[`${indent}**${speaker}**${by}: ${first}`, ...more.map((line) => indent + line)].join(`\n\n`)];
}

/** Whether a child of a reflection is a response to it. */
const isResponse = (child: unknown): child is Y.XmlElement =>
  child instanceof Y.XmlElement && readBlock(child).known && readBlock(child).name === NodeNames.response;

function reflection(element: Y.XmlElement, attrs: Attrs, w: Writer, depth: number): string[] {
  const author = nameAttr(attrs, 'authorName') || w.t('block.someoneOfTeam');
  const own = element.toArray().filter((child) => !isResponse(child));
  const body = own
    .map((child) =>
      child instanceof Y.XmlElement
        ? text(child, w, depth + 1)
        : child instanceof Y.XmlText
          ? inline(child, w)
          : '',
    )
    .join(' ');
  // "Maria wonders… I wonder whether…": tentative, as the page shows it.
  const lines = [`> *${author}${w.t('block.wonders')}* ${body}`];
  for (const child of element.toArray()) {
    if (isResponse(child)) {
      const responder = nameAttr(readBlock(child).attrs, 'authorName') || w.t('common.someone');
      lines.push(`>`, `> - **${w.t('block.responseFrom')}${responder}** — ${text(child, w, depth + 1)}`);
    }
  }
  // One block of its own: the quote and its responses stay together, apart from the next reflection.
  return [lines.join('\n')];
}

/** "from meeting 1" for an item carried over from an earlier meeting; nothing otherwise. */
function fromMeeting(attrs: Attrs, w: Writer): string {
  const n = Number(readText(attrs.fromMeeting));
  return Number.isSafeInteger(n) && n >= 1 ? w.t('block.fromMeeting', { n }) : '';
}

function planItem(element: Y.XmlElement, attrs: Attrs, w: Writer, depth: number): string {
  const done = attrs.status === 'done';
  const proposer = nameAttr(attrs, 'proposedByName');
  const agrees = names(attrs.agrees);
  // "Sees it differently" with each person's view in their own words, when they gave it.
  const differing = readPeople(attrs.differs);
  const differs = differing.length ? [peopleText(differing, { ...w, own: escapeMarkdown })] : [];
  const doer = nameAttr(attrs, 'doerName');
  const byWhen = nameAttr(attrs, 'byWhen');
  const details = [
    fromMeeting(attrs, w),
    proposer ? w.t('block.proposedByTitle', { name: proposer }) : '',
    agrees.length ? `${w.t('plan.agrees')} ${agrees.join(', ')}` : '',
    differs.length ? `${w.t('plan.seesDifferently')} ${differs.join(', ')}` : '',
    doer ? `${w.t('plan.whoDoesItColon')} ${doer}` : '',
    byWhen ? `${w.t('plan.byWhenColon')} ${byWhen}` : '',
  ].filter(Boolean);
  return `- [${done ? 'x' : ' '}] ${text(element, w, depth)}${details.length ? ` — ${details.join('; ')}` : ''}`;
}

function question(element: Y.XmlElement, attrs: Attrs, w: Writer, depth: number): string {
  const closed = attrs.status === 'closed';
  const raiser = nameAttr(attrs, 'raisedByName');
  const from = fromMeeting(attrs, w);
  const by = raiser
    ? ` (${w.t('block.raisedByTitle', { name: raiser })}${from ? `, ${from}` : ''})`
    : from
      ? ` (${from})`
      : '';
  return `- ${text(element, w, depth)}${by}${closed ? w.t('block.closed') : ''}`;
}

const WHERE = {
  room: 'print.where.room',
  remote: 'print.where.remote',
  phone: 'print.where.phone',
} as const satisfies Record<Where, string>;

/** Whether a line belongs to a list: an item ("- …") or a line under one ("  - …"). */
const inList = (line: string) => /^(\s+|- )/.test(line);

/**
 * The blocks of a section with a blank line between them, so that a Markdown reader keeps each
 * paragraph, voice and reflection apart; the items of one list stay together.
 */
function apart(lines: string[]): string[] {
  const out: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (i > 0 && !(inList(line) && inList(lines[i - 1] as string))) out.push('');
    out.push(line);
  }
  return out;
}

/** What the heading of an exported meeting says. */
export interface MeetingHeading {
  number: number;
  title: string;
  centreName: string;
  createdAt: string;
  closedAt: string | null;
  /** Who let each newcomer in (participant id → name), said beside them on the "Present" line. */
  admittedBy?: Readonly<Record<string, string>>;
  /**
   * Observers who were at the meeting. They only listen, so their browsers write nothing into the
   * document's attendance: the server's own record of who attended says they were there.
   */
  listening?: readonly { id: string; name: string; relation: string }[];
}

/** The title of a whole network's export: "# Anna’s network", in the reader's language. */
export function networkMarkdownTitle(centreName: string, language: Language = 'en'): string {
  return `# ${meetingText(language)('network.of', { name: escapeMarkdown(centreName) })}`;
}

/** The whole meeting as Markdown, its fixed words in the reader's language (English by default). */
export function meetingMarkdown(doc: Y.Doc, meeting: MeetingHeading, language: Language = 'en'): string {
  const w: Writer = {
    t: meetingText(language),
    // A time that is not one is written as the text it is, escaped like any other stored text.
    time: (iso) => escapeMarkdown(readableTime(iso, language)),
    later: indexLaterChanges(doc),
  };
  const { t } = w;
  const writing = { ...w, own: escapeMarkdown };
  const meta = doc.getMap(DocumentTypes.meta);
  const out: string[] = [
    `# ${t('network.meetingTitle', {
      n: meeting.number,
      title: escapeMarkdown(readText(meta.get(MetaKeys.title)) || meeting.title),
    })}`,
    '',
    `${t('network.of', { name: escapeMarkdown(meeting.centreName) })} · ${w.time(meeting.createdAt)}` +
      (meeting.closedAt ? t('print.closed', { when: w.time(meeting.closedAt) }) : t('print.stillOpen')),
    '',
  ];
  const attendance: [string, { name: string; relation: string; role: string; where: Where | null }][] =
    Object.entries(readAttendance(doc.getMap<unknown>(DocumentTypes.attendance).entries()));
  for (const observer of meeting.listening ?? []) {
    if (!attendance.some(([id]) => id === observer.id))
      attendance.push([observer.id, { ...observer, role: 'observer', where: null }]);
  }
  if (attendance.length > 0) {
    out.push(
      `${t('print.present')} ${attendance
        .map(([id, entry]) => {
          const by = meeting.admittedBy?.[id];
          return (
            `${escapeMarkdown(entry.name)}${entry.relation ? ` (${escapeMarkdown(entry.relation)})` : ''}` +
            (entry.where ? `, ${t(WHERE[entry.where])}` : '') +
            // An observer is there by agreement and only listens: the record says so.
            (entry.role === 'observer' ? `, ${t('print.listening')}` : '') +
            (by ? `, ${t('print.letInBy', { name: escapeMarkdown(by) })}` : '')
          );
        })
        .join('; ')}`,
      '',
    );
  }
  const section = (heading: string, name: string, empty: string) => {
    const lines = blocks(doc.getXmlFragment(name), w, '', 0);
    out.push(`## ${heading}`, '', ...(lines.length ? apart(lines) : [`_${empty}_`]), '');
  };
  const nothing = t('section.nothingWritten');
  const noDecisions = Boolean(meta.get(MetaKeys.noDecisionsToday));
  section(t('section.dialogue.heading'), DocumentTypes.dialogue, nothing);
  section(t('section.reflections.heading'), DocumentTypes.reflections, nothing);
  section(t('section.plan.heading'), DocumentTypes.plan, noDecisions ? t('plan.noDecisionsToday') : nothing);
  if (noDecisions && blocks(doc.getXmlFragment(DocumentTypes.plan), w, '', 0).length > 0) {
    out.splice(out.length - 1, 0, `_${t('plan.noDecisionsToday')}_`);
  }
  // Changed after the meeting: "no decisions today", and plan items no longer in the plan.
  const planLater = [...w.later.noDecisionsToday, ...w.later.elsewhere.plan];
  if (planLater.length) out.splice(out.length - 1, 0, '', ...laterChangeLines(planLater, writing));
  section(t('section.openQuestions.heading'), DocumentTypes.openQuestions, nothing);
  if (w.later.elsewhere.openQuestions.length) {
    out.splice(out.length - 1, 0, '', ...laterChangeLines(w.later.elsewhere.openQuestions, writing));
  }
  const next = readNextMeeting(meta.get(MetaKeys.nextMeeting));
  out.push(`## ${t('plan.nextMeeting')}`, '');
  // Worded as the page shows it: "When it is needed. Maria will call it together."
  const summary = !next?.when
    ? `_${t('plan.notAgreedYet')}_`
    : isWhenNeeded(next.when)
      ? t('plan.whenNeeded')
      : `${w.time(next.when)}${next.convenerName ? '.' : ''}`;
  const convener = next?.convenerName ? t('plan.willCall', { name: escapeMarkdown(next.convenerName) }) : '';
  out.push(`${summary}${convener}`, '');
  if (w.later.nextMeeting.length) out.push(...laterChangeLines(w.later.nextMeeting, writing), '');
  return out.join('\n');
}
