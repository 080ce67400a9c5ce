/**
 * The start page: from nothing to a live network meeting with everyone's personal link, in one form.
 * Whose network, an optional title, you, and who is coming; then each person's link with Copy and QR.
 */
import type { MeResponse, StartNetworkResponse } from '@polyphony/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { getMe, startNetwork } from '../api/networks';
import { ApiRequestError } from '../api/request';
import { InvitationCard } from '../ui/InvitationCard';
import { type PersonDraft, PersonFields } from '../ui/PersonFields';
import { possessive } from '../ui/roles';
import '../ui/network.css';

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
  const [started, setStarted] = useState<StartNetworkResponse | null>(null);
  useEffect(() => {
    document.title = started ? 'The meeting has started — Polyphony' : 'Polyphony — start a network meeting';
  }, [started]);
  return started ? <StartResult started={started} /> : <StartForm onStarted={setStarted} />;
}

function StartForm({ onStarted }: { onStarted: (started: StartNetworkResponse) => void }) {
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
    if (!centreName.trim()) return setError('Please write whose network this is (a first name is enough).');
    if (!me.name.trim()) return setError('Please write your own name, as you wish to be called.');
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
      setError(caught instanceof ApiRequestError ? caught.message : 'The meeting could not be started.');
      setBusy(false);
    }
  };

  return (
    <main className="start start--wide">
      <h1 className="brand">Polyphony</h1>
      <p className="lead">
        One shared page for a network meeting, written together by everyone in it. No accounts: each person
        gets their own link.
      </p>
      <form className="start-form" onSubmit={submit} noValidate>
        <div>
          <label htmlFor="centre-name" className="field-label">
            Whose network is this?
          </label>
          <p className="hint" id="centre-name-hint">
            The person at the centre. A first name is enough.
          </p>
          <input
            id="centre-name"
            className="text-input"
            value={centreName}
            onChange={(event) => setCentreName(event.target.value)}
            aria-describedby="centre-name-hint"
            placeholder="For example: Anna"
            maxLength={80}
            autoComplete="off"
            required
            // biome-ignore lint/a11y/noAutofocus: the page exists to fill in this form; this is its first field.
            autoFocus
          />
        </div>
        <div>
          <label htmlFor="meeting-title" className="field-label">
            Title of the meeting <span className="optional">(optional)</span>
          </label>
          <input
            id="meeting-title"
            className="text-input"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="For example: First meeting, at home"
            maxLength={200}
            autoComplete="off"
          />
        </div>

        <fieldset className="group">
          <legend className="group__legend">You</legend>
          <PersonFields
            value={me}
            onChange={setMe}
            nameLabel="Your name, as you wish to be called"
            relationLabel="Your relation to the network"
            relationPlaceholder="For example: psychiatric nurse"
            roleLabel="Your role"
            required
          />
        </fieldset>

        <fieldset className="group">
          <legend className="group__legend">Who is coming</legend>
          <p className="hint">
            Everyone gets their own personal link. Leave a name empty to skip that row; you can invite more
            people later.
          </p>
          <ol className="people-rows">
            {shown.map((row, index) => {
              const label = row.name.trim() || `person ${index + 1}`;
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
                    nameLabel={`Name of person ${index + 1}`}
                    relationLabel="Relation"
                    relationPlaceholder={row.role === 'person_at_centre' ? '' : 'For example: mother'}
                    roleLabel="Role"
                    extra={
                      <button
                        type="button"
                        className="button small quiet"
                        aria-label={`Remove ${label}`}
                        onClick={() => {
                          setRows((all) => all.filter((r) => r.key !== row.key));
                          addButton.current?.focus();
                        }}
                      >
                        Remove
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
            + Add a person
          </button>
        </fieldset>

        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary big" disabled={busy}>
          {busy ? 'Starting…' : 'Start the meeting now'}
        </button>
      </form>
      <MyNetworks />
    </main>
  );
}

/** The networks this browser is already in, so a professional can go back to them. */
function MyNetworks() {
  const [me, setMe] = useState<MeResponse | null>(null);
  useEffect(() => {
    let current = true;
    getMe().then(
      (result) => current && setMe(result),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  if (!me || me.memberships.length === 0) return null;
  return (
    <section className="group" aria-labelledby="my-networks">
      <h2 id="my-networks" className="group__legend">
        Networks you are already in, on this browser
      </h2>
      <ul className="link-list">
        {me.memberships.map(({ network, participant }) => (
          <li key={network.id}>
            <a href={`/n/${network.id}`}>{possessive(network.centreName)} network</a>{' '}
            <span className="hint">(as {participant.name})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StartResult({ started }: { started: StartNetworkResponse }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const [mine, ...others] = started.invitations;
  return (
    <main className="start start--wide" data-testid="start-result">
      <p className="brand small">Polyphony</p>
      <h1 ref={heading} tabIndex={-1} className="result-heading">
        The meeting has started
      </h1>
      <p className="lead">
        {started.meeting.title} · {possessive(started.network.centreName)} network
      </p>
      <div className="note" role="note">
        <p>
          <strong>Each link is personal.</strong> It lets in only that person, in their role. Send each person
          their own link, for example by text message.
        </p>
        <p>
          <strong>The links are shown only now.</strong> Copy them before you go to the meeting. If one gets
          lost, make a new one on the network page.
        </p>
      </div>
      {others.length > 0 ? (
        <>
          <h2 className="section-heading">Send each person their own link</h2>
          <ul className="invitations">
            {others.map((invitation) => (
              <InvitationCard key={invitation.participant.id} invitation={invitation} />
            ))}
          </ul>
        </>
      ) : (
        <p>
          Nobody else was named yet. You can invite people on the{' '}
          <a href={`/n/${started.network.id}`}>network page</a>.
        </p>
      )}
      {mine && (
        <>
          <h2 className="section-heading">Your own link</h2>
          <p className="hint">
            This browser is already in. Use this link to open the meeting on another device.
          </p>
          <ul className="invitations">
            <InvitationCard invitation={mine} isYou />
          </ul>
        </>
      )}
      <p className="result-footer">
        <a className="button" href={`/n/${started.network.id}`}>
          Open the network page
        </a>
        <a className="button primary" href={started.meeting.path} data-testid="go-to-meeting">
          Go to the meeting
        </a>
      </p>
    </main>
  );
}
