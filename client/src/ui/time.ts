/** Dates and times in the reader's own language and time zone. */

const dateFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDateFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "Saturday 21 November 2026". */
export function longDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "21 December 2026". */
export function shortDate(iso: string): string {
  return shortDateFormat.format(new Date(iso));
}

/** "21 Nov, 14:05". */
export function dateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** "just now", "5 minutes ago", "yesterday", then the date. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return 'just now';
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
  return shortDate(iso);
}
