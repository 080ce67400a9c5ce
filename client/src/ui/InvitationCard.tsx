/** One person's personal link, shown once: the link, a Copy button and a QR code to scan in the room. */

import type { Invitation } from '@polyphony/shared';
import { useId, useState } from 'react';
import { tx, useT } from '../i18n';
import { copyText } from './copyText';
import { QrCode } from './QrCode';
import { roleShortLabel } from './roles';
import { shortDate } from './time';
import './network.css';

interface InvitationCardProps {
  invitation: Invitation;
  /** The link of the person looking at it (for their other devices). */
  isYou?: boolean;
}

/** A personal link with Copy and QR. */
export function InvitationCard({ invitation, isYou = false }: InvitationCardProps) {
  const t = useT();
  const inputId = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const { participant, url, expiresAt } = invitation;
  const name = participant.name;
  const details = [participant.relation, roleShortLabel(participant.role)].filter(Boolean).join(' · ');
  return (
    <li className="invitation" data-testid="invitation" data-name={participant.name}>
      <h3 className="invitation__name">
        {participant.name}
        {isYou && <span className="muted"> {t('common.you')}</span>}
      </h3>
      <p className="invitation__details">{details}</p>
      <label htmlFor={inputId} className="field-label">
        {isYou
          ? tx('invitation.yourOwnLinkFor', {
              device: <span className="optional">{t('invitation.forOtherDevice')}</span>,
            })
          : t('link.of', { name })}
      </label>
      <div className="invitation__row">
        <input
          id={inputId}
          className="text-input invitation__url"
          value={url}
          readOnly
          onFocus={(event) => event.target.select()}
          data-testid="invitation-url"
        />
        <button
          type="button"
          className="button"
          aria-label={isYou ? t('invitation.copyYour') : t('invitation.copyTheirs', { name })}
          onClick={async (event) => {
            const input = event.currentTarget.previousElementSibling as HTMLInputElement | null;
            setCopied((await copyText(url, input)) ? 'copied' : 'failed');
          }}
        >
          {t('invitation.copy')}
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {copied === 'copied' && t('invitation.copied')}
        {copied === 'failed' && t('invitation.copyFailed')}
        {copied === 'idle' && t('invitation.worksUntil', { date: shortDate(expiresAt) })}
      </p>
      <figure className="invitation__qr">
        <QrCode url={url} label={isYou ? t('invitation.qrYour') : t('invitation.qrTheirs', { name })} />
        <figcaption className="hint">
          {isYou ? t('invitation.scanYours') : t('invitation.scanTheirs', { name })}
        </figcaption>
      </figure>
    </li>
  );
}
