/** For observers, in place of the save status: they read and listen, and nothing they do is sent. */
import { useT } from '../../i18n';

/** A calm, always-visible line that says this person only reads. */
export function ReadOnlyBadge() {
  const t = useT();
  return (
    <p className="save-status save-status--readonly" role="status" data-testid="read-only-status">
      <span className="save-status__icon" aria-hidden="true">
        ◦
      </span>
      <span>{t('save.readOnly')}</span>
    </p>
  );
}
