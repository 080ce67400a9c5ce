/**
 * The start page: from nothing to a live network meeting with everyone's personal link, in one form.
 * Whose network, an optional title, you, and who is coming; then each person's link with Copy and QR.
 */
import type { StartNetworkResponse } from '@polyphony/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { startNetwork } from '../../api/networks';
import { getSettings } from '../../api/privacy';
import { ApiRequestError } from '../../api/request';
import { useT } from '../../i18n';
import { type PersonDraft, PersonFields } from '../../ui/PersonFields';
import '../../ui/network.css';
import { StaffEntry } from '../team/OrganisationSignIn';
import { MyNetworks } from './MyNetworks';
import { StartResult } from './StartResult';

interface Row extends PersonDraft {
  key: number;
  /** The first row follows the name of the person at the centre until someone edits it. */
  followsCentre: boolean;
}

let nextKey = 1;
const newRow = (role: PersonDraft['role'] = 'network_member'): Row => ({
  key: nextKey++,
  name: '',
  relation: '',
  role,
  followsCentre: false,
});

/** Start a network meeting now. */
export function StartPage() {
  const t = useT();
  const [started, setStarted] = useState<StartNetworkResponse | null>(null);
  useEffect(() => {
    document.title = started ? t('start.startedTitle') : t('start.pageTitle');
  }, [t, started]);
  return started ? <StartResult started={started} /> : <StartForm onStarted={setStarted} />;
}

function StartForm({ onStarted }: { onStarted: (started: StartNetworkResponse) => void }) {
  const t = useT();
  const [centreName, setCentreName] = useState('');
  const [title, setTitle] = useState('');
  const [me, setMe] = useState<PersonDraft>({ name: '', relation: '', role: 'professional' });
  const [rows, setRows] = useState<Row[]>(() => [{ ...newRow('person_at_centre'), followsCentre: true }]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const focusRow = useRef<number | null>(null);
  const nameInputs = useRef(new Map<number, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);

  // After adding a row, put the cursor in its name field.
  useEffect(() => {
    if (focusRow.current === null) return;
    nameInputs.current.get(focusRow.current)?.focus();
    focusRow.current = null;
  });

  const shown = rows.map((row) => (row.followsCentre ? { ...row, name: centreName } : row));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!centreName.trim()) return setError(t('start.needCentre'));
    if (!me.name.trim()) return setError(t('start.needName'));
    setBusy(true);
    try {
      const people = shown
        .filter((row) => row.name.trim())
        .map(({ name, relation, role }) => ({ name: name.trim(), relation: relation.trim(), role }));
      onStarted(
        await startNetwork({
          centreName: centreName.trim(),
          ...(title.trim() ? { meetingTitle: title.trim() } : {}),
          me: { name: me.name.trim(), relation: me.relation.trim(), role: me.role },
          people,
        }),
      );
    } catch (caught) {
      // Too many starts, in words of this page; any other refusal as the request says it (in the page's
      // language where the dictionary has its id: "starting is turned off", see api/request.ts).
      setError(
        caught instanceof ApiRequestError && caught.id === 'rate_limited'
          ? t('start.tooMany')
          : caught instanceof ApiRequestError
            ? caught.message
            : t('start.couldNotStart'),
      );
      setBusy(false);
    }
  };

  const [anonymousStart, setAnonymousStart] = useState(true);
  useEffect(() => {
    getSettings().then(
      (settings) => setAnonymousStart(settings.anonymousStart),
      () => undefined,
    );
  }, []);

  return (
    <main className="start start--wide">
      <h1 className="brand">Polyphony</h1>
      <p className="lead">{t('start.lead')}</p>
      <StaffEntry />
      {!anonymousStart && (
        <p className="note" data-testid="start-turned-off">
          {t('start.turnedOff')}
        </p>
      )}
      <form className="start-form" onSubmit={submit} noValidate>
        <div>
          <label htmlFor="centre-name" className="field-label">
            {t('start.whoseNetwork')}
          </label>
          <p className="hint" id="centre-name-hint">
            {t('start.whoseHint')}
          </p>
          <input
            id="centre-name"
            className="text-input"
            value={centreName}
            onChange={(event) => setCentreName(event.target.value)}
            aria-describedby="centre-name-hint"
            placeholder={t('start.whosePlaceholder')}
            maxLength={80}
            autoComplete="off"
            required
            // biome-ignore lint/a11y/noAutofocus: the page exists to fill in this form; this is its first field.
            autoFocus
          />
        </div>
        <div>
          <label htmlFor="meeting-title" className="field-label">
            {t('start.titleLabel')} <span className="optional">{t('common.optional')}</span>
          </label>
          <input
            id="meeting-title"
            className="text-input"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            placeholder={t('start.titlePlaceholder')}
            maxLength={200}
            autoComplete="off"
          />
        </div>

        <fieldset className="group">
          <legend className="group__legend">{t('start.you')}</legend>
          <PersonFields
            value={me}
            onChange={setMe}
            nameLabel={t('start.yourName')}
            relationLabel={t('start.yourRelation')}
            relationPlaceholder={t('start.yourRelationPlaceholder')}
            roleLabel={t('start.yourRole')}
            required
          />
        </fieldset>

        <fieldset className="group">
          <legend className="group__legend">{t('start.whoIsComing')}</legend>
          <p className="hint">{t('start.whoIsComingHint')}</p>
          <ol className="people-rows">
            {shown.map((row, index) => {
              const label = row.name.trim() || t('start.personN', { n: index + 1 });
              return (
                <li key={row.key} className="people-rows__row" data-testid="person-row">
                  <PersonFields
                    ref={(input) => {
                      if (input) nameInputs.current.set(row.key, input);
                      else nameInputs.current.delete(row.key);
                    }}
                    value={row}
                    onChange={(value) =>
                      setRows((all) =>
                        all.map((r) =>
                          r.key === row.key
                            ? { ...r, ...value, followsCentre: r.followsCentre && value.name === centreName }
                            : r,
                        ),
                      )
                    }
                    nameLabel={t('start.nameOfPersonN', { n: index + 1 })}
                    relationLabel={t('start.relation')}
                    relationPlaceholder={
                      row.role === 'person_at_centre' ? '' : t('start.relationPlaceholder')
                    }
                    roleLabel={t('start.role')}
                    extra={
                      <button
                        type="button"
                        className="button small quiet"
                        aria-label={t('start.removeLabel', { name: label })}
                        onClick={() => {
                          setRows((all) => all.filter((r) => r.key !== row.key));
                          addButton.current?.focus();
                        }}
                      >
                        {t('start.remove')}
                      </button>
                    }
                  />
                </li>
              );
            })}
          </ol>
          <button
            ref={addButton}
            type="button"
            className="button"
            onClick={() => {
              const row = newRow();
              focusRow.current = row.key;
              setRows((all) => [...all, row]);
            }}
          >
            {t('start.addPerson')}
          </button>
        </fieldset>

        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary big" disabled={busy}>
          {busy ? t('start.starting') : t('start.startNow')}
        </button>
      </form>
      <MyNetworks />
    </main>
  );
}
