/** Dates and times in the reader's chosen language and their own time zone. */
import { dateFormat, relativeTime, t } from '../i18n';

/** "Saturday 21 November 2026". */
export function longDate(iso: string): string {
  return dateFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(iso),
  );
}

/** "21 December 2026". */
export function shortDate(iso: string): string {
  return dateFormat({ day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** "21 Nov, 14:05". */
export function dateTime(iso: string): string {
  return dateFormat({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** "just now", "5 minutes ago", "yesterday", then the date. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return t('time.justNow');
  if (abs < 3600) return relativeTime(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relativeTime(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return relativeTime(Math.round(seconds / 86_400), 'day');
  return shortDate(iso);
}
