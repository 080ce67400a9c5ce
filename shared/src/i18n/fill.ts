/**
 * Placeholders in translated text: `{name}` in a message, filled in by name. The client's dictionaries
 * and the server's Markdown export use the same format.
 */

/** The `{name}` placeholders of a text, as a union of names. */
export type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** Put parameters into a text; unknown placeholders stay as they are, so a gap is visible, not silent. */
export function fill(text: string, params: Readonly<Record<string, unknown>> | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
