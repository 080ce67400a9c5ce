/**
 * "Leave this device", on every page: ends this browser's session on the server, deletes the copies of
 * the meetings this device kept, and goes to a page that says so. Asked once before it happens, saying
 * what goes and how to come back.
 */
import { useState } from 'react';
import { useT } from '../i18n';
import { leaveDevice } from '../privacy/session';
import './network.css';

/** The button and its confirmation. `unsaved`: this page has edits the server has not confirmed yet. */
export function LeaveDevice({ unsaved = false }: { unsaved?: boolean }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [leaving, setLeaving] = useState(false);
  return (
    <span className="leave-device">
      <button
        type="button"
        className="button small"
        aria-expanded={asking}
        onClick={() => setAsking((open) => !open)}
        data-testid="leave-device"
      >
        {t('leave.button')}
      </button>
      {asking && (
        <span className="leave-device__confirm" role="dialog" aria-label={t('leave.question')}>
          <strong>{t('leave.question')}</strong>
          <span>{t('leave.what')}</span>
          {unsaved && <span className="error">{t('leave.unsaved')}</span>}
          <span className="actions">
            <button
              type="button"
              className="button danger-strong small"
              disabled={leaving}
              onClick={() => {
                setLeaving(true);
                void leaveDevice();
              }}
              data-testid="leave-device-confirm"
            >
              {leaving ? t('leave.leaving') : t('leave.yes')}
            </button>
            <button type="button" className="button small" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </span>
        </span>
      )}
    </span>
  );
}
