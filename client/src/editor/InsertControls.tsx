/**
 * One clear button per section to add its kind of block. In the dialogue, a speaker picker that starts
 * at "me" and lists everyone in the network, so that someone can type for a person on the phone.
 */

import { NodeNames, type SectionName } from '@polyphony/shared';
import type { Editor } from '@tiptap/core';
import { useId, useState } from 'react';
import { useT } from '../i18n';
import { appendBlock } from './insertBlocks';
import { useMeetingPeople } from './MeetingContext';

const empty = [{ type: 'paragraph' }];

/** The add button(s) under a section editor. */
export function InsertControls({ editor, section }: { editor: Editor | null; section: SectionName }) {
  const t = useT();
  const { me, people } = useMeetingPeople();
  const [speakerId, setSpeakerId] = useState(me.id);
  const pickerId = useId();
  if (!editor) return null;

  if (section === 'dialogue') {
    const speaker = people.find((person) => person.id === speakerId) ?? me;
    const forSomeoneElse = speaker.id !== me.id;
    return (
      <div className="insert-controls">
        <label htmlFor={pickerId} className="insert-controls__label">
          {t('insert.whoIsSpeaking')}
        </label>
        <select
          id={pickerId}
          className="text-input select"
          value={speakerId}
          onChange={(event) => setSpeakerId(event.target.value)}
          data-testid="speaker-picker"
        >
          <option value={me.id}>{t('insert.me', { name: me.name })}</option>
          {people
            .filter((person) => person.id !== me.id)
            .map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
                {person.relation ? ` (${person.relation})` : ''}
              </option>
            ))}
        </select>
        <button
          type="button"
          className="button primary"
          data-testid="add-dialogue"
          onClick={() =>
            appendBlock(editor, {
              type: NodeNames.voice,
              attrs: {
                speakerId: speaker.id,
                speakerName: speaker.name,
                typistId: forSomeoneElse ? me.id : null,
                typistName: forSomeoneElse ? me.name : null,
              },
              content: empty,
            })
          }
        >
          {forSomeoneElse ? t('insert.addWhatTheySaid', { name: speaker.name }) : t('insert.addWhatISaid')}
        </button>
      </div>
    );
  }

  const add = {
    reflections: {
      label: t('insert.addReflection'),
      block: { type: NodeNames.reflection, attrs: { authorId: me.id, authorName: me.name } },
    },
    plan: {
      label: t('insert.addPlanItem'),
      block: { type: NodeNames.planItem, attrs: { proposedById: me.id, proposedByName: me.name } },
    },
    openQuestions: {
      label: t('insert.addQuestion'),
      block: { type: NodeNames.openQuestion, attrs: { raisedById: me.id, raisedByName: me.name } },
    },
  }[section];
  return (
    <div className="insert-controls">
      <button
        type="button"
        className="button primary"
        data-testid={`add-${section}`}
        onClick={() => appendBlock(editor, { ...add.block, content: empty })}
      >
        {add.label}
      </button>
    </div>
  );
}
