/**
 * The link that lets others join this meeting. Seam: personal invitations (one link per person, with a
 * role, revocable) replace this bare meeting link; only this component and the API call behind it change.
 */
import { useId, useState } from 'react';

async function copyText(text: string, fallbackInput: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (insecure origin, older browser): select the text and use the old command.
    if (!fallbackInput) return false;
    fallbackInput.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** The meeting link with a Copy button. */
export function ShareLink({ url }: { url: string }) {
  const inputId = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <section className="panel" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className="panel-heading">
        Invite others
      </h2>
      <label htmlFor={inputId} className="hint">
        Send this link to the people who are joining.
      </label>
      <div className="share-row">
        <input
          id={inputId}
          className="text-input share-url"
          value={url}
          readOnly
          onFocus={(event) => event.target.select()}
          data-testid="share-url"
        />
        <button
          type="button"
          className="button"
          onClick={async (event) => {
            const input = event.currentTarget.previousElementSibling as HTMLInputElement | null;
            setCopied((await copyText(url, input)) ? 'copied' : 'failed');
          }}
        >
          Copy
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {copied === 'copied' && 'Copied. Paste it into a message.'}
        {copied === 'failed' && 'Could not copy. Select the link and copy it by hand.'}
      </p>
    </section>
  );
}
