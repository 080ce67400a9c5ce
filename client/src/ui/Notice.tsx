/**
 * A page-wide notice instead of a page: opening, a link that no longer works, a page that could not be
 * loaded. The meeting and network pages carry the language picker in their headers, so their notices
 * bring it along (`LanguageBar`) above the notice itself.
 */
import type { AriaRole, ReactNode } from 'react';
import { useT } from '../i18n';
import { LanguageBar } from './LanguagePicker';

/** A notice with the language picker above it. */
export function Notice({
  children,
  testId,
  role,
}: {
  children: ReactNode;
  testId?: string;
  role?: AriaRole;
}) {
  return (
    <>
      <LanguageBar />
      <main className="notice" data-testid={testId} role={role}>
        {children}
      </main>
    </>
  );
}

/** "… could not be opened", with what the server or the browser said and a button to try again. */
export function FailedNotice({ heading, message }: { heading: string; message: string }) {
  const t = useT();
  return (
    <Notice>
      <h1>{heading}</h1>
      <p role="alert">{message}</p>
      <button type="button" className="button" onClick={() => location.reload()}>
        {t('common.tryAgain')}
      </button>
    </Notice>
  );
}
