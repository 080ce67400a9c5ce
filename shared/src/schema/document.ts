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
