/** A piece of a result's passage: plain, or a match to draw in <mark>. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Splits a passage at its highlight ranges ([start, end) UTF-16 offsets from the core, whole
 * words with their harakat), dropping ranges that overlap, fall outside or come out of order.
 */
export function snippetParts(snippet: string, highlights: readonly (readonly [number, number])[]): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  const ranges = [...highlights].filter(([start, end]) => start >= 0 && end <= snippet.length && start < end).sort((a, b) => a[0] - b[0]);
  for (const [start, end] of ranges) {
    if (start < at) continue;
    if (start > at) parts.push({ text: snippet.slice(at, start), match: false });
    parts.push({ text: snippet.slice(start, end), match: true });
    at = end;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), match: false });
  return parts;
}
