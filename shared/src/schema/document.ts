/**
 * The meeting document: one Yjs document per meeting. Each section is its own Yjs type so that each can
 * be bound to its own TipTap editor. These names are part of the wire format: renaming one is a schema
 * change and must bump PROTOCOL_VERSION.
 */

/** Names of the top-level Yjs types of a meeting document. */
export const DocumentTypes = {
  /** Y.Map: title, start time, phase, open/closed, next meeting, "no decisions today". */
  meta: 'meta',
  /** Y.Map: participant id → how they wish to be called, relation, role, where they are. */
  attendance: 'attendance',
  /** Y.XmlFragment: what people said, in their own words. */
  dialogue: 'dialogue',
  /** Y.XmlFragment: the reflecting team's reflections, with the network's responses. */
  reflections: 'reflections',
  /** Y.XmlFragment: plan items, which may hold disagreement side by side. */
  plan: 'plan',
  /** Y.XmlFragment: "not yet known" questions carried to the next meeting. */
  openQuestions: 'openQuestions',
  /** Y.PermanentUserData: Yjs client ids → participant, so every insertion is attributable. */
  users: 'users',
  /**
   * Y.Array of plain objects (laterChanges.ts): each change made after closing to what was agreed — the
   * plan, "no decisions today", the next meeting, the open questions —, with who, when and what it was.
   * Written by the server only.
   */
  laterChanges: 'laterChanges',
} as const;

/** The sections that are rich-text fragments, in the order a meeting shows them. */
export const SECTIONS = ['dialogue', 'reflections', 'plan', 'openQuestions'] as const;

/** One rich-text section of the meeting document. */
export type SectionName = (typeof SECTIONS)[number];

/** Keys of the `meta` map. */
export const MetaKeys = {
  title: 'title',
  startedAt: 'startedAt',
  phase: 'phase',
  closed: 'closed',
  closedAt: 'closedAt',
  nextMeeting: 'nextMeeting',
  noDecisionsToday: 'noDecisionsToday',
} as const;

/** The phases of a network meeting: a soft cue shown to everyone, never enforced. */
export const PHASES = [
  'opening',
  'dialogue',
  'reflecting',
  'responding',
  'decisions',
  'next_meeting',
] as const;

/** A phase of a meeting. */
export type Phase = (typeof PHASES)[number];

/**
 * Node and mark names of the meeting document, with the attributes the server reads (to carry items
 * over to the next meeting and to export). y-prosemirror stores node attributes as XmlElement attributes.
 */
export const NodeNames = {
  /** What one person said, in their own words. attrs: speakerId, speakerName, typistId, typistName. */
  voice: 'voiceBlock',
  /** A reflection of the team, tentative. attrs: authorId, authorName. Content: paragraphs, then responses. */
  reflection: 'reflection',
  /** The network's response to a reflection. attrs: authorId, authorName. */
  response: 'response',
  /**
   * A plan item. attrs: proposedById, proposedByName, agrees ({id,name}[]), differs ({id,name,view?}[]:
   * `view` is the person's view in their own words, at most MAX_VIEW_LENGTH characters), doerName,
   * byWhen, status ('open' | 'done').
   */
  planItem: 'planItem',
  /** A "not yet known" question. attrs: raisedById, raisedByName, status ('open' | 'closed'). */
  openQuestion: 'openQuestion',
} as const;

/** Marks of the meeting document. */
export const MarkNames = {
  /** Text written after the meeting was closed. attrs: authorId, authorName, at (ISO time). */
  laterAddition: 'laterAddition',
} as const;

/** Status values of plan items and questions that carry over to the next meeting. */
export const OPEN_STATUS = 'open';

/** Attendance entry of one participant (value in the `attendance` map, keyed by participant id). */
export interface AttendanceEntry {
  name: string;
  relation: string;
  role: string;
  /** Where they are for this meeting. */
  where: 'room' | 'remote' | 'phone';
}

/** The next meeting as agreed in the room (value of meta.nextMeeting). */
export interface NextMeeting {
  /** An ISO date-time, or "when_needed". */
  when: string;
  convenerName: string;
}
