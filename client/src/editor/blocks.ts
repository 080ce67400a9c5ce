/**
 * The shared schema's blocks with this client's React node views, and the later-addition mark with a
 * readable label. The schema itself (names, attributes, content) stays exactly as shared/ defines it.
 */
import {
  LaterAddition,
  type MeetingBlocks,
  OpenQuestion,
  PlanItem,
  ReflectionBlock,
  ResponseBlock,
  VoiceBlock,
} from '@polyphony/shared/editor';
import { mergeAttributes } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { t } from '../i18n';
import { OpenQuestionView, PlanItemView, ReflectionView, ResponseView, VoiceBlockView } from './blockViews';
import { formatWhen } from './time';

/** The meeting's blocks as this client shows them. */
export const meetingBlocks: MeetingBlocks = {
  voice: VoiceBlock.extend({ addNodeView: () => ReactNodeViewRenderer(VoiceBlockView) }),
  reflection: ReflectionBlock.extend({ addNodeView: () => ReactNodeViewRenderer(ReflectionView) }),
  response: ResponseBlock.extend({ addNodeView: () => ReactNodeViewRenderer(ResponseView) }),
  planItem: PlanItem.extend({ addNodeView: () => ReactNodeViewRenderer(PlanItemView) }),
  openQuestion: OpenQuestion.extend({ addNodeView: () => ReactNodeViewRenderer(OpenQuestionView) }),
  laterAddition: LaterAddition.extend({
    renderHTML({ mark, HTMLAttributes }) {
      const who =
        typeof mark.attrs.authorName === 'string' && mark.attrs.authorName
          ? mark.attrs.authorName
          : t('common.someoneLower');
      const at = typeof mark.attrs.at === 'string' && mark.attrs.at ? `, ${formatWhen(mark.attrs.at)}` : '';
      // The same words the Markdown export writes (shared meeting words), in the reader's language.
      const label = `${t('block.addedLater', { name: who })}${at}`;
      return [
        'span',
        mergeAttributes(HTMLAttributes, {
          'data-later-addition': '',
          class: 'later-addition',
          title: label,
          'data-label': label,
        }),
        0,
      ];
    },
  }),
};
