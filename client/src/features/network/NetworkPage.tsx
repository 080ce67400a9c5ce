/**
 * The network page, `/n/:id`: the network once it has loaded (Network.tsx), or a notice saying why it
 * cannot be shown.
 */
import { useEffect } from 'react';
import { useT } from '../../i18n';
import { LanguageBar } from '../../ui/LanguagePicker';
import { FailedNotice, Notice } from '../../ui/Notice';
import { OpenLinkAgain } from '../../ui/OpenLinkAgain';
import { Network } from './Network';
import { useNetworkLoad } from './useNetworkLoad';
import '../../ui/network.css';

/** The page of one network. */
export function NetworkPage({ networkId }: { networkId: string }) {
  const t = useT();
  const { load, refresh, erased } = useNetworkLoad(networkId);

  const centreName = load.state === 'ready' ? load.detail.network.centreName : null;
  useEffect(() => {
    document.title = centreName
      ? t('app.titleSuffix', { title: t('network.of', { name: centreName }) })
      : t('network.pageTitle');
  }, [t, centreName]);

  switch (load.state) {
    case 'loading':
      return (
        <Notice>
          <p>{t('network.opening')}</p>
        </Notice>
      );
    case 'signed_out':
      return (
        <>
          <LanguageBar />
          <OpenLinkAgain />
        </>
      );
    case 'revoked':
      return (
        <Notice testId="network-revoked" role="alert">
          <p className="brand small">Polyphony</p>
          <h1>{t('close.revoked')}</h1>
          <p className="lead">{t('ended.revokedLead')}</p>
        </Notice>
      );
    case 'leftTeam':
      return (
        <Notice testId="network-left-team" role="alert">
          <p className="brand small">Polyphony</p>
          <h1>{t('close.leftTeam')}</h1>
          <p className="lead">{t('ended.leftTeamLead')}</p>
        </Notice>
      );
    case 'erased':
      return (
        <Notice testId="network-erased" role="status">
          <p className="brand small">Polyphony</p>
          <h1>{t('erase.networkDone')}</h1>
          <p className="lead">{t('erase.networkDoneLead')}</p>
        </Notice>
      );
    case 'not_found':
      return (
        <Notice>
          <p className="brand small">Polyphony</p>
          <h1>{t('network.cannotShow')}</h1>
          <p className="lead">{t('network.cannotShowLead')}</p>
          <p>{t('network.cannotShowWhat')}</p>
        </Notice>
      );
    case 'failed':
      return <FailedNotice heading={t('network.couldNotOpenHeading')} message={load.message} />;
    case 'ready':
      return <Network detail={load.detail} activity={load.activity} onChanged={refresh} onErased={erased} />;
  }
}
