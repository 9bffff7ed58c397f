import type { DigitsPolicy } from '../domain/settings';
import type { DocNode } from '../editor/docSchema';

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits to ASCII 0–9; everything else unchanged. */
export function toWesternDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** ASCII and Persian digits to Arabic-Indic ٠–٩; everything else unchanged. */
export function toArabicIndicDigits(text: string): string {
  return text.replace(/[0-9\u06F0-\u06F9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return ARABIC_INDIC[code >= 0x06f0 ? code - 0x06f0 : code - 48]!;
  });
}

/** The newsroom's digits policy applied to a piece of prose. */
export function applyDigits(text: string, policy: DigitsPolicy): string {
  return policy === 'western' ? toWesternDigits(text) : toArabicIndicDigits(text);
}

/**
 * The policy applied to every text node of a document (what is published and exported); marks
 * and attributes — link targets, image hashes — keep their digits. Code (inline or block) is
 * left as typed. Returns a new document; the stored one is not touched.
 */
export function docApplyDigits(doc: DocNode, policy: DigitsPolicy): DocNode {
  const walk = (node: DocNode, inCode: boolean): DocNode => {
    const code = inCode || node.type === 'codeBlock';
    if (node.type === 'text' && node.text !== undefined) {
      if (code || node.marks?.some((mark) => mark.type === 'code')) return node;
      return { ...node, text: applyDigits(node.text, policy) };
    }
    if (!node.content) return node;
    return { ...node, content: node.content.map((child) => walk(child, code)) };
  };
  return walk(doc, false);
}

export const DIGIT_SETS = { arabicIndic: ARABIC_INDIC, persian: PERSIAN } as const;
