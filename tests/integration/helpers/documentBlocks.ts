/** Building meeting documents in tests: a block element holding one paragraph of text. */
import * as Y from 'yjs';

/** An element `name` (a voice, a reflection, a plan item…) with `attributes`, a paragraph of `text`, then `children`. */
export function block(
  name: string,
  text: string,
  attributes: Record<string, unknown> = {},
  children: Y.XmlElement[] = [],
): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as string);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  element.insert(0, [paragraph, ...children]);
  return element;
}
