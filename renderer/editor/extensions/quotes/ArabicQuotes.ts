import { typedReplacementAid } from '../punctuation/TypedReplacement';
import { arabicQuoteFor } from './rules';

/** A straight `"` around Arabic text becomes « or » (Ctrl+Z gives back the straight quote). */
export const ArabicQuotes = typedReplacementAid('midadArabicQuotes', (typed) => typed === '"', arabicQuoteFor);
