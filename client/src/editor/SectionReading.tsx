/**
 * A section before its editor is there (issue 18, part 2): the meeting page shows the document's text as
 * soon as the Y.Doc holds it (this browser's copy, or the server's first sync), read straight from the
 * section's Y.XmlFragment into plain elements — no TipTap, which loads meanwhile. The markup and classes
 * are the editor's own (its content box, the blocks' labels and, for those who may write, their controls,
 * not yet usable), so that the editor takes exactly the place the text had: nothing moves when it comes.
 * The text here cannot be edited, and nothing here can take the focus: no keystroke is lost in the swap.
 */
import { readPeople, type SectionName } from '@polyphony/shared';
import { Fragment, type ReactNode, useEffect, useState } from 'react';
import * as Y from 'yjs';
import { t, txWrapped, useLanguage, useT } from '../i18n';
import { aside, DiffersList, FromMeeting, names, PlanAssignment, str } from './blockParts';
import { LaterChangesContext, type LaterChangesView } from './LaterChanges';
import { useMeetingPeople } from './MeetingContext';
import { SectionBoundary } from './SectionFallback';
import { sectionText } from './sections';
import { formatWhen } from './time';

/** A section's frame: its heading and hint, then its text (editor or not) and what it shows under it. */
export function SectionFrame({
  section,
  forward = false,
  testIdPrefix = 'editor',
  laterChanges = null,
  children,
}: {
  section: SectionName;
  forward?: boolean;
  testIdPrefix?: string;
  laterChanges?: LaterChangesView | null;
  children: ReactNode;
}) {
  useLanguage();
  const text = sectionText(section);
  const headingId = `${testIdPrefix}-${section}-heading`;
  return (
    <section
      className={`section${forward ? ' is-forward' : ''}`}
      aria-labelledby={headingId}
      data-section={section}
      data-testid={`section-${section}`}
    >
      <h2 id={headingId}>{text.heading}</h2>
      <p id={`${testIdPrefix}-${section}-hint`} className="hint">
        {text.hint}
      </p>
      {/* The blocks (through their portals) and what is under the editor read the later changes here. */}
      <LaterChangesContext.Provider value={laterChanges}>{children}</LaterChangesContext.Provider>
    </section>
  );
}

/** The attributes of the content box, the same for the editor and for the text shown before it. */
export function contentBoxAttributes(section: SectionName, editable: boolean, testIdPrefix = 'editor') {
  const text = sectionText(section);
  return {
    class: 'section-editor',
    role: 'textbox' as const,
    'aria-multiline': 'true' as const,
    'aria-readonly': editable ? ('false' as const) : ('true' as const),
    'aria-labelledby': `${testIdPrefix}-${section}-heading`,
    'aria-describedby': `${testIdPrefix}-${section}-hint`,
    'data-testid': `${testIdPrefix}-${section}`,
    'data-placeholder': editable ? text.placeholder : t('section.nothingWritten'),
  };
}

/** The section's text, read-only and kept current, until its editor has loaded. */
export function SectionReading({
  doc,
  section,
  editable,
}: {
  doc: Y.Doc;
  section: SectionName;
  /** Whether this person will be able to write here (their controls are shown, not yet usable). */
  editable: boolean;
}) {
  useLanguage();
  const fragment = doc.getXmlFragment(section);
  // Each change of the fragment renders it again (the Y types are mutable: a counter says it changed).
  const [, setVersion] = useState(0);
  useEffect(() => {
    const onChange = () => setVersion((version) => version + 1);
    fragment.observeDeep(onChange);
    return () => fragment.unobserveDeep(onChange);
  }, [fragment]);
  const box = contentBoxAttributes(section, editable);
  const nodes = fragment.toArray();
  return (
    <>
      {/* EditorContent's own wrapper, then the editor's content box. */}
      <div>
        <div
          // Not a text box yet (it cannot take the focus, so none is lost when the editor comes): the
          // section's heading and hint name it, as they will the editor.
          className={`${box.class} section-reading`}
          data-testid={box['data-testid']}
          data-placeholder={box['data-placeholder']}
          contentEditable={false}
          data-reading=""
          translate="no"
        >
          {/* An empty section is one empty paragraph in the editor: its place and its placeholder. What
              cannot be read here (a document no editor wrote) leaves the box empty until the editor, or
              the section's plain text, is there: never the page without its other sections. */}
          <SectionBoundary fallback={<EmptyParagraph />}>
            {nodes.length === 0 ? <EmptyParagraph /> : nodes.map((node, index) => readNode(node, index))}
          </SectionBoundary>
        </div>
      </div>
      {editable && <InsertPlaceholder section={section} />}
    </>
  );
}

function EmptyParagraph() {
  return (
    <p>
      <br className="ProseMirror-trailingBreak" />
    </p>
  );
}

const PLAIN_TAGS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
};

/**
 * How deep the text is read here: no editor nests further, and a document stored before the server checked
 * nesting may be nested thousands of levels deep (its editor, or its plain text, shows the rest).
 */
