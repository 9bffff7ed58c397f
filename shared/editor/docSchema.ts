import { z } from 'zod';

/**
 * The article body as ProseMirror JSON, validated in the core before anything is stored.
 * The renderer is untrusted: only the node and mark types Midad's editor produces are
 * accepted, links are limited to http, https and mailto, and images must point at stored
 * media by content hash (never at a file or remote URL).
 */
export const NODE_TYPES = [
  'doc',
  'paragraph',
  'text',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'horizontalRule',
  'hardBreak',
  'codeBlock',
  'image',
] as const;
/** `comment` anchors a desk comment (attrs.id); it is never exported or published. */
export const MARK_TYPES = ['bold', 'italic', 'link', 'strike', 'underline', 'code', 'comment'] as const;
export type NodeType = (typeof NODE_TYPES)[number];
export type MarkType = (typeof MARK_TYPES)[number];

export const directionSchema = z.enum(['rtl', 'ltr', 'auto']);
export type Direction = z.infer<typeof directionSchema>;

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
export function isSafeLinkHref(href: string): boolean {
  return SAFE_LINK.test(href.trim());
}

export interface DocMark {
  type: MarkType;
  attrs?: Record<string, unknown>;
}

export interface DocNode {
  type: NodeType;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: DocMark[];
  text?: string;
}

const MAX_DEPTH = 64;
const NODE_TYPE_SET = new Set<string>(NODE_TYPES);
const MARK_TYPE_SET = new Set<string>(MARK_TYPES);
const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns the first problem with an untrusted body, or null when it is a well-formed Midad
 * document. Hand-written rather than a recursive zod schema because it runs on every
 * autosave of articles with tens of thousands of nodes; `docSchema` wraps it for the contract.
 */
export function findDocProblem(value: unknown, depth = 0, path = 'body'): string | null {
  if (depth > MAX_DEPTH) return `${path}: document nested too deeply`;
  if (!isPlainObject(value)) return `${path}: expected a node object`;
  for (const key in value) if (!NODE_KEYS.has(key)) return `${path}: unknown key ${key}`;
  const type = value.type;
  if (typeof type !== 'string' || !NODE_TYPE_SET.has(type)) return `${path}: unknown node type ${String(type)}`;
  if (type === 'text') {
    if (typeof value.text !== 'string' || value.text.length === 0) return `${path}: text node without text`;
    if (value.content !== undefined) return `${path}: text node with content`;
  } else if (value.text !== undefined) {
    return `${path}: ${type} node carries text`;
  }
  let attrs: Record<string, unknown> = {};
  if (value.attrs !== undefined && value.attrs !== null) {
    if (!isPlainObject(value.attrs)) return `${path}: attrs must be an object`;
    attrs = value.attrs;
  }
  const dir = attrs.dir;
  if (dir !== undefined && dir !== null && dir !== 'rtl' && dir !== 'ltr' && dir !== 'auto') {
    return `${path}: bad direction ${String(dir)}`;
  }
  if (type === 'heading' && attrs.level !== undefined && ![1, 2, 3, 4, 5, 6].includes(attrs.level as number)) {
    return `${path}: bad heading level`;
  }
  if (type === 'image' && (typeof attrs.hash !== 'string' || !/^[0-9a-f]{64}$/.test(attrs.hash))) {
    return `${path}: image without a stored media hash`;
  }
  if (value.marks !== undefined) {
    if (!Array.isArray(value.marks) || value.marks.length > 16) return `${path}: marks must be a short array`;
    for (const mark of value.marks) {
      if (!isPlainObject(mark) || typeof mark.type !== 'string' || !MARK_TYPE_SET.has(mark.type)) {
        return `${path}: unknown mark`;
      }
      if (mark.attrs !== undefined && mark.attrs !== null && !isPlainObject(mark.attrs)) return `${path}: mark attrs must be an object`;
      if (mark.type === 'comment') {
        const id = (mark.attrs as Record<string, unknown> | undefined)?.id;
        if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) return `${path}: comment mark without an id`;
      }
      if (mark.type === 'link') {
        const href = (mark.attrs as Record<string, unknown> | undefined)?.href;
        if (typeof href !== 'string' || !isSafeLinkHref(href)) return `${path}: link must be http, https or mailto`;
      }
    }
  }
  if (value.content !== undefined) {
    if (!Array.isArray(value.content)) return `${path}: content must be an array`;
    for (let index = 0; index < value.content.length; index += 1) {
      const problem = findDocProblem(value.content[index], depth + 1, `${path}.content[${index}]`);
      if (problem) return problem;
    }
  }
  return null;
}

/** The body in the IPC contract: a `doc` node that passes `findDocProblem`. */
export const docSchema = z.custom<DocNode>().superRefine((value, ctx) => {
  if (!isPlainObject(value) || value.type !== 'doc') {
    ctx.addIssue({ code: 'custom', message: 'body must be a doc node' });
    return;
  }
  const problem = findDocProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export function emptyDoc(): DocNode {
  return { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: 'rtl' } }] };
}
