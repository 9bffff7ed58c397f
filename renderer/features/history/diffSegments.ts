export interface DiffPart {
  kind: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A zero-width non-joiner: stops Arabic letters joining across two runs. */
export const NON_JOINER = '\u200c';

/**
 * The diff's parts as they are drawn. Arabic letters join across element boundaries, so a
 * deleted word directly followed by its replacement ("الحافلت" then "الحافلات") would be drawn
 * as one word: where two parts meet with no space between them, the second starts with a
 * zero-width non-joiner.
 */
export function diffSegments(parts: readonly DiffPart[]): DiffPart[] {
  return parts.map((part, index) => {
    const previous = index > 0 ? parts[index - 1]!.text : '';
    const touching = previous !== '' && part.text !== '' && !/\s$/.test(previous) && !/^\s/.test(part.text);
    return touching ? { kind: part.kind, text: NON_JOINER + part.text } : part;
  });
}
