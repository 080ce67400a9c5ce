/**
 * `/switch-person`: a personal link was opened from another site while this browser is already someone
 * else in that network. Nothing has changed yet; the person says who they are here.
 */
import type { PendingJoinResponse } from '@polyphony/shared';
import { useEffect, useState } from 'react';
import { confirmPendingJoin, declinePendingJoin, getPendingJoin } from '../api/privacy';
import { useT } from '../i18n';
import '../ui/network.css';

const who = (person: { name: string; relation: string }) =>
  person.relation ? `${person.name} (${person.relation})` : person.name;

/** Asks before this browser becomes the link's person. */
export function SwitchPersonPage() {
  const t = useT();
  const [pending, setPending] = useState<PendingJoinResponse | null | 'none'>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = t('app.titleSuffix', { title: t('switch.title') });
    getPendingJoin().then(setPending, () => setPending('none'));
  }, [t]);
  const go = async (choice: () => Promise<{ path: string }>) => {
    setBusy(true);
    try {
      location.replace((await choice()).path);
    } catch {
      setBusy(false);
      setPending('none');
    }
  };
  if (pending === null) return <main className="notice" />;
  if (pending === 'none') {
    return (
      <main className="notice" data-testid="switch-person">
        <p className="brand small">Polyphony</p>
        <h1>{t('switch.none')}</h1>
        <p className="lead">{t('switch.noneLead')}</p>
      </main>
    );
  }
  return (
    <main className="notice" data-testid="switch-person">
      <p className="brand small">Polyphony</p>
      <h1>{t('switch.title')}</h1>
      <p className="lead">
        {t('switch.lead', {
          network: t('network.of', { name: pending.centreName }),
          current: who(pending.current),
          link: who(pending.link),
        })}
      </p>
      <p>{t('switch.why')}</p>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => go(confirmPendingJoin)}
          data-testid="switch-confirm"
        >
          {t('switch.become', { name: pending.link.name })}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => go(declinePendingJoin)}
          data-testid="switch-decline"
        >
          {t('switch.stay', { name: pending.current.name })}
        </button>
      </div>
    </main>
  );
}
