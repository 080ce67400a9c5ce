/**
 * The history of a meeting: the versions taken while people wrote and at closing, each with who was
 * writing; reading any of them (read-only, with the same blocks); the version as agreed one tap away;
 * and going back to a version, which the server does as new edits by this person, so nothing is lost.
 */

import type { VersionKind, VersionList, VersionSummary } from '@polyphony/shared';
import { useCallback, useEffect, useState } from 'react';
import { getVersion, getVersions, restoreVersion } from '../api/history';
import type { MeetingPeople } from '../editor/MeetingContext';
import { formatWhen } from '../editor/time';
import { t, useLanguage } from '../i18n';
import type { MeetingUser } from '../sync/MeetingSession';
import { FrozenSections, useFrozenDoc } from './AgreedView';

function kindText(kind: VersionKind): string {
  return t(`history.kind.${kind}`);
}

function writersText(version: VersionSummary): string {
  return version.writers.length > 0
    ? t('history.writtenBy', { names: version.writers.map((w) => w.name).join(t('common.listSeparator')) })
    : t('history.nobodyWriting');
}

interface HistoryPanelProps {
  meetingId: string;
  user: MeetingUser;
  people: MeetingPeople;
  canWrite: boolean;
  /** Open the version as agreed in the meeting. */
  onShowAgreed: () => void;
  onClose: () => void;
}

type ListState =
  | { state: 'loading' }
  | { state: 'ready'; list: VersionList }
  | { state: 'failed'; message: string };

/** The history panel, shown in place of the living document. */
export function HistoryPanel({
  meetingId,
  user,
  people,
  canWrite,
  onShowAgreed,
  onClose,
}: HistoryPanelProps) {
  useLanguage();
  const [list, setList] = useState<ListState>({ state: 'loading' });
  const [reading, setReading] = useState<VersionSummary | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  const reload = useCallback(() => {
    getVersions(meetingId).then(
      (loaded) => setList({ state: 'ready', list: loaded }),
      (error: unknown) =>
        setList({
          state: 'failed',
          message: error instanceof Error ? error.message : t('history.failed'),
        }),
    );
  }, [meetingId]);
  useEffect(reload, [reload]);

  if (reading) {
    return (
      <VersionView
        meetingId={meetingId}
        version={reading}
        user={user}
        people={people}
        canWrite={canWrite}
        onBack={() => setReading(null)}
        onRestored={() => {
          setRestored(formatWhen(reading.takenAt));
          setReading(null);
          reload();
        }}
      />
    );
  }

  const versions = list.state === 'ready' ? [...list.list.versions].reverse() : [];
  return (
    <section className="history" aria-labelledby="history-heading" data-testid="history-panel">
      <div className="history__head">
        <h2 id="history-heading">{t('history.heading')}</h2>
        <button type="button" className="button" onClick={onClose} data-testid="history-close">
          {t('closing.backToLiving')}
        </button>
      </div>
      <p className="hint">{t('history.intro')}</p>
      {restored && (
        <p className="note" role="status" data-testid="restored-note">
          {t('history.restored', { when: restored })}
        </p>
      )}
      {list.state === 'ready' && list.list.hasAgreed && (
        <button type="button" className="button primary" onClick={onShowAgreed} data-testid="history-agreed">
          {t('closing.asAgreed')}
        </button>
      )}
      {list.state === 'loading' && <p>{t('history.loading')}</p>}
      {list.state === 'failed' && (
        <p className="error" role="alert">
          {list.message}
        </p>
      )}
      {list.state === 'ready' && versions.length === 0 && <p className="calm-note">{t('history.none')}</p>}
      <ol className="versions" data-testid="versions">
        {versions.map((version) => (
          <li key={version.id} className="version" data-testid="version" data-kind={version.kind}>
            <button
              type="button"
              className="version__open"
              onClick={() => setReading(version)}
              data-testid="version-open"
            >
              <span className="version__when">{formatWhen(version.takenAt)}</span>
              <span className="version__kind">{kindText(version.kind)}</span>
              <span className="version__who" data-testid="version-writers">
                {writersText(version)}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

interface VersionViewProps {
  meetingId: string;
  version: VersionSummary;
  user: MeetingUser;
  people: MeetingPeople;
  canWrite: boolean;
  onBack: () => void;
  onRestored: () => void;
}

/** One version, read-only, with "Go back to this version" (asked first). */
function VersionView({ meetingId, version, user, people, canWrite, onBack, onRestored }: VersionViewProps) {
  const load = useCallback((id: string) => getVersion(id, version.id), [version.id]);
  useLanguage();
  const loaded = useFrozenDoc(meetingId, load, t('history.versionFailed'));
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      await restoreVersion(meetingId, version.id);
      onRestored();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : t('common.didNotWork'));
      setBusy(false);
    }
  };
  return (
    <section className="history" aria-labelledby="version-heading" data-testid="version-view">
      <div className="history__head">
        <h2 id="version-heading">{t('history.versionOf', { when: formatWhen(version.takenAt) })}</h2>
        <button type="button" className="button" onClick={onBack} data-testid="version-back">
          {t('history.backToHistory')}
        </button>
      </div>
      <p className="agreed__intro">
        {t('history.howItRead', { kind: kindText(version.kind), writers: writersText(version) })}
      </p>
      {canWrite && !asking && (
        <button
          type="button"
          className="button"
          onClick={() => setAsking(true)}
          data-testid="restore-version"
        >
          {t('history.goBack')}
        </button>
      )}
      {asking && (
        <div className="confirm" data-testid="confirm-restore-panel">
          <p>
            <strong>{t('history.bringBack')}</strong>
            {t('history.bringBackText', { name: user.name })}
          </p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={restore}
              data-testid="confirm-restore"
            >
              {t('history.yesGoBack')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setAsking(false)}>
              {t('history.notNow')}
            </button>
          </div>
        </div>
      )}
      <FrozenSections
        loaded={loaded}
        loadingText={t('history.loadingVersion')}
        user={user}
        people={people}
        testIdPrefix="version"
      />
    </section>
  );
}
