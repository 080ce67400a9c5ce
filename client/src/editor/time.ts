/** Dates and times as a person reads them: "22 Nov, 10:14", in the language they chose. */
import { dateFormat } from '../i18n';

/** A short date and time, or the text itself when it is not a date. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A day and time with the weekday, for the next meeting: "Tuesday 25 November, 14:00". */
export function formatMeetingTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat({
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
