/**
 * The rich-text sections' rules as the server checks them, read once from the same ProseMirror schema
 * the editors use (extensions.ts): which blocks each section and each block may hold, which attributes
 * each block has and of what kind, which marks text may carry. y-prosemirror stores a block as a
 * Y.XmlElement named after its node, its attributes as the element's attributes, and a run of text as a
 * Y.XmlText whose formatting attributes are the marks (name → the mark's attributes).
 */
import type { NodeType, Schema } from '@tiptap/pm/model';
import { SECTIONS, type SectionName } from './document.js';
import { sectionSchema } from './extensions.js';

/** The kind of value an attribute holds. */
export type AttributeKind =
  /** A short text (or absent). */
  | 'text'
  /** An ISO date-time, or empty. */
  | 'time'
  /** A small whole number. */
  | 'number'
  /** People named in a block: [{ id, name, … }]. */
  | 'people'
  /** One of a few words. */
  | { oneOf: readonly string[] };

/** What one block (node) may hold. */
export interface NodeRule {
  /** Blocks it may hold directly. */
  children: ReadonlySet<string>;
  /** Whether it holds text (a paragraph, a heading). */
  text: boolean;
  attributes: ReadonlyMap<string, AttributeKind>;
}

/** What one mark may carry. */
export interface MarkRule {
  attributes: ReadonlyMap<string, AttributeKind>;
}

/** All rules of the rich-text sections. */
export interface SectionRules {
  /** The blocks each section may hold at its top. */
  sections: ReadonlyMap<SectionName, ReadonlySet<string>>;
  nodes: ReadonlyMap<string, NodeRule>;
  marks: ReadonlyMap<string, MarkRule>;
}

/** Attributes whose kind the schema's defaults do not say. */
const KIND_OVERRIDES: Readonly<Record<string, Readonly<Record<string, AttributeKind>>>> = {
  planItem: { status: { oneOf: ['open', 'done'] } },
  openQuestion: { status: { oneOf: ['open', 'closed'] } },
  laterAddition: { at: 'time' },
};

function kindOf(owner: string, name: string, fallback: unknown): AttributeKind {
  const override = KIND_OVERRIDES[owner]?.[name];
  if (override) return override;
  if (typeof fallback === 'number') return 'number';
  if (Array.isArray(fallback)) return 'people';
  return 'text';
}

function attributesOf(owner: string, spec: Record<string, { default?: unknown }> | undefined) {
  const attributes = new Map<string, AttributeKind>();
  for (const [name, attribute] of Object.entries(spec ?? {})) {
    attributes.set(name, kindOf(owner, name, attribute.default));
  }
  return attributes;
}

/** Every node type a content expression can reach in one step (its possible children). */
function childrenOf(type: NodeType): Set<string> {
  const children = new Set<string>();
  const seen = new Set<unknown>();
  const stack = [type.contentMatch];
  while (stack.length > 0) {
    const match = stack.pop() as (typeof stack)[number];
    if (seen.has(match)) continue;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      children.add(edge.type.name);
      stack.push(edge.next);
    }
  }
  return children;
}

function build(): SectionRules {
  const all: Schema = sectionSchema();
  const nodes = new Map<string, NodeRule>();
  for (const [name, type] of Object.entries(all.nodes)) {
    if (name === 'doc' || name === 'text') continue;
    const children = childrenOf(type);
    const text = children.delete('text');
    nodes.set(name, { children, text, attributes: attributesOf(name, type.spec.attrs) });
  }
  const marks = new Map<string, MarkRule>();
  for (const [name, type] of Object.entries(all.marks)) {
    marks.set(name, { attributes: attributesOf(name, type.spec.attrs) });
  }
  const sections = new Map<SectionName, ReadonlySet<string>>();
  for (const section of SECTIONS)
    sections.set(section, childrenOf(sectionSchema(section).nodes.doc as NodeType));
  return { sections, nodes, marks };
}

let rules: SectionRules | undefined;

/** The rules of the rich-text sections (built once, from the editors' schema). */
export function sectionRules(): SectionRules {
  rules ??= build();
  return rules;
}
