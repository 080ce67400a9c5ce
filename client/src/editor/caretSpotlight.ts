/**
 * A person's carets shown in full (first name, the rest of the name and the relation) while their entry
 * in "Who is here" is pointed at or has keyboard focus (issue 18). The carets themselves are hidden from
 * screen readers and cannot take focus (they are inside the text); the list of who is present is what a
 * keyboard reaches. One style rule, not a class on the carets: the editors draw carets anew as people move.
 */

let style: HTMLStyleElement | null = null;

/** Show the carets of participant `personId` in full, or (null) none. */
export function spotlightCarets(personId: string | null): void {
  if (!style) {
    style = document.createElement('style');
    style.dataset.caretSpotlight = '';
    document.head.append(style);
  }
  if (!personId) {
    style.textContent = '';
    return;
  }
  const caret = `.caret[data-person="${CSS.escape(personId)}"]`;
  style.textContent = `${caret} .caret-label { animation: none; opacity: 1; }
${caret} .caret-label[data-rest]::after { content: attr(data-rest); }`;
}
