/** A QR code of a link, for someone in the room to scan with their phone. The library loads on first use. */

import { useEffect, useState } from 'react';
import { useT } from '../i18n';

/** The QR code as an image; its alt text says whose link it is. */
export function QrCode({ url, label, size = 176 }: { url: string; label: string; size?: number }) {
  const t = useT();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    import('qrcode')
      .then((qrcode) => qrcode.toDataURL(url, { margin: 2, width: size * 2, errorCorrectionLevel: 'M' }))
      .then(
        (data) => current && setSrc(data),
        () => current && setFailed(true),
      );
    return () => {
      current = false;
    };
  }, [url, size]);
  if (failed) return <p className="hint">{t('qr.failed')}</p>;
  return (
    <div className="qr" style={{ width: size, height: size }}>
      {src ? (
        <img src={src} width={size} height={size} alt={label} data-testid="qr-code" />
      ) : (
        <span className="hint">{t('qr.drawing')}</span>
      )}
    </div>
  );
}
