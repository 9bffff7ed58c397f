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

const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;
/** A number as written: digits with decimal or thousands separators (Western or Arabic) between them. */
const NUMBER = /[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,\u066B\u066C][0-9\u0660-\u0669\u06F0-\u06F9]+)*/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;
/** Tokens the policy never touches: addresses (URLs, e-mail, domains) written as plain text. */
const ADDRESS = /^[(«"']*(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[^\s@]+@[^\s@]+\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|ma|eg|sa|dz|tn|ae|qa|io|gov|edu)\b)/i;

function isLatin(char: string | undefined): boolean {
  return char !== undefined && LATIN_LETTER.test(char);
}

/**
 * A number inside a Latin name or code keeps its Western digits under the Arabic-Indic policy:
 * 5G, H1N1, COVID-19, MP3 (a digit touching a Latin letter, or a hyphen after one).
 */
function partOfLatinName(text: string, start: number, end: number): boolean {
  if (isLatin(text[start - 1]) || isLatin(text[end])) return true;
  return text[start - 1] === '-' && isLatin(text[start - 2]);
}

function convertNumber(number: string, policy: DigitsPolicy): string {
  if (policy === 'western') return toWesternDigits(number).replace(/\u066B/g, '.').replace(/\u066C/g, ',');
  return toArabicIndicDigits(number).replace(/\./g, '\u066B').replace(/,/g, '\u066C');
}

/**
 * The newsroom's digits policy applied to a piece of prose: the digits of every number, its
 * decimal and thousands separators (٫ ٬ ↔ . ,) and a percent sign right after it (٪ ↔ %).
 * Addresses written as plain text keep theirs, and under the Arabic-Indic policy so do numbers
 * inside Latin names and codes (5G, COVID-19).
 */
export function applyDigits(text: string, policy: DigitsPolicy): string {
  if (!DIGIT.test(text)) return text;
  return text.replace(/\S+/g, (token) => {
    if (!DIGIT.test(token) || ADDRESS.test(token)) return token;
    return token.replace(NUMBER, (number, offset: number) => {
      if (policy === 'arabic-indic' && partOfLatinName(token, offset, offset + number.length)) return number;
      return convertNumber(number, policy);
    }).replace(/([0-9\u0660-\u0669])([%\u066A])/g, (_match, digit: string, sign: string) => {
      const arabic = /[\u0660-\u0669]/.test(digit);
      return digit + (arabic ? '\u066A' : sign === '\u066A' && policy === 'western' ? '%' : sign);
    });
  });
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
