/**
 * The blocks and marks of the meeting document as TipTap extensions. Names and attributes come from
 * document.ts (the server reads them). No React and no DOM here: the client adds its node views with
 * `.extend({ addNodeView })`, the server only builds the schema.
 */
import { type Attribute, Mark, mergeAttributes, Node } from '@tiptap/core';
import { MarkNames, NodeNames } from './document.js';

/** Someone named in a plan item: who agrees, who sees it differently (with their view, if they gave it). */
export interface PersonRef {
  id: string;
  name: string;
  /** "Sees it differently" in their own words (laterChanges.ts: MAX_VIEW_LENGTH). */
  view?: string;
}

/** Content groups: each section's document accepts its own kind of block beside ordinary ones. */
export const BlockGroups = {
  voice: 'voiceGroup',
  reflection: 'reflectionGroup',
  planItem: 'planItemGroup',
  openQuestion: 'openQuestionGroup',
} as const;

/** A plain string attribute, kept in the HTML as data-<kebab-name>. */
function text(name: string, fallback: string | null = null): Attribute {
  const data = `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return {
    default: fallback,
    parseHTML: (element) => element.getAttribute(data) ?? fallback,
    renderHTML: (attrs) => (attrs[name] == null ? {} : { [data]: String(attrs[name]) }),
  };
}

/** A list of people, kept in the HTML as JSON. */
function people(name: string): Attribute {
  const data = `data-${name}`;
  return {
    default: [],
    parseHTML: (element) => {
      try {
        const parsed: unknown = JSON.parse(element.getAttribute(data) ?? '[]');
        return Array.isArray(parsed) ? parsed : [];
      } catch {
        return [];
      }
    },
    renderHTML: (attrs) => ({ [data]: JSON.stringify(attrs[name] ?? []) }),
  };
}

/** What one person said, in their own words; typist set only when someone typed it for them. */
export const VoiceBlock = Node.create({
  name: NodeNames.voice,
  group: BlockGroups.voice,
  content: 'paragraph+',
  defining: true,
  addAttributes() {
    return {
      speakerId: text('speakerId'),
      speakerName: text('speakerName', ''),
      typistId: text('typistId'),
      typistName: text('typistName'),
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-voice-block]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-voice-block': '', class: 'voice-block' }), 0];
  },
});

/** The network's response to a reflection, written under it. */
export const ResponseBlock = Node.create({
  name: NodeNames.response,
  content: 'paragraph+',
  defining: true,
  addAttributes() {
    return { authorId: text('authorId'), authorName: text('authorName', '') };
  },
  parseHTML() {
    return [{ tag: 'div[data-response]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-response': '', class: 'response' }), 0];
  },
});

/** A tentative reflection of the team, with the network's responses under it. */
export const ReflectionBlock = Node.create({
  name: NodeNames.reflection,
  group: BlockGroups.reflection,
  content: `paragraph+ ${NodeNames.response}*`,
  defining: true,
  addAttributes() {
    return { authorId: text('authorId'), authorName: text('authorName', '') };
  },
  parseHTML() {
    return [{ tag: 'div[data-reflection]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-reflection': '', class: 'reflection' }), 0];
  },
});

/** A plan item: the "what" as text, who proposed it, who agrees, who sees it differently. */
export const PlanItem = Node.create({
  name: NodeNames.planItem,
  group: BlockGroups.planItem,
  content: 'paragraph+',
  defining: true,
  addAttributes() {
    return {
      proposedById: text('proposedById'),
      proposedByName: text('proposedByName', ''),
      agrees: people('agrees'),
      differs: people('differs'),
      doerName: text('doerName', ''),
      byWhen: text('byWhen', ''),
      status: text('status', 'open'),
      // Carried over from an earlier meeting: that meeting's number ("from meeting 1").
      fromMeeting: text('fromMeeting'),
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-plan-item]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-plan-item': '', class: 'plan-item' }), 0];
  },
});

/** A "not yet known" question, carried to the next meeting while open. */
export const OpenQuestion = Node.create({
  name: NodeNames.openQuestion,
  group: BlockGroups.openQuestion,
  content: 'paragraph+',
  defining: true,
  addAttributes() {
    return {
      raisedById: text('raisedById'),
      raisedByName: text('raisedByName', ''),
      status: text('status', 'open'),
      // Carried over from an earlier meeting: that meeting's number ("from meeting 1").
      fromMeeting: text('fromMeeting'),
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-open-question]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-open-question': '', class: 'open-question' }), 0];
  },
});

/** Text written after the meeting was closed: who added it, and when. */
export const LaterAddition = Mark.create({
  name: MarkNames.laterAddition,
  // Typing next to someone else's afterthought must not take on their name: the client marks new text.
  inclusive: false,
  addAttributes() {
    return { authorId: text('authorId'), authorName: text('authorName', ''), at: text('at', '') };
  },
  parseHTML() {
    return [{ tag: 'span[data-later-addition]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(HTMLAttributes, { 'data-later-addition': '', class: 'later-addition' }),
      0,
    ];
  },
});
