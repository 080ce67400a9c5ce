/** One person's personal link, shown once: the link, a Copy button and a QR code to scan in the room. */
import type { Invitation } from '@polyphony/shared';
import { useId, useState } from 'react';
import { copyText } from './copyText';
import { QrCode } from './QrCode';
import { possessive, ROLE_SHORT_LABELS } from './roles';
import { shortDate } from './time';
import './network.css';

interface InvitationCardProps {
  invitation: Invitation;
  /** The link of the person looking at it (for their other devices). */
  isYou?: boolean;
}

/** A personal link with Copy and QR. */
export function InvitationCard({ invitation, isYou = false }: InvitationCardProps) {
  const inputId = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const { participant, url, expiresAt } = invitation;
  const who = isYou ? 'Your own link' : `${possessive(participant.name)} link`;
  const details = [participant.relation, ROLE_SHORT_LABELS[participant.role]].filter(Boolean).join(' · ');
  return (
    <li className="invitation" data-testid="invitation" data-name={participant.name}>
      <h3 className="invitation__name">
        {participant.name}
        {isYou && <span className="muted"> (you)</span>}
      </h3>
      <p className="invitation__details">{details}</p>
      <label htmlFor={inputId} className="field-label">
        {who}
        {isYou && <span className="optional"> — for your phone or another computer</span>}
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
          aria-label={`Copy ${who.toLowerCase().replace('your own', 'your')}`}
          onClick={async (event) => {
            const input = event.currentTarget.previousElementSibling as HTMLInputElement | null;
            setCopied((await copyText(url, input)) ? 'copied' : 'failed');
          }}
        >
          Copy
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {copied === 'copied' && 'Copied. Paste it into a message to this person only.'}
        {copied === 'failed' && 'Could not copy. Select the link and copy it by hand.'}
        {copied === 'idle' && `Works until ${shortDate(expiresAt)}, unless it is revoked.`}
      </p>
      <figure className="invitation__qr">
        <QrCode url={url} label={`QR code of ${who.toLowerCase()}`} />
        <figcaption className="hint">
          {isYou
            ? 'Scan with your phone’s camera.'
            : `In the room? ${participant.name} can scan this with their phone’s camera.`}
        </figcaption>
      </figure>
    </li>
  );
}
