/**
 * A small header for every page inside a network: the name Polyphony and a link to the network's page
 * (its meetings, people and activity log). The meeting page can adopt it: `<AppHeader network={…}>` with
 * its save status as children.
 */
import type { NetworkSummary } from '@polyphony/shared';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { LanguagePicker } from './LanguagePicker';
import { LeaveDevice } from './LeaveDevice';
import './network.css';

interface AppHeaderProps {
  network?: Pick<NetworkSummary, 'id' | 'centreName'>;
  /** Whether this is the network page itself (the link is then marked as the current page). */
  current?: boolean;
  children?: ReactNode;
}

/** Brand, a link to the network page, and whatever the page adds on the right. */
export function AppHeader({ network, current = false, children }: AppHeaderProps) {
  const t = useT();
  return (
    <header className="app-header">
      <span className="brand small">Polyphony</span>
      {network && (
        <a
          className="app-header__network"
          href={`/n/${network.id}`}
          aria-current={current ? 'page' : undefined}
          data-testid="network-link"
        >
          {t('network.of', { name: network.centreName })}
        </a>
      )}
      <div className="app-header__end">
        {children}
        <LanguagePicker />
        <LeaveDevice />
      </div>
    </header>
  );
}