const MAX_DEPTH = 32;

/** One node of a fragment as plain elements; the order of nodes is their key (the text only reads). */
function readNode(node: unknown, key: number, depth = 0): ReactNode {
  // Strings straight in a section (a foreign client's), or a run of text.
  if (typeof node === 'string') return <Fragment key={key}>{node}</Fragment>;
  if (node instanceof Y.XmlText) return <Runs key={key} text={node} />;
  if (!(node instanceof Y.XmlElement) || depth >= MAX_DEPTH) return null;
  const attrs = node.getAttributes() as Record<string, unknown>;
  const children = () => node.toArray().map((child, index) => readNode(child, index, depth + 1));
  switch (node.nodeName) {
    case 'voiceBlock':
      return <VoiceReading key={key} attrs={attrs} content={children()} />;
    case 'reflection':
      return <ReflectionReading key={key} attrs={attrs} content={children()} />;
    case 'response':
      return <ResponseReading key={key} attrs={attrs} content={children()} />;
    case 'planItem':
      return <PlanItemReading key={key} attrs={attrs} content={children()} />;
    case 'openQuestion':
      return <QuestionReading key={key} attrs={attrs} content={children()} />;
    case 'paragraph':
      return <p key={key}>{node.length === 0 ? <br className="ProseMirror-trailingBreak" /> : children()}</p>;
    case 'heading': {
      const level = Math.min(Math.max(Number(attrs.level) || 1, 1), 6);
      const Tag = `h${level}` as 'h1';
      return <Tag key={key}>{children()}</Tag>;
    }
    case 'hardBreak':
      return <br key={key} />;
    case 'horizontalRule':
      return <hr key={key} />;
    default: {
      const Tag = (PLAIN_TAGS[node.nodeName] ?? 'div') as 'div';
      return <Tag key={key}>{children()}</Tag>;
    }
  }
}

/** A run of text with its marks, as the editor's schema renders them. */
function Runs({ text }: { text: Y.XmlText }) {
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return (
    <>
      {delta.map((run, index) => {
        if (typeof run.insert !== 'string') return null;
        let content: ReactNode = run.insert;
        const marks = run.attributes ?? {};
        if (marks.bold) content = <strong>{content}</strong>;
        if (marks.italic) content = <em>{content}</em>;
        if (marks.underline) content = <u>{content}</u>;
        if (marks.strike) content = <s>{content}</s>;
        if (marks.code) content = <code>{content}</code>;
        const later = marks.laterAddition;
        if (later && typeof later === 'object') {
          const { authorName, at } = later as Record<string, unknown>;
          const who = str(authorName) || t('common.someoneLower');
          const label = `${t('block.addedLater', { name: who })}${str(at) ? `, ${formatWhen(str(at))}` : ''}`;
          content = (
            <span data-later-addition="" className="later-addition" title={label} data-label={label}>
              {content}
            </span>
          );
        }
        // Runs of stored text have no identity of their own; their order is their key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        return <Fragment key={index}>{content}</Fragment>;
      })}
    </>
  );
}

/** A block's text, in the node view's two wrappers. */
function BlockText({ content }: { content: ReactNode }) {
  return (
    <div className="block-text" style={{ whiteSpace: 'pre-wrap' }}>
      <div style={{ whiteSpace: 'inherit' }}>{content}</div>
    </div>
  );
}

interface BlockProps {
  attrs: Record<string, unknown>;
  content: ReactNode;
}

function VoiceReading({ attrs, content }: BlockProps) {
  const t = useT();
  const { attendance } = useMeetingPeople();
  const speaker = str(attrs.speakerName) || t('common.someone');
  const typist = str(attrs.typistName);
  const where = attendance[str(attrs.speakerId)]?.where;
  const typedFor = typist
    ? t(where === 'phone' ? 'block.typedForOnPhone' : 'block.typedFor', { typist, speaker })
    : '';
  return (
    <div className="block voice-block" data-speaker={speaker} data-testid="voice-block">
      <p className="block-label">
        <span className="block-who">{speaker}</span>
        {typist && <span className="block-aside"> · {typedFor}</span>}
      </p>
      <BlockText content={content} />
    </div>
  );
}

/** A block's controls for those who may write, in their place but not yet usable. */
function LaterControls({ children }: { children: ReactNode }) {
  const { canWrite } = useMeetingPeople();
  return canWrite ? <div className="block-actions">{children}</div> : null;
}

function ReflectionReading({ attrs, content }: BlockProps) {
  const t = useT();
  const author = str(attrs.authorName) || t('block.someoneOfTeam');
  return (
    <div className="block reflection" data-author={author} data-testid="reflection">
      <p className="block-label">
        {txWrapped('block.whoWonders', aside, { who: <span className="block-who">{author}</span> })}
      </p>
      <BlockText content={content} />
      <LaterControls>
        <button type="button" className="button small" disabled>
          {t('block.respond')}
        </button>
      </LaterControls>
    </div>
  );
}

