import { z } from 'zod';

export const languageSchema = z.enum(['ar', 'en']);
export type Language = z.infer<typeof languageSchema>;

/** The newsroom locale: dates, month names, numbers (Morocco's يناير … غشت … دجنبر by default). */
export const localeSchema = z.enum(['ar-MA', 'ar', 'ar-EG', 'ar-SA', 'en']);
export type NewsroomLocale = z.infer<typeof localeSchema>;

/** Digits in what is published and exported (the editor keeps what the writer typed). */
export const digitsPolicySchema = z.enum(['western', 'arabic-indic']);
export type DigitsPolicy = z.infer<typeof digitsPolicySchema>;

/** Slugs generated from the title: Arabic letters, or a Latin transliteration (docs/slugs.md). */
export const slugStyleSchema = z.enum(['arabic', 'latin']);
export type SlugStyle = z.infer<typeof slugStyleSchema>;

/** Bold/italic on part of an Arabic word breaks letter joining: widen it to the word, warn, or leave it. */
export const partialWordMarksSchema = z.enum(['widen', 'warn', 'off']);
export type PartialWordMarks = z.infer<typeof partialWordMarksSchema>;

/** Lines copied from news sites that paste cleanup drops (a whole paragraph equal to one of these, after normalization). */
export const DEFAULT_PASTE_BOILERPLATE: readonly string[] = [
  'إرسال تعليق',
  'أحدث أقدم',
  'اقرأ أيضا',
  'اقرأ أيضًا',
  'شارك المقال',
  'شارك الخبر',
  'تابعونا على',
  'اشترك في النشرة البريدية',
  'مواضيع ذات صلة',
  'أخبار ذات صلة',
  'إقرأ المزيد',
  'اقرأ المزيد',
  'Share this article',
  'Read more',
];

export const settingsSchema = z.object({
  language: languageSchema,
  wordsPerMinute: z.number().int().min(50).max(1000),
  /** Largest image accepted, in bytes. */
  maxImageBytes: z.number().int().min(1024).max(200 * 1024 * 1024),
  /** Minutes of continuous editing between two autosave revision snapshots. */
  revisionIntervalMinutes: z.number().int().min(1).max(120),
  /** Minutes without activity before the session locks and asks for the password again. */
  idleLockMinutes: z.number().int().min(1).max(24 * 60),
  /** One-person desks: a reviewer may approve an article they wrote. */
  allowSelfApproval: z.boolean(),
  /** Newsroom: locale of dates and numbers. */
  locale: localeSchema,
  /** Show the Hijri (islamic-umalqura) date beside the Gregorian one. */
  showHijri: z.boolean(),
  /** Newsroom: digits in published and exported text. */
  digits: digitsPolicySchema,
  /** Newsroom: how slugs are generated from titles. */
  slugStyle: slugStyleSchema,
  /** Writing aid: `,` `;` `?` become ، ؛ ؟ after Arabic letters. */
  arabicPunctuation: z.boolean(),
  /** Writing aid: straight quotes become « » around Arabic text. */
  arabicQuotes: z.boolean(),
  /** Writing aid: paragraphs follow their dominant script (not the first strong character). */
  autoDirection: z.boolean(),
  /** Writing aid: marks on part of an Arabic word. */
  partialWordMarks: partialWordMarksSchema,
  /** Paste cleanup (styles, scripts, tracking images dropped; structure kept). */
  pasteCleanup: z.boolean(),
  /** Newsroom: boilerplate lines paste cleanup removes. */
  pasteBoilerplate: z.array(z.string().max(200)).max(500),
  /** Spell checking in the editor (Arabic and English, offline). */
  spellcheck: z.boolean(),
  /** Automatic daily backups of the database into the data directory. */
  autoBackup: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'ar',
  wordsPerMinute: 200,
  maxImageBytes: 10 * 1024 * 1024,
  revisionIntervalMinutes: 5,
  idleLockMinutes: 15,
  allowSelfApproval: false,
  locale: 'ar-MA',
  showHijri: false,
  digits: 'western',
  slugStyle: 'arabic',
  arabicPunctuation: true,
  arabicQuotes: true,
  autoDirection: true,
  partialWordMarks: 'widen',
  pasteCleanup: true,
  pasteBoilerplate: [...DEFAULT_PASTE_BOILERPLATE],
  spellcheck: true,
  autoBackup: true,
};
