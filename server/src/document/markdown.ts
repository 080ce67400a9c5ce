/**
 * A meeting document as Markdown: speakers, reflections with the responses under them, the plan with
 * who agrees and who sees it differently, "not yet known", the next meeting, and marks on text added
 * after the meeting was closed. Read straight from the Yjs types (names from shared/schema).
 */
import {
  type AttendanceEntry,
  DocumentTypes,
  MarkNames,
  MetaKeys,
  type NextMeeting,
  NodeNames,
} from '@polyphony/shared';
import * as Y from 'yjs';

type Person = { id?: string; name?: string };

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, Record<string, unknown> | undefined>;
}

const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');

/** A readable date and time in UTC, e.g. "22 Nov 2026, 10:14". */
export function readableTime(iso: unknown): string {
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return String(iso ?? '');
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
}

function inline(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== 'string') continue;
    let piece = escapeMarkdown(op.insert);
    const marks = op.attributes ?? {};
    if (marks.bold) piece = `**${piece}**`;
    if (marks.italic) piece = `*${piece}*`;
    const later = marks[MarkNames.laterAddition];
    if (later)
      piece = `${piece} _(added later by ${later.authorName ?? 'someone'}, ${readableTime(later.at)})_`;
    out += piece;
  }
  return out;
}

/** The Markdown of the children of an element: paragraphs, headings, lists, nested blocks. */
function blocks(node: Y.XmlElement | Y.XmlFragment, indent = ''): string[] {
  const lines: string[] = [];
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      const text = inline(child);
      if (text) lines.push(indent + text);
      continue;
    }
    if (!(child instanceof Y.XmlElement)) continue;
    switch (child.nodeName) {
      case 'paragraph':
        lines.push(indent + blocks(child).join(' '));
        break;
      case 'heading':
        lines.push(`${indent}### ${blocks(child).join(' ')}`);
        break;
      case 'bulletList':
      case 'orderedList':
        for (const item of child.toArray()) {
          if (item instanceof Y.XmlElement) lines.push(`${indent}- ${blocks(item).join(' ')}`);
        }
        break;
      case NodeNames.voice:
        lines.push(...voice(child, indent));
        break;
      case NodeNames.reflection:
        lines.push(...reflection(child));
        break;
      case NodeNames.planItem:
        lines.push(planItem(child));
        break;
      case NodeNames.openQuestion:
        lines.push(question(child));
        break;
      default:
        lines.push(indent + blocks(child).join(' '));
    }
  }
  return lines.filter((line) => line.trim() !== '');
}

const attr = (element: Y.XmlElement, name: string) => element.getAttribute(name) as unknown;
const text = (element: Y.XmlElement) => blocks(element).join(' ');
const names = (value: unknown) =>
  Array.isArray(value) ? (value as Person[]).map((person) => person.name ?? '').filter(Boolean) : [];

function voice(element: Y.XmlElement, indent: string): string[] {
  const speaker = String(attr(element, 'speakerName') ?? 'Someone');
  const typist = attr(element, 'typistName');
  const by = typist ? ` (typed by ${typist} for ${speaker})` : '';
  return [`${indent}**${escapeMarkdown(speaker)}**${by}: ${text(element)}`];
}

function reflection(element: Y.XmlElement): string[] {
  const author = String(attr(element, 'authorName') ?? 'The team');
  const own = element
    .toArray()
    .filter((child) => !(child instanceof Y.XmlElement && child.nodeName === NodeNames.response));
  const body = own
    .map((child) =>
      child instanceof Y.XmlElement ? text(child) : child instanceof Y.XmlText ? inline(child) : '',
    )
    .join(' ');
  const lines = [`> *${escapeMarkdown(author)} reflects:* ${body}`];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === NodeNames.response) {
      lines.push(
        `>`,
        `> - **${escapeMarkdown(String(attr(child, 'authorName') ?? 'Someone'))} responds:** ${text(child)}`,
      );
    }
  }
  lines.push('');
  return lines;
}

function planItem(element: Y.XmlElement): string {
  const done = attr(element, 'status') === 'done';
  const details = [
    attr(element, 'proposedByName') ? `proposed by ${attr(element, 'proposedByName')}` : '',
    names(attr(element, 'agrees')).length ? `agrees: ${names(attr(element, 'agrees')).join(', ')}` : '',
    names(attr(element, 'differs')).length
      ? `sees it differently: ${names(attr(element, 'differs')).join(', ')}`
      : '',
    attr(element, 'doerName') ? `who does it: ${attr(element, 'doerName')}` : '',
    attr(element, 'byWhen') ? `by when: ${attr(element, 'byWhen')}` : '',
  ].filter(Boolean);
  return `- [${done ? 'x' : ' '}] ${text(element)}${details.length ? ` — ${details.join('; ')}` : ''}`;
}

function question(element: Y.XmlElement): string {
  const closed = attr(element, 'status') === 'closed';
  const by = attr(element, 'raisedByName') ? ` (raised by ${attr(element, 'raisedByName')})` : '';
  return `- ${text(element)}${by}${closed ? ' — closed' : ''}`;
}

/** What the heading of an exported meeting says. */
export interface MeetingHeading {
  number: number;
  title: string;
  centreName: string;
  createdAt: string;
  closedAt: string | null;
}

/** The whole meeting as Markdown. */
export function meetingMarkdown(doc: Y.Doc, meeting: MeetingHeading): string {
  const meta = doc.getMap(DocumentTypes.meta);
  const out: string[] = [
    `# Meeting ${meeting.number}: ${escapeMarkdown(String(meta.get(MetaKeys.title) ?? meeting.title))}`,
    '',
    `Network of ${escapeMarkdown(meeting.centreName)} · started ${readableTime(meeting.createdAt)}` +
      (meeting.closedAt ? ` · closed ${readableTime(meeting.closedAt)}` : ' · open'),
    '',
  ];
  const attendance = [...doc.getMap<AttendanceEntry>(DocumentTypes.attendance).values()];
  if (attendance.length > 0) {
    out.push(
      `Present: ${attendance
        .map(
          (entry) =>
            `${escapeMarkdown(entry.name)}${entry.relation ? ` (${escapeMarkdown(entry.relation)})` : ''}, ${entry.where}`,
        )
        .join('; ')}`,
      '',
    );
  }
  const section = (heading: string, name: string, empty: string) => {
    const lines = blocks(doc.getXmlFragment(name));
    out.push(`## ${heading}`, '', ...(lines.length ? lines : [`_${empty}_`]), '');
  };
  section('What people said', DocumentTypes.dialogue, 'Nothing written.');
  section('Reflections', DocumentTypes.reflections, 'No reflections written.');
  section(
    'Plan',
    DocumentTypes.plan,
    meta.get(MetaKeys.noDecisionsToday) ? 'No decisions today.' : 'No plan items.',
  );
  if (meta.get(MetaKeys.noDecisionsToday) && blocks(doc.getXmlFragment(DocumentTypes.plan)).length > 0) {
    out.splice(out.length - 1, 0, '_No decisions today._');
  }
  section('Not yet known', DocumentTypes.openQuestions, 'No open questions.');
  const next = meta.get(MetaKeys.nextMeeting) as NextMeeting | undefined;
  out.push('## Next meeting', '');
  if (next) {
    const when = next.when === 'when_needed' ? 'When needed' : readableTime(next.when);
    out.push(`${when}${next.convenerName ? `, convened by ${escapeMarkdown(next.convenerName)}` : ''}`, '');
  } else {
    out.push('_Not agreed yet._', '');
  }
  return out.join('\n');
}
