/**
 * The history of a meeting: the versions taken while people wrote, at closing, and just before and after
 * anyone went back to an earlier version, each with who was writing (and who went back to which);
 * reading any of them (read-only, with the same blocks); the version as agreed one tap away; and going
 * back to a version. The server does that as new edits by this person, after keeping the text it
 * replaces as a version of its own, and keeps every afterthought: the question asked first says so,
 * and lists the afterthoughts that stay.
 */

import type { VersionKind, VersionList, VersionSummary } from '@polyphony/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { getVersion, getVersions, restoreVersion } from '../../api/history';
import { afterthoughtsOf } from '../../editor/afterthoughts';
import type { MeetingPeople } from '../../editor/MeetingContext';
import { formatWhen } from '../../editor/time';
import { t, tx, useLanguage } from '../../i18n';
import type { MeetingUser } from '../../sync/MeetingSession';
import { FrozenSections, useFrozenDoc } from './AgreedView';

const KIND_TEXT = {
  auto: 'history.kind.auto',
  closing: 'history.kind.closing',
  before_restore: 'history.kind.before_restore',
  restore: 'history.kind.restore',
} as const satisfies Record<VersionKind, string>;

function kindText(version: VersionSummary): string {
  const kind = KIND_TEXT[version.kind] ?? KIND_TEXT.auto;
  if (!version.restoring) return t(kind);
  return `${t(kind)} · ${t('history.restoringBy', {
    name: version.restoring.by.name,
    when: formatWhen(version.restoring.version.takenAt),
  })}`;
}

/** An afterthought's text, short enough for one line of the question. */
function shortened(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed;
}

function writersText(version: VersionSummary): string {
  return version.writers.length > 0
    ? t('history.writtenBy', { names: version.writers.map((w) => w.name).join(t('common.listSeparator')) })
    : t('history.nobodyWriting');
}

interface HistoryPanelProps {
  meetingId: string;
  /** The living document: what going back would keep is read from it. */
  doc: Y.Doc;
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
  doc,
  user,
  people,
  canWrite,
  onShowAgreed,
  onClose,
}: HistoryPanelProps) {
  useLanguage();
  const [list, setList] = useState<ListState>({ state: 'loading' });
  const [reading, setReading] = useState<VersionSummary | null>(null);
  const [restored, setRestored] = useState<{ when: string; kept: number } | null>(null);

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
        doc={doc}
        version={reading}
        user={user}
        people={people}
        canWrite={canWrite}
        onBack={() => setReading(null)}
        onRestored={(kept) => {
          setRestored({ when: formatWhen(reading.takenAt), kept });
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
          {restored.kept > 0
            ? t('history.restoredAndKept', { when: restored.when, count: restored.kept })
            : t('history.restored', { when: restored.when })}
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
              <span className="version__kind">{kindText(version)}</span>
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
  doc: Y.Doc;
  version: VersionSummary;
  user: MeetingUser;
  people: MeetingPeople;
  canWrite: boolean;
  onBack: () => void;
  /** Gone back to it; `kept` afterthoughts stayed. */
  onRestored: (kept: number) => void;
}

/**
 * One version, read-only, with "Go back to this version" — asked first, saying exactly what happens:
 * what goes, what comes back, what stays (each afterthought, by name), and where the text of now is kept.
 */
function VersionView({
  meetingId,
  doc,
  version,
  user,
  people,
  canWrite,
  onBack,
  onRestored,
}: VersionViewProps) {
  const load = useCallback((id: string) => getVersion(id, version.id), [version.id]);
  useLanguage();
  const loaded = useFrozenDoc(meetingId, load, t('history.versionFailed'));
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Read when the question is asked: what stays is what the living document holds at that moment.
  const afterthoughts = useMemo(() => (asking ? afterthoughtsOf(doc) : []), [asking, doc]);
  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await restoreVersion(meetingId, version.id);
      onRestored(result.keptLaterAdditions);
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
        {t('history.howItRead', { kind: kindText(version), writers: writersText(version) })}
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
            {tx('history.bringBackNote', {
              question: <strong>{t('history.bringBack')}</strong>,
              name: user.name,
              when: formatWhen(version.takenAt),
            })}
          </p>
          {afterthoughts.length > 0 && (
            <>
              <p>{t('history.afterthoughtsStay', { count: afterthoughts.length })}</p>
              <ul className="afterthoughts" data-testid="afterthoughts-stay">
                {afterthoughts.map((afterthought) => (
                  <li
                    key={`${afterthought.section} ${afterthought.at} ${afterthought.authorName} ${afterthought.text}`}
                  >
                    {t('history.afterthought', {
                      name: afterthought.authorName || t('common.someone'),
                      text: shortened(afterthought.text),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
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
