/**
 * The network's detail and activity log, loaded and refreshed now and then while the page is in view
 * (the log and "last seen" change while people join), or why they cannot be shown.
 */
import type { ActivityEntry, NetworkDetail } from '@polyphony/shared';
import { useCallback, useEffect, useState } from 'react';
import { getActivity, getNetwork } from '../../api/networks';
import { ApiRequestError, leftTheTeam, needsLinkAgain } from '../../api/request';
import { useT } from '../../i18n';
import { dropNetworkCopies } from '../../privacy/localCopies';
import { errorMessage } from '../../ui/useRequest';

/** What the network page can show. */
export type NetworkLoad =
  | { state: 'loading' }
  | { state: 'ready'; detail: NetworkDetail; activity: ActivityEntry[] }
  | { state: 'signed_out' }
  | { state: 'not_found' }
  | { state: 'revoked' }
  | { state: 'leftTeam' }
  | { state: 'erased' }
  | { state: 'failed'; message: string };

const REFRESH_MS = 15_000;

/** The network's state, a way to load it again, and a way to say it was erased from this page. */
export function useNetworkLoad(networkId: string): {
  load: NetworkLoad;
  refresh: () => Promise<void>;
  erased: () => void;
} {
  const t = useT();
  const [load, setLoad] = useState<NetworkLoad>({ state: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const [detail, activity] = await Promise.all([getNetwork(networkId), getActivity(networkId)]);
      setLoad({ state: 'ready', detail, activity });
    } catch (error) {
      if (needsLinkAgain(error)) setLoad({ state: 'signed_out' });
      else if (leftTheTeam(error)) {
        void dropNetworkCopies(networkId, 'revoked');
        setLoad({ state: 'leftTeam' });
      } else if (error instanceof ApiRequestError && error.status === 404) {
        // This browser's session is not (or no longer) in the network: its copies of it must go.
        const revoked = error.id === 'access_revoked';
        void dropNetworkCopies(networkId, revoked ? 'revoked' : 'erased');
        setLoad((previous) =>
          previous.state === 'erased' ? previous : { state: revoked ? 'revoked' : 'not_found' },
        );
      } else
        setLoad((previous) =>
          // A failed background refresh keeps what is on the screen.
          previous.state === 'ready'
            ? previous
            : { state: 'failed', message: errorMessage(error, t('network.couldNotOpen')) },
        );
    }
  }, [networkId, t]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const erased = useCallback(() => {
    void dropNetworkCopies(networkId, 'erased');
    setLoad({ state: 'erased' });
  }, [networkId]);

  return { load, refresh, erased };
}
