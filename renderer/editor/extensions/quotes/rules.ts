import { CONTEXT_CHARS } from '../punctuation/rules';
import { isLtrStrong, isRtlStrong } from '../../../../shared/text/scripts';

/** After these (or at the start of a paragraph) a quote opens; after anything else it closes. */
const OPENING_CONTEXT = /[\s([{«\u2014\u2013\-/:؛،]/u;

function lastStrong(text: string): 'rtl' | 'ltr' | null {
  for (let index = text.length - 1; index >= 0; index -= 1) {
    const code = text.charCodeAt(index);
    if (isRtlStrong(code)) return 'rtl';
    if (isLtrStrong(code)) return 'ltr';
  }
  return null;
}

function unclosedGuillemets(text: string): number {
  let open = 0;
  for (const ch of text) {
    if (ch === '«') open += 1;
    else if (ch === '»' && open > 0) open -= 1;
  }
  return open;
}

/**
 * A typed straight double quote `"` around Arabic text becomes « or », or null to keep it.
 * Opening: at the start of the paragraph or after a space, bracket, dash or colon, when the
 * text before it is not Latin (the nearest letter is Arabic, or there is none yet). Closing:
 * anywhere else, when a « is still open in the paragraph. `before` is the paragraph's text up to
 * the cursor.
 */
export function arabicQuoteFor(typed: string, before: string): string | null {
  if (typed !== '"') return null;
  const context = before.slice(-CONTEXT_CHARS);
  const last = context[context.length - 1];
  if (last === undefined || OPENING_CONTEXT.test(last)) {
    return lastStrong(context) === 'ltr' ? null : '«';
  }
  return unclosedGuillemets(context) > 0 ? '»' : null;
}
