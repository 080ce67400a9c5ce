import type { MeResponse } from '@polyphony/shared';
import { useEffect, useState } from 'react';
import { getMe } from '../../api/networks';
import { useT } from '../../i18n';

/** The networks this browser is already in, so a professional can go back to them. */
export function MyNetworks() {
  const t = useT();
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
        {t('start.myNetworks')}
      </h2>
      <ul className="link-list">
        {me.memberships.map(({ network, participant }) => (
          <li key={network.id}>
            <a href={`/n/${network.id}`}>{t('network.of', { name: network.centreName })}</a>{' '}
            <span className="hint">{t('start.asName', { name: participant.name })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
