/**
 * What a section shows when its editor cannot open it: a document stored before the server checked
 * updates may hold content the editor's schema has no place for, or nest deeper than it can read. The
 * section's text is then shown as plain paragraphs (read without recursion), with a calm note. Loaded
 * with the editor (sectionTexts reads blocks with the editor's schema, so it brings TipTap's core).
 */
import { type SectionName, sectionTexts } from '@polyphony/shared';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { t, useLanguage } from '../i18n';

/** A section's text as plain paragraphs, kept current, in the place of its editor (in SectionFrame). */
export function SectionAsText({
  doc,
  section,
  testIdPrefix = 'editor',
}: {
  doc: Y.Doc;
  section: SectionName;
  testIdPrefix?: string;
}) {
  useLanguage();
  const fragment = doc.getXmlFragment(section);
  const [texts, setTexts] = useState(() => sectionTexts(doc, section));
  useEffect(() => {
    const onChange = () => setTexts(sectionTexts(doc, section));
    fragment.observeDeep(onChange);
    onChange();
    return () => fragment.unobserveDeep(onChange);
  }, [doc, section, fragment]);
  return (
    <>
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
    </>
  );
}
