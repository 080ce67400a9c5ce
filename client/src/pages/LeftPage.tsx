/** `/left`: this device was left. Nothing of the network is on it any more; the link brings the person back. */
import { useEffect } from 'react';
import { useT } from '../i18n';
import '../ui/network.css';

/** Says that this device holds nothing of the network, and how to come back. */
export function LeftPage() {
  const t = useT();
  const heading = t('left.title');
  useEffect(() => {
    document.title = t('app.titleSuffix', { title: heading });
  }, [t, heading]);
  return (
    <main className="notice" data-testid="left-device">
      <p className="brand small">Polyphony</p>
      <h1>{heading}</h1>
      <p className="lead">{t('left.lead')}</p>
      <p>{t('left.back')}</p>
    </main>
  );
}
