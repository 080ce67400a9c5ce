/**
 * Erasing from the network page, for those whose role allows it: the network, one meeting, or a
 * person. Each asks first with a plain confirmation that names what goes (the server's preview); a
 * person's erasure also asks what happens to their words — removed, or kept without their name.
 */
import type { ErasedWords, ErasurePreview } from '@polyphony/shared';
import { type ReactNode, useState } from 'react';
import {
  eraseMeeting,
  eraseNetwork,
  erasePerson,
  previewMeetingErasure,
  previewNetworkErasure,
  previewPersonErasure,
} from '../../api/privacy';
import { ApiRequestError } from '../../api/request';
import { t, useLanguage } from '../../i18n';
import { Confirm } from '../../ui/Confirm';

const failure = (error: unknown) =>
  error instanceof ApiRequestError ? error.message : t('common.didNotWork');

interface EraseProps {
  /** The button's words and its accessible name. */
  label: string;
  ariaLabel?: string;
  load: () => Promise<ErasurePreview>;
  /** What goes, in words, from the preview. */
  describe: (preview: ErasurePreview) => ReactNode;
  /** Extra choices (a person's words); the erase button waits until `ready`. */
  choices?: ReactNode;
  ready?: boolean;
  confirmLabel: (preview: ErasurePreview) => string;
  erase: () => Promise<unknown>;
  onErased: () => void | Promise<void>;
  testId: string;
}

/** A button that opens a confirmation naming what goes, then erases. */
function Erase({
  label,
  ariaLabel,
  load,
  describe,
  choices,
  ready = true,
  confirmLabel,
  erase,
  onErased,
  testId,
}: EraseProps) {
  useLanguage();
  const [preview, setPreview] = useState<ErasurePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await load());
    } catch (caught) {
      setError(failure(caught));
    } finally {
      setBusy(false);
    }
  };
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      await erase();
      setPreview(null);
      await onErased();
    } catch (caught) {
      setError(failure(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="erase" data-testid={testId}>
      {!preview && (
        <button
          type="button"
          className="button small danger"
          aria-label={ariaLabel}
          disabled={busy}
          onClick={open}
        >
          {label}
        </button>
      )}
      {preview && (
        <Confirm
          question={label}
          text={
            <>
              <div data-testid="erase-what">{describe(preview)}</div>
              {choices}
              <p className="hint">{t('erase.forGood')}</p>
            </>
          }
          confirmLabel={busy ? t('erase.erasing') : confirmLabel(preview)}
          busy={busy}
          ready={ready}
          onConfirm={go}
          onCancel={() => setPreview(null)}
          confirmTestId="erase-confirm"
        />
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Erase the whole network. */
export function EraseNetwork({ networkId, onErased }: { networkId: string; onErased: () => void }) {
  return (
    <Erase
      testId="erase-network"
      label={t('erase.network')}
      load={() => previewNetworkErasure(networkId)}
      describe={(p) => (
        <>
          <p>
            <strong>{t('erase.networkWhat', { network: t('network.of', { name: p.centreName }) })}</strong>
          </p>
          <ul className="plain-steps">
            <li>{t('erase.networkMeetings', { count: p.meetings.length, versions: p.versions })}</li>
            <li>
              {t('erase.networkPeople', {
                count: p.people.length,
                names: p.people.map((person) => person.name).join(t('common.listSeparator')),
              })}
            </li>
            <li>{t('erase.networkLog', { count: p.activityEntries })}</li>
          </ul>
        </>
      )}
      confirmLabel={(p) => t('erase.networkConfirm', { network: t('network.of', { name: p.centreName }) })}
      erase={() => eraseNetwork(networkId)}
      onErased={onErased}
    />
  );
}

/** Erase one meeting. */
export function EraseMeeting({
  meetingId,
  number,
  onErased,
}: {
  meetingId: string;
  number: number;
  onErased: () => Promise<void>;
}) {
  return (
    <Erase
      testId="erase-meeting"
      label={t('erase.meeting', { n: number })}
      load={() => previewMeetingErasure(meetingId)}
      describe={(p) => (
        <p>
          {t('erase.meetingWhat', {
            n: number,
            title: p.meetings[0]?.title ?? '',
            versions: p.versions,
          })}
        </p>
      )}
      confirmLabel={() => t('erase.meetingConfirm', { n: number })}
      erase={() => eraseMeeting(meetingId)}
      onErased={onErased}
    />
  );
}

/** Erase a person: their details everywhere, and their words as the eraser chooses. */
export function ErasePerson({
  networkId,
  participantId,
  name,
  onErased,
}: {
  networkId: string;
  participantId: string;
  name: string;
  onErased: () => Promise<void>;
}) {
  const [words, setWords] = useState<ErasedWords | null>(null);
  return (
    <Erase
      testId="erase-person"
      label={t('erase.person')}
      ariaLabel={t('erase.personLabel', { name })}
      load={() => previewPersonErasure(networkId, participantId)}
      describe={(p) => {
        const person = p.people[0];
        return (
          <>
            <p>
              <strong>
                {t('erase.personWhat', {
                  name: person
                    ? person.relation
                      ? `${person.name} (${person.relation})`
                      : person.name
                    : name,
                })}
              </strong>
            </p>
            <ul className="plain-steps">
              <li>{t('erase.personDetails', { links: p.links, sessions: p.sessions })}</li>
              <li>{t('erase.personLog', { count: p.activityEntries })}</li>
            </ul>
            <p>{t('erase.personWords', { count: p.meetings.length })}</p>
          </>
        );
      }}
      choices={
        <div className="erase__words" role="radiogroup" aria-label={t('erase.wordsLabel', { name })}>
          <label className="choice">
            <input
              type="radio"
              name={`words-${participantId}`}
              checked={words === 'remove'}
              onChange={() => setWords('remove')}
              data-testid="erase-words-remove"
            />
            <span>
              <strong>{t('erase.remove')}</strong> {t('erase.removeText', { name })}
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`words-${participantId}`}
              checked={words === 'anonymise'}
              onChange={() => setWords('anonymise')}
              data-testid="erase-words-anonymise"
            />
            <span>
              <strong>{t('erase.anonymise')}</strong> {t('erase.anonymiseText', { name })}
            </span>
          </label>
          <p className="hint">{t('erase.wordsWhy', { name })}</p>
        </div>
      }
      ready={words !== null}
      confirmLabel={() => t('erase.personConfirm', { name })}
      erase={() => erasePerson(networkId, participantId, words as ErasedWords)}
      onErased={onErased}
    />
  );
}
