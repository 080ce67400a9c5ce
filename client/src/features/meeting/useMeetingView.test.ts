/** The document column shows one thing at a time, and "who wrote what" survives a look at the history. */
import { describe, expect, it } from 'vitest';
import { FIRST_VIEW, type MeetingViewAction, nextView } from './useMeetingView';

const after = (...actions: MeetingViewAction['type'][]) =>
  actions.reduce((view, type) => nextView(view, { type } as MeetingViewAction), FIRST_VIEW);

describe('the meeting view', () => {
  it('opens the history or the agreed version, one at a time, and closes either again', () => {
    expect(after('toggleHistory').panel).toBe('history');
    expect(after('toggleHistory', 'toggleAgreed').panel).toBe('agreed');
    expect(after('toggleAgreed', 'toggleHistory').panel).toBe('history');
    expect(after('toggleHistory', 'toggleHistory').panel).toBe('living');
    expect(after('toggleAgreed', 'toggleAgreed').panel).toBe('living');
    expect(after('toggleHistory', 'showAgreed').panel).toBe('agreed');
    expect(after('toggleAgreed', 'closeHistory').panel).toBe('agreed');
    expect(after('toggleHistory', 'closeHistory').panel).toBe('living');
  });

  it('keeps "who wrote what" while the history is open and after it is closed', () => {
    const view = after('toggleWhoWrote', 'toggleHistory');
    expect(view).toEqual({ panel: 'history', whoWrote: true });
    expect(nextView(view, { type: 'closeHistory' })).toEqual({ panel: 'living', whoWrote: true });
    expect(after('toggleWhoWrote', 'toggleWhoWrote').whoWrote).toBe(false);
  });
});
