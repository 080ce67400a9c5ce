/**
 * `/ask/<code>`: someone new asks to join a meeting (issue 18). They give the name they wish to be called
 * and their relation, then wait on a calm page that says who will let them in. Until then this page shows
 * nothing of the network — the server tells it only whether they still wait.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { askState, askToJoin, enterAsAdmitted } from '../../api/admission';
import { ApiRequestError } from '../../api/request';
import { useT } from '../../i18n';
import '../../ui/network.css';
import './admission.css';

/** How often a waiting page asks whether it was let in. */
const POLL_MS = 2500;

type Stage =
  | { kind: 'loading' }
  | { kind: 'form'; problem?: string }
  | { kind: 'waiting' }
  | { kind: 'refused' }
  | { kind: 'in'; path: string; url: string };

/** The newcomer's page. */
export function AskPage({ code }: { code: string }) {
  const t = useT();
  const id = useId();
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [name, setName] = useState('');
  const [relation, setRelation] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = t('app.titleSuffix', { title: t('ask.title') });
  }, [t]);

  // Where this browser's request stands: on opening, and again and again while it waits.
  useEffect(() => {
    if (stage.kind !== 'loading' && stage.kind !== 'waiting') return;
    let live = true;
    const look = async () => {
      const { state } = await askState().catch(() => ({
        state: stage.kind === 'waiting' ? 'waiting' : 'none',
      }));
      if (!live) return;
      if (state === 'admitted') {
        const entered = await enterAsAdmitted().catch(() => null);
        if (live && entered) setStage({ kind: 'in', ...entered });
      } else if (state === 'refused') setStage({ kind: 'refused' });
      else if (state === 'waiting') setStage((now) => (now.kind === 'waiting' ? now : { kind: 'waiting' }));
      else if (stage.kind === 'loading') setStage({ kind: 'form' });
    };
    void look();
    const timer = stage.kind === 'waiting' ? setInterval(look, POLL_MS) : undefined;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
  }, [stage.kind]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await askToJoin(code, { name, relation });
      setStage({ kind: 'waiting' });
    } catch (error) {
      const problem =
        error instanceof ApiRequestError && error.status === 404
          ? t('ask.invalid')
          : error instanceof ApiRequestError && error.status === 429
            ? t('ask.tooMany')
            : error instanceof Error
              ? error.message
              : String(error);
      setStage({ kind: 'form', problem });
    } finally {
      setBusy(false);
    }
  };

  if (stage.kind === 'loading') return <main className="notice" />;
  if (stage.kind === 'waiting') {
    return (
      <main className="notice" data-testid="ask-waiting" role="status">
        <p className="brand small">Polyphony</p>
        <h1>{t('ask.waitingTitle')}</h1>
        <p className="lead">{t('ask.waitingLead')}</p>
      </main>
    );
  }
  if (stage.kind === 'refused') {
    return (
      <main className="notice" data-testid="ask-refused" role="status">
        <p className="brand small">Polyphony</p>
        <h1>{t('ask.refusedTitle')}</h1>
        <p className="lead">{t('ask.refusedLead')}</p>
      </main>
    );
  }
  if (stage.kind === 'in') {
    return (
      <main className="notice" data-testid="ask-in">
        <p className="brand small">Polyphony</p>
        <h1>{t('ask.inTitle')}</h1>
        <p className="lead">{t('ask.inLead')}</p>
        <p>
          <input
            className="text-input"
            readOnly
            value={stage.url}
            aria-label={t('ask.yourLink')}
            data-testid="ask-personal-link"
            onFocus={(event) => event.target.select()}
          />
        </p>
        <a className="button primary" href={stage.path} data-testid="ask-go">
          {t('ask.go')}
        </a>
      </main>
    );
  }
  return (
    <main className="notice" data-testid="ask-page">
      <p className="brand small">Polyphony</p>
      <h1>{t('ask.title')}</h1>
      <p className="lead">{t('ask.lead')}</p>
      <form onSubmit={send} className="ask-form">
        <label htmlFor={`${id}-name`} className="field-label">
          {t('ask.name')}
        </label>
        <input
          id={`${id}-name`}
          className="text-input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={80}
          autoComplete="name"
          required
          data-testid="ask-name"
        />
        <label htmlFor={`${id}-relation`} className="field-label">
          {t('ask.relation')}
        </label>
        <input
          id={`${id}-relation`}
          className="text-input"
          value={relation}
          onChange={(event) => setRelation(event.target.value)}
          maxLength={80}
          autoComplete="off"
          data-testid="ask-relation"
        />
        {stage.problem && (
          <p className="form-error" role="alert" data-testid="ask-problem">
            {stage.problem}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy} data-testid="ask-send">
            {t('ask.send')}
          </button>
        </div>
      </form>
    </main>
  );
}
