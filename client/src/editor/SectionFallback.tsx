/**
 * What a part of a page shows when it fails: a section whose editor cannot open it shows its text
 * instead (SectionAsText.tsx, loaded with the editor: it reads the text with the editor's schema), and
 * the rest of the page, and every other section, go on working.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t, useLanguage } from '../i18n';

/**
 * Catches what a section's editor (or any part of a page) throws while it is made or shown, and shows
 * the fallback instead.
 */
export class SectionBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.warn('a section could not be opened in its editor', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** What a page shows instead of going blank when something in it fails: a plain note and a way on. */
export function PageFailed() {
  useLanguage();
  return (
    <main className="notice" data-testid="page-failed">
      <h1>{t('meeting.couldNotOpen')}</h1>
      <p>
        <button type="button" className="button" onClick={() => location.reload()}>
          {t('common.tryAgain')}
        </button>
      </p>
    </main>
  );
}
