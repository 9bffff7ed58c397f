import { ARABIC_PUNCTUATION, arabicPunctuationFor } from './rules';
import { typedReplacementAid } from './TypedReplacement';

/** `,` `;` `?` typed right after an Arabic letter become ، ؛ ؟ (Ctrl+Z gives back the typed one). */
export const ArabicPunctuation = typedReplacementAid('midadArabicPunctuation', (typed) => ARABIC_PUNCTUATION[typed] !== undefined, arabicPunctuationFor);
