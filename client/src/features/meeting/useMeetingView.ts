/**
 * What the document column shows: the living document, its history, or the version as agreed — one at
 * a time — and whether the living document is coloured by who wrote what. One state, so that opening
 * one view closes the other and "who wrote what" is kept while the history is looked at.
 */
import { useReducer } from 'react';

/** The view of the meeting's document column. */
export interface MeetingView {
  /** The living document (editors), its history, or the version as agreed when it was closed. */
  panel: 'living' | 'history' | 'agreed';
  /** The living document's text coloured by its writers (else: what is new since the last visit). */
  whoWrote: boolean;
}

/** What a person can do to the view. */
export type MeetingViewAction =
  | { type: 'toggleHistory' }
  | { type: 'closeHistory' }
  | { type: 'toggleAgreed' }
  | { type: 'showAgreed' }
  | { type: 'toggleWhoWrote' };

/** The view after an action. */
export function nextView(view: MeetingView, action: MeetingViewAction): MeetingView {
  switch (action.type) {
    case 'toggleHistory':
      return { ...view, panel: view.panel === 'history' ? 'living' : 'history' };
    case 'closeHistory':
      return view.panel === 'history' ? { ...view, panel: 'living' } : view;
    case 'toggleAgreed':
      return { ...view, panel: view.panel === 'agreed' ? 'living' : 'agreed' };
    case 'showAgreed':
      return { ...view, panel: 'agreed' };
    case 'toggleWhoWrote':
      return { ...view, whoWrote: !view.whoWrote };
  }
}

/** The first view: the living document, highlighting what is new. */
export const FIRST_VIEW: MeetingView = { panel: 'living', whoWrote: false };

/** The view of the document column, and a way to change it. */
export function useMeetingView(): [MeetingView, (action: MeetingViewAction) => void] {
  return useReducer(nextView, FIRST_VIEW);
}
