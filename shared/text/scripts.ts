/**
 * Character classes for the writing aids, by code unit (no regex per character: the direction
 * rule runs on every keystroke in the paragraph being typed).
 */

/** An Arabic letter or a mark/tatweel written on one (harakat, shadda, ـ): a character inside an Arabic word. */
export function isArabicWordChar(code: number): boolean {
  if (code >= 0x0620 && code <= 0x065f) return true; // letters, tatweel, harakat
  if (code === 0x0670 || (code >= 0x0671 && code <= 0x06d3) || code === 0x06d5) return true;
  if (code >= 0x06d6 && code <= 0x06ed) return true; // Quranic marks
  if (code >= 0x06ee && code <= 0x06ef) return true;
  if (code >= 0x06fa && code <= 0x06ff) return true;
  if (code >= 0x0750 && code <= 0x077f) return true; // Arabic Supplement
  if (code >= 0x08a0 && code <= 0x08ff) return true; // Arabic Extended-A
  if (code >= 0xfb50 && code <= 0xfdff) return code < 0xfd3e || code > 0xfd3f; // presentation forms A (not the ornate parentheses)
  if (code >= 0xfe70 && code <= 0xfefc) return true; // presentation forms B
  return false;
}

/** A strong right-to-left letter: Arabic, Hebrew, Syriac, Thaana, N'Ko letters (not digits, not marks alone). */
export function isRtlStrong(code: number): boolean {
  if (code < 0x0590) return false;
  if (code <= 0x05ff) return code >= 0x05d0 && code <= 0x05f2; // Hebrew letters
  if (code <= 0x06ff) {
    if (code < 0x0620) return false;
    if (code >= 0x064b && code <= 0x065f) return false; // harakat: no direction of their own
    if (code >= 0x0660 && code <= 0x066d) return false; // Arabic-Indic digits, ٪ ٫ ٬
    if (code === 0x0670 || code === 0x06d4 || (code >= 0x06d6 && code <= 0x06ed)) return false;
    if (code >= 0x06f0 && code <= 0x06f9) return false; // Persian digits
    return true;
  }
  if (code <= 0x07ff) return true; // Syriac, Arabic Supplement, Thaana, N'Ko
  if (code >= 0x08a0 && code <= 0x08ff) return true;
  if (code >= 0xfb1d && code <= 0xfdff) return true;
  if (code >= 0xfe70 && code <= 0xfefc) return true;
  return false;
}

const OTHER_LETTER = /\p{L}/u;

/** A strong left-to-right letter: Latin, Greek, Cyrillic and any other letter that is not right to left. */
export function isLtrStrong(code: number): boolean {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  if (isRtlStrong(code) || (code >= 0x0590 && code <= 0x08ff)) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false; // astral: rare in news text, counted as neutral
  return OTHER_LETTER.test(String.fromCharCode(code));
}