function ResponseReading({ attrs, content }: BlockProps) {
  const t = useT();
  const author = str(attrs.authorName) || t('common.someone');
  return (
    <div className="block response" data-author={author} data-testid="response">
      <p className="block-label">
        {txWrapped('block.responseFromWho', aside, { who: <span className="block-who">{author}</span> })}
      </p>
      <BlockText content={content} />
    </div>
  );
}

function PlanItemReading({ attrs, content }: BlockProps) {
  const t = useT();
  const { me, canWrite } = useMeetingPeople();
  const proposer = str(attrs.proposedByName) || t('common.someone');
  const agrees = readPeople(attrs.agrees);
  const differs = readPeople(attrs.differs);
  const doer = str(attrs.doerName);
  const byWhen = str(attrs.byWhen);
  const done = attrs.status === 'done';
  const iAgree = agrees.some((p) => p.id === me.id);
  const myView = differs.find((p) => p.id === me.id);
  return (
    <div className={`block plan-item${done ? ' is-done' : ''}`} data-testid="plan-item">
      <p className="block-label">
        {txWrapped(done ? 'block.proposedByWhoDone' : 'block.proposedByWho', aside, {
          who: <span className="block-who">{proposer}</span>,
        })}
        <FromMeeting value={attrs.fromMeeting} />
      </p>
      <BlockText content={content} />
      <div className="plan-details">
        <p className="plan-views">
          <span>
            <strong>{t('plan.agrees')}</strong> {agrees.length ? names(agrees) : t('plan.nobodyYet')}
          </span>
          <span>
            <strong>{t('plan.seesDifferently')}</strong> <DiffersList differs={differs} />
          </span>
        </p>
        {canWrite ? (
          <>
            <div className="block-actions">
              <button type="button" className="button small" disabled>
                {iAgree ? `✓ ${t('plan.agree')}` : t('plan.agree')}
              </button>
              <button type="button" className="button small" disabled>
                {myView ? `✓ ${t('plan.seeDifferently')}` : t('plan.seeDifferently')}
              </button>
              <label className="check">
                <input type="checkbox" checked={done} disabled readOnly />
                {t('common.done')}
              </label>
            </div>
            {myView && (
              <div className="plan-fields">
                <FieldPlaceholder label={t('plan.inMyOwnWords')} value={myView.view ?? ''} wide />
              </div>
            )}
            <div className="plan-fields">
              <FieldPlaceholder label={t('plan.whoDoesIt')} value={doer} placeholder={t('common.aName')} />
              <FieldPlaceholder
                label={t('plan.byWhen')}
                value={byWhen}
                placeholder={t('plan.byWhenPlaceholder')}
              />
            </div>
          </>
        ) : (
          <PlanAssignment doer={doer} byWhen={byWhen} />
        )}
      </div>
    </div>
  );
}

/** A plan item's field, in its place, not yet usable. */
function FieldPlaceholder({
  label,
  value,
  placeholder,
  wide = false,
}: {
  label: string;
  value: string;
  placeholder?: string;
  wide?: boolean;
}) {
  return (
    <label className={`plan-field${wide ? ' plan-field--wide' : ''}`}>
      <span className="plan-field__label">{label}</span>
      <input className="text-input small" value={value} placeholder={placeholder} disabled readOnly />
    </label>
  );
}

function QuestionReading({ attrs, content }: BlockProps) {
  const t = useT();
  const raiser = str(attrs.raisedByName) || t('common.someone');
  const closed = attrs.status === 'closed';
  return (
    <div className={`block open-question${closed ? ' is-closed' : ''}`} data-testid="open-question">
      <p className="block-label">
        {txWrapped(closed ? 'block.raisedByWhoClosed' : 'block.raisedByWho', aside, {
          who: <span className="block-who">{raiser}</span>,
        })}
        <FromMeeting value={attrs.fromMeeting} />
      </p>
      <BlockText content={content} />
      <LaterControls>
        <button type="button" className="button small" disabled>
          {closed ? t('block.openAgain') : t('block.closeQuestion')}
        </button>
      </LaterControls>
    </div>
  );
}

/** The section's add button(s), in their place, not yet usable. */
function InsertPlaceholder({ section }: { section: SectionName }) {
  const t = useT();
  const { me } = useMeetingPeople();
  if (section === 'dialogue') {
    return (
      <div className="insert-controls">
        <span className="insert-controls__label">{t('insert.whoIsSpeaking')}</span>
        <select className="text-input select" disabled aria-label={t('insert.whoIsSpeaking')}>
          <option>{t('insert.me', { name: me.name })}</option>
        </select>
        <button type="button" className="button primary" disabled>
          {t('insert.addWhatISaid')}
        </button>
      </div>
    );
  }
  const label = {
    reflections: t('insert.addReflection'),
    plan: t('insert.addPlanItem'),
    openQuestions: t('insert.addQuestion'),
  }[section];
  return (
    <div className="insert-controls">
      <button type="button" className="button primary" disabled>
        {label}
      </button>
    </div>
  );
}
