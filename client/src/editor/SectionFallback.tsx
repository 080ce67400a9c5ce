/**
 * What a section shows when its editor cannot open it: a document stored before the server checked
 * updates may hold content the editor's schema has no place for, or nest deeper than it can read. The
 * section's text is then shown as plain paragraphs (read without recursion), with a calm note; the rest
 * of the page, and every other section, go on working.
 */
import { type SectionName, sectionTexts } from '@polyphony/shared';
import { Component, type ErrorInfo, type ReactNode, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { t, useLanguage } from '../i18n';
import { sectionText } from './sections';

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

/** A section as plain text, kept current. */
export function SectionAsText({
  doc,
  section,
  testIdPrefix = 'editor',
  children,
}: {
  doc: Y.Doc;
  section: SectionName;
  testIdPrefix?: string;
  children?: ReactNode;
}) {
  useLanguage();
  const text = sectionText(section);
  const fragment = doc.getXmlFragment(section);
  const [texts, setTexts] = useState(() => sectionTexts(doc, section));
  useEffect(() => {
    const onChange = () => setTexts(sectionTexts(doc, section));
    fragment.observeDeep(onChange);
    onChange();
    return () => fragment.unobserveDeep(onChange);
  }, [doc, section, fragment]);
  const headingId = `${testIdPrefix}-${section}-heading`;
  return (
    <section
      className="section"
      aria-labelledby={headingId}
      data-section={section}
      data-testid={`section-${section}`}
    >
      <h2 id={headingId}>{text.heading}</h2>
      <p className="hint" role="note" data-testid={`${testIdPrefix}-${section}-as-text`}>
        {t('section.asPlainText')}
      </p>
      <div className="section-editor" data-testid={`${testIdPrefix}-${section}`}>
        {texts.map((paragraph, index) => (
          // Paragraphs of stored text have no identity of their own; their order is their key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      {children}
    </section>
  );
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
