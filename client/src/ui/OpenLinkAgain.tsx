/** What a person sees when this browser holds no valid session (HTTP 401): open your personal link again. */
import { useEffect } from 'react';
import './network.css';

/** "Please open your personal link again", with what that means and what to do. */
export function OpenLinkAgain() {
  useEffect(() => {
    document.title = 'Please open your personal link again — Polyphony';
  }, []);
  return (
    <main className="notice" data-testid="open-link-again">
      <p className="brand small">Polyphony</p>
      <h1>Please open your personal link again</h1>
      <p className="lead">
        This phone or computer does not know who you are, so it cannot show this page. Your personal link
        tells it.
      </p>
      <ul className="plain-steps">
        <li>Find the message in which you got your link, and open the link from there.</li>
        <li>
          If the link does not work any more, ask the person who invited you (for example the nurse or doctor
          of the network) for a new one.
        </li>
      </ul>
      <p className="hint">Everything written in the meetings is kept.</p>
    </main>
  );
}
