/**
 * The version "as agreed in the meeting": the frozen state the server kept when the meeting was closed,
 * loaded into a Y.Doc of its own and shown with the same blocks, read-only, with no connection — the
 * plan with who agrees and who sees it differently, "no decisions today", the next meeting, the open
 * questions, as they were when it was closed.
 */

import { SECTIONS } from '@polyphony/shared';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { getAgreedVersion } from '../../api/meetings';
import { type MeetingPeople, MeetingPeopleContext } from '../../editor/MeetingContext';
import { SectionEditor } from '../../editor/SectionEditor';
import { formatWhen } from '../../editor/time';
import { tx, useT } from '../../i18n';
import type { MeetingUser } from '../../sync/MeetingSession';
import { NextMeetingPanel, NoDecisionsToday } from '../../ui/PlanExtras';

/** A frozen version, as it loads. */
export type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; doc: Y.Doc }
  | { state: 'failed'; message: string };

/**
 * A frozen version of a meeting (the agreed one, or one from the history) loaded into a Y.Doc of its own,
 * destroyed when the view goes.
 */
export function useFrozenDoc(
  meetingId: string,
  load: (meetingId: string) => Promise<Uint8Array>,
  failure: string,
): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` and `failure` are fixed per view.
  useEffect(() => {
    let current = true;
    let doc: Y.Doc | null = null;
    setLoaded({ state: 'loading' });
    load(meetingId).then(
      (update) => {
        if (!current) return;
        doc = new Y.Doc();
        Y.applyUpdate(doc, update);
        setLoaded({ state: 'ready', doc });
      },
      (error: unknown) =>
        current && setLoaded({ state: 'failed', message: error instanceof Error ? error.message : failure }),
    );
    return () => {
      current = false;
      doc?.destroy();
    };
  }, [meetingId, load]);
  return loaded;
}

/** A frozen version's sections, read-only, as it loads (or why it could not). */
export function FrozenSections({
  loaded,
  loadingText,
  user,
  people,
  testIdPrefix,
}: {
  loaded: Loaded;
  loadingText: string;
  user: MeetingUser;
  people: MeetingPeople;
  testIdPrefix: string;
}) {
  if (loaded.state === 'loading') return <p>{loadingText}</p>;
  if (loaded.state === 'failed') {
    return (
      <p className="error" role="alert">
        {loaded.message}
      </p>
    );
  }
  // A frozen version reads as it was: its editors are given no later changes (SectionEditor's default).
  return (
    <MeetingPeopleContext.Provider value={{ ...people, canWrite: false }}>
      {SECTIONS.map((section) => (
        <SectionEditor
          key={section}
          doc={loaded.doc}
          provider={null}
          section={section}
          user={user}
          editable={false}
          testIdPrefix={testIdPrefix}
        >
          {section === 'plan' && (
            <>
              <NoDecisionsToday doc={loaded.doc} editable={false} />
              <NextMeetingPanel doc={loaded.doc} editable={false} />
            </>
          )}
        </SectionEditor>
      ))}
    </MeetingPeopleContext.Provider>
  );
}

/** The agreed version of a closed meeting. */
export function AgreedView({
  meetingId,
  closedAt,
  user,
  people,
}: {
  meetingId: string;
  closedAt: string;
  user: MeetingUser;
  people: MeetingPeople;
}) {
  const t = useT();
  const loaded = useFrozenDoc(meetingId, getAgreedVersion, t('agreed.failed'));

  return (
    <div className="agreed" data-testid="agreed-view">
      <p className="agreed__intro">
        {tx('agreed.introNote', { intro: <strong>{t('agreed.intro')}</strong>, when: formatWhen(closedAt) })}
      </p>
      <FrozenSections
        loaded={loaded}
        loadingText={t('agreed.loading')}
        user={user}
        people={people}
        testIdPrefix="agreed"
      />
    </div>
  );
}
