/** The start page: one optional field and one big button, from nothing to a live meeting. */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiRequestError, createMeeting } from '../api/meetings';
import { navigate } from '../ui/navigation';

/** Start a meeting now. */
export function StartPage() {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Polyphony — start a meeting';
  }, []);
  const start = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const trimmed = title.trim();
      const meeting = await createMeeting(trimmed ? { title: trimmed } : {});
      navigate(meeting.path);
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : 'The meeting could not be started.');
      setBusy(false);
    }
  };
  return (
    <main className="start">
      <h1 className="brand">Polyphony</h1>
      <p className="lead">One shared page for a network meeting, written together by everyone in it.</p>
      <form className="start-form" onSubmit={start}>
        <label htmlFor="meeting-title" className="field-label">
          Whose meeting is this? <span className="optional">(you can leave this empty)</span>
        </label>
        <input
          id="meeting-title"
          className="text-input"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder="For example: Anna and her family"
          maxLength={200}
          autoComplete="off"
        />
        <button type="submit" className="button primary big" disabled={busy}>
          {busy ? 'Starting…' : 'Start the meeting now'}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
      <p className="hint">No accounts. You will get a link to send to the others.</p>
    </main>
  );
}
