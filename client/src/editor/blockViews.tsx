/**
 * How the meeting's blocks look and what can be done with them: each shows, in words, whose it is
 * (pointing at it says so too), and the plan item and the question carry their few simple controls.
 * Nothing here needs a hover: every control is a button or a field.
 */

import { MAX_VIEW_LENGTH, NodeNames, type PersonView, readPeople } from '@polyphony/shared';
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { txWrapped, useT } from '../i18n';
import { about, aside, DiffersList, FromMeeting, names, PlanAssignment, startOf, str } from './blockParts';
import { focusNow } from './insertBlocks';
import { LaterChangeNotes, useItemChanges } from './LaterChanges';
import { useMeetingPeople } from './MeetingContext';

/** What one person said; "typed by Anna for Grandad, on the phone" when someone typed it for them. */
export function VoiceBlockView({ node }: ReactNodeViewProps) {
  const t = useT();
  const { attendance } = useMeetingPeople();
  const speaker = str(node.attrs.speakerName) || t('common.someone');
  const typist = str(node.attrs.typistName);
  const where = attendance[str(node.attrs.speakerId)]?.where;
  const typedFor = typist
    ? t(where === 'phone' ? 'block.typedForOnPhone' : 'block.typedFor', { typist, speaker })
    : '';
  return (
    <NodeViewWrapper
      className="block voice-block"
      title={typist ? t('block.saidThisTyped', { speaker, typedFor }) : t('block.saidThis', { speaker })}
      data-speaker={speaker}
      data-testid="voice-block"
    >
      <p className="block-label" contentEditable={false}>
        <span className="block-who">{speaker}</span>
        {typist && <span className="block-aside"> · {typedFor}</span>}
      </p>
      <NodeViewContent className="block-text" />
    </NodeViewWrapper>
  );
}

/** A tentative reflection of the team, with a way to respond under it. */
export function ReflectionView({ node, editor, getPos }: ReactNodeViewProps) {
  const t = useT();
  const { me, canWrite } = useMeetingPeople();
  const author = str(node.attrs.authorName) || t('block.someoneOfTeam');
  const respond = () => {
    const pos = getPos();
    if (typeof pos !== 'number') return;
    // The end of the reflection's content: the response goes under the last paragraph or response.
    const at = pos + node.nodeSize - 1;
    editor
      .chain()
      .insertContentAt(at, {
        type: NodeNames.response,
        attrs: { authorId: me.id, authorName: me.name },
        content: [{ type: 'paragraph' }],
      })
      .setTextSelection(at + 2)
      .focus()
      .run();
    focusNow(editor);
  };
  return (
    <NodeViewWrapper
      className="block reflection"
      title={t('block.reflectionBy', { name: author })}
      data-author={author}
      data-testid="reflection"
    >
      <p className="block-label" contentEditable={false}>
        {txWrapped('block.whoWonders', aside, { who: <span className="block-who">{author}</span> })}
      </p>
      <NodeViewContent className="block-text" />
      {canWrite && editor.isEditable && (
        <div className="block-actions" contentEditable={false}>
          <button
            type="button"
            className="button small"
            onClick={respond}
            aria-label={about(
              t('block.respond'),
              startOf(node.firstChild?.textContent ?? '', t('block.reflectionBy', { name: author })),
            )}
            data-testid="respond"
          >
            {t('block.respond')}
          </button>
        </div>
      )}
    </NodeViewWrapper>
  );
}

/** The network's response to a reflection, indented under it. */
export function ResponseView({ node }: ReactNodeViewProps) {
  const t = useT();
  const author = str(node.attrs.authorName) || t('common.someone');
  return (
    <NodeViewWrapper
      className="block response"
      title={t('block.respondedTo', { name: author })}
      data-author={author}
      data-testid="response"
    >
      <p className="block-label" contentEditable={false}>
        {txWrapped('block.responseFromWho', aside, { who: <span className="block-who">{author}</span> })}
      </p>
      <NodeViewContent className="block-text" />
    </NodeViewWrapper>
  );
}

/** A small field that writes its value into the block when the person is done typing. */
function AttrField({
  label,
  value,
  onCommit,
  placeholder,
  testId,
  maxLength = 120,
  wide = false,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  placeholder: string;
  testId: string;
  maxLength?: number;
  wide?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft.trim() !== value) onCommit(draft.trim());
  };
  return (
    <label className={`plan-field${wide ? ' plan-field--wide' : ''}`}>
      <span className="plan-field__label">{label}</span>
      <input
        className="text-input small"
        value={draft}
        placeholder={placeholder}
        maxLength={maxLength}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
        data-testid={testId}
      />
    </label>
  );
}

/**
 * A plan item: what, who proposed it, who agrees and who sees it differently (in their own words, if they
 * wish), side by side; and what changed in it after the meeting.
 */
