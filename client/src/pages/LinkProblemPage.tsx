/** `/link-problem?reason=invalid|expired|revoked`: a personal link did not work; what that means, what to do. */
import { useEffect } from 'react';
import '../ui/network.css';

const REASONS = {
  invalid: {
    title: 'This link does not work',
    explanation:
      'The link is not one Polyphony knows. It may have been cut short or mistyped when it was copied into a message.',
  },
  expired: {
    title: 'This link has expired',
    explanation: 'Personal links work for a limited time, and this one’s time is up.',
  },
  revoked: {
    title: 'This link was revoked',
    explanation:
      'It no longer works: someone in the network ended it, or a new link was made for you in its place.',
  },
} as const;

type Reason = keyof typeof REASONS;

/** Explains a link that did not work. */
export function LinkProblemPage({ reason }: { reason: string | null }) {
  const known: Reason = reason && reason in REASONS ? (reason as Reason) : 'invalid';
  const { title, explanation } = REASONS[known];
  useEffect(() => {
    document.title = `${title} — Polyphony`;
  }, [title]);
  return (
    <main className="notice" data-testid="link-problem" data-reason={known}>
      <p className="brand small">Polyphony</p>
      <h1>{title}</h1>
      <p className="lead">{explanation}</p>
      <h2 className="section-heading">What to do</h2>
      <ul className="plain-steps">
        {known === 'invalid' && <li>Check that you opened the whole link, exactly as it was sent to you.</li>}
        <li>
          Ask the person who invited you (often the nurse or doctor of the network) to make you a new link.
          They can do it in a moment on the network page.
        </li>
        <li>Everything written in the meetings is kept, and you will see it again with your new link.</li>
      </ul>
    </main>
  );
}
