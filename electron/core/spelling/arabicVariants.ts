/**
 * The spellings Arabic writers most often confuse, tried before the general edit-distance
 * search so the likely correction comes first: the hamza on or under alef (ا أ إ آ), the hamza's
 * seat (ء ؤ ئ أ), final ة/ه and final ى/ي. "الحكومه" → "الحكومة", "الإنتخابات" → "الانتخابات",
 * "مسئول" → "مسؤول", "علي" → "على" (when the list has it); and Persian ک ی for ك ي ("کتاب" → "كتاب").
 */
const ALEF = ['ا', 'أ', 'إ', 'آ'];
const HAMZA_SEAT = ['ء', 'ؤ', 'ئ', 'أ'];
const FINAL: Record<string, string[]> = { ه: ['ة'], ة: ['ه'], ي: ['ى'], ى: ['ي'] };
/** Persian letters typed on a Persian keyboard: keheh and farsi yeh for kaf and ya (or alef maqsura). */
const PERSIAN: Record<string, string[]> = { ک: ['ك'], ی: ['ي', 'ى'] };
const MAX_VARIANTS = 400;

function alternativesAt(letters: string[], index: number): string[] {
  const letter = letters[index]!;
  const out = new Set<string>();
  if (ALEF.includes(letter)) for (const other of ALEF) out.add(other);
  if (HAMZA_SEAT.includes(letter)) for (const other of HAMZA_SEAT) out.add(other);
  if (index === letters.length - 1) for (const other of FINAL[letter] ?? []) out.add(other);
  for (const other of PERSIAN[letter] ?? []) out.add(other);
  out.delete(letter);
  return [...out];
}

export interface Variant {
  word: string;
  changes: 1 | 2;
}

/** Words one or two such changes away, one-change ones first (the word itself excluded). */
export function arabicVariants(word: string): Variant[] {
  const letters = [...word];
  const singles: Array<{ index: number; letter: string }> = [];
  letters.forEach((_, index) => {
    for (const letter of alternativesAt(letters, index)) singles.push({ index, letter });
  });
  const out: Variant[] = [];
  const seen = new Set<string>([word]);
  const push = (variant: string, changes: 1 | 2) => {
    if (!seen.has(variant) && out.length < MAX_VARIANTS) {
      seen.add(variant);
      out.push({ word: variant, changes });
    }
  };
  for (const { index, letter } of singles) {
    const copy = letters.slice();
    copy[index] = letter;
    push(copy.join(''), 1);
  }
  // Stops at the cap: a long word of alefs would otherwise build thousands of pairs for nothing.
  for (let a = 0; a < singles.length && out.length < MAX_VARIANTS; a += 1) {
    for (let b = a + 1; b < singles.length && out.length < MAX_VARIANTS; b += 1) {
      if (singles[a]!.index === singles[b]!.index) continue;
      const copy = letters.slice();
      copy[singles[a]!.index] = singles[a]!.letter;
      copy[singles[b]!.index] = singles[b]!.letter;
      push(copy.join(''), 2);
    }
  }
  return out;
}
