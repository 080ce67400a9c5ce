/** Why this browser's session ended, in a sentence, when it ended by itself (not used, or its time limit). */
import type { SessionResponse } from '@polyphony/shared';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { getSession } from '../privacy/session';

/** "It ended because this device was not used for 60 minutes." — or nothing. */
export function SessionEndReason() {
  const t = useT();
  const [session, setSession] = useState<SessionResponse | null>(null);
  useEffect(() => {
    getSession().then(setSession, () => setSession(null));
  }, []);
  if (session?.state === 'idle') {
    return (
      <p className="lead" data-testid="session-end-reason">
        {t('ended.sessionIdle', { minutes: Math.max(1, Math.round(session.idleMinutes)) })}
      </p>
    );
  }
  if (session?.state === 'lifetime') {
    return (
      <p className="lead" data-testid="session-end-reason">
        {t('ended.sessionLifetime')}
      </p>
    );
  }
  return null;
}