export function PlanItemView({ node, editor, getPos, updateAttributes }: ReactNodeViewProps) {
  const t = useT();
  const { me, canWrite } = useMeetingPeople();
  const writable = canWrite && editor.isEditable;
  const later = useItemChanges(node, editor, getPos);
  const proposer = str(node.attrs.proposedByName) || t('common.someone');
  const agrees = readPeople(node.attrs.agrees);
  const differs = readPeople(node.attrs.differs);
  const doer = str(node.attrs.doerName);
  const byWhen = str(node.attrs.byWhen);
  const done = node.attrs.status === 'done';
  const what = startOf(node.firstChild?.textContent ?? '', t('block.proposedByTitle', { name: proposer }));
  const iAgree = agrees.some((p) => p.id === me.id);
  const myView = differs.find((p) => p.id === me.id);
  const iDiffer = myView !== undefined;
  const mine: PersonView = { id: me.id, name: me.name };
  // My view in my own words, kept with my name in "sees it differently" (none: the name alone).
  const setMyView = (view: string) =>
    updateAttributes({
      differs: differs.map((p) => (p.id === me.id ? (view ? { ...mine, view } : mine) : p)),
    });
  // One person stands in one place: agreeing takes them out of "sees it differently", and the reverse.
  const toggleAgree = () =>
    updateAttributes({
      agrees: iAgree ? agrees.filter((p) => p.id !== me.id) : [...agrees, mine],
      differs: differs.filter((p) => p.id !== me.id),
    });
  const toggleDiffer = () =>
    updateAttributes({
      differs: iDiffer ? differs.filter((p) => p.id !== me.id) : [...differs, mine],
      agrees: agrees.filter((p) => p.id !== me.id),
    });
  return (
    <NodeViewWrapper
      className={`block plan-item${done ? ' is-done' : ''}`}
      title={t('block.proposedByTitle', { name: proposer })}
      data-testid="plan-item"
      data-status={done ? 'done' : 'open'}
    >
      <p className="block-label" contentEditable={false}>
        {txWrapped(done ? 'block.proposedByWhoDone' : 'block.proposedByWho', aside, {
          who: <span className="block-who">{proposer}</span>,
        })}
        <FromMeeting value={node.attrs.fromMeeting} />
      </p>
      <NodeViewContent className="block-text" />
      <div className="plan-details" contentEditable={false}>
        <p className="plan-views">
          <span data-testid="plan-agrees">
            <strong>{t('plan.agrees')}</strong> {agrees.length ? names(agrees) : t('plan.nobodyYet')}
          </span>
          <span data-testid="plan-differs">
            <strong>{t('plan.seesDifferently')}</strong> <DiffersList differs={differs} />
          </span>
        </p>
        {writable ? (
          <>
            <div className="block-actions">
              <button
                type="button"
                className="button small"
                aria-pressed={iAgree}
                aria-label={about(t('plan.agree'), what)}
                onClick={toggleAgree}
                data-testid="plan-agree"
              >
                {iAgree ? `✓ ${t('plan.agree')}` : t('plan.agree')}
              </button>
              <button
                type="button"
                className="button small"
                aria-pressed={iDiffer}
                aria-label={about(t('plan.seeDifferently'), what)}
                onClick={toggleDiffer}
                data-testid="plan-differ"
              >
                {iDiffer ? `✓ ${t('plan.seeDifferently')}` : t('plan.seeDifferently')}
              </button>
              <label className="check">
                <input
                  type="checkbox"
                  checked={done}
                  aria-label={about(t('common.done'), what)}
                  onChange={(event) => updateAttributes({ status: event.target.checked ? 'done' : 'open' })}
                  data-testid="plan-done"
                />
                {t('common.done')}
              </label>
            </div>
            {iDiffer && (
              <div className="plan-fields">
                <AttrField
                  label={t('plan.inMyOwnWords')}
                  value={myView?.view ?? ''}
                  placeholder={t('plan.ownWordsPlaceholder')}
                  maxLength={MAX_VIEW_LENGTH}
                  wide
                  onCommit={setMyView}
                  testId="plan-my-view"
                />
              </div>
            )}
            <div className="plan-fields">
              <AttrField
                label={t('plan.whoDoesIt')}
                value={doer}
                placeholder={t('common.aName')}
                onCommit={(value) => updateAttributes({ doerName: value })}
                testId="plan-doer"
              />
              <AttrField
                label={t('plan.byWhen')}
                value={byWhen}
                placeholder={t('plan.byWhenPlaceholder')}
                onCommit={(value) => updateAttributes({ byWhen: value })}
                testId="plan-by-when"
              />
            </div>
          </>
        ) : (
          <PlanAssignment doer={doer} byWhen={byWhen} />
        )}
        <LaterChangeNotes changes={later} />
      </div>
    </NodeViewWrapper>
  );
}

/** A "not yet known" question: who raised it, closing it when it is known, and changes after the meeting. */
export function OpenQuestionView({ node, editor, getPos, updateAttributes }: ReactNodeViewProps) {
  const t = useT();
  const { canWrite } = useMeetingPeople();
  const later = useItemChanges(node, editor, getPos);
  const raiser = str(node.attrs.raisedByName) || t('common.someone');
  const closed = node.attrs.status === 'closed';
  return (
    <NodeViewWrapper
      className={`block open-question${closed ? ' is-closed' : ''}`}
      title={t('block.raisedByTitle', { name: raiser })}
      data-testid="open-question"
      data-status={closed ? 'closed' : 'open'}
    >
      <p className="block-label" contentEditable={false}>
        {txWrapped(closed ? 'block.raisedByWhoClosed' : 'block.raisedByWho', aside, {
          who: <span className="block-who">{raiser}</span>,
        })}
        <FromMeeting value={node.attrs.fromMeeting} />
      </p>
      <NodeViewContent className="block-text" />
      {canWrite && editor.isEditable && (
        <div className="block-actions" contentEditable={false}>
          <button
            type="button"
            className="button small"
            onClick={() => updateAttributes({ status: closed ? 'open' : 'closed' })}
            aria-label={about(
              closed ? t('block.openAgain') : t('block.closeQuestion'),
              startOf(node.firstChild?.textContent ?? '', t('block.raisedByTitle', { name: raiser })),
            )}
            data-testid="question-toggle"
          >
            {closed ? t('block.openAgain') : t('block.closeQuestion')}
          </button>
        </div>
      )}
      <LaterChangeNotes changes={later} />
    </NodeViewWrapper>
  );
}
