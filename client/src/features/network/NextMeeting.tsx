/** "Start the next meeting" on the network page: open items are carried over to it. */
import { startNextMeeting } from '../../api/networks';
import { t, useLanguage } from '../../i18n';
import { navigate } from '../../ui/navigation';
import { useRequest } from '../../ui/useRequest';

/** The button, and what went wrong if it did. */
export function NextMeeting({ networkId }: { networkId: string }) {
  useLanguage();
  const { busy, error, run } = useRequest();
  // On success the page goes to the new meeting: the button stays disabled on the way.
  const start = () =>
    run(
      async () => {
        const meeting = await startNextMeeting(networkId);
        navigate(meeting.path);
      },
      t('start.couldNotStart'),
      { staysBusy: true },
    );
  return (
    <div className="next-meeting">
      <button type="button" className="button primary" onClick={start} disabled={busy}>
        {busy ? t('start.starting') : t('next.startNext')}
      </button>
      <p className="hint">{t('next.carried')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
