/**
 * Icons drawn rather than taken from an emoji font: not every device has one (Debian's Chromium showed
 * an empty box for 📹 and ✋). Each is decorative: the text beside it says what it means.
 */

/** A raised hand. */
export function HandIcon({ className = 'topbar__icon' }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
      <path
        d="M6.5 10V4.5a1.25 1.25 0 0 1 2.5 0V9m0-5.5V3a1.25 1.25 0 0 1 2.5 0v6m0-5a1.25 1.25 0 0 1 2.5 0v5.5m0-3a1.25 1.25 0 0 1 2.5 0V12a6 6 0 0 1-6 6h-.6a5 5 0 0 1-3.9-1.9L3 12.6a1.3 1.3 0 0 1 2-1.6l1.5 1.6"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** A camera. */
export function VideoIcon({ className = 'topbar__icon' }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
      <g fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round">
        <rect x="2.5" y="5.5" width="10.5" height="9" rx="2" />
        <path d="M13 9l4.5-2.5v7L13 11z" />
      </g>
    </svg>
  );
}
