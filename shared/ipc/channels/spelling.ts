import { z } from 'zod';
import { MAX_SPELL_WORD } from '../../text/spellTokens';
import { channel, empty } from '../channel';

export const spellLanguageSchema = z.enum(['ar', 'en-US']);

/** One word as the editor sends it (harakat allowed); longer tokens are never words. */
const spellWordSchema = z.string().min(1).max(MAX_SPELL_WORD);

export const dictionaryWordSchema = z.object({
  /** As stored: harakat and tatweel removed. */
  word: z.string(),
  language: spellLanguageSchema,
  /** Who added it (null for the command line). */
  addedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  addedAt: z.string(),
});
export type DictionaryWord = z.infer<typeof dictionaryWordSchema>;

export const spellLanguageStatusSchema = z.object({
  language: spellLanguageSchema,
  /** The bundled dictionary could be loaded. */
  available: z.boolean(),
  /** Where the word list comes from (package and version), for the settings screen. */
  source: z.string(),
});
export type SpellLanguageStatus = z.infer<typeof spellLanguageStatusSchema>;

/**
 * Spell checking (docs/spelling.md): Arabic and English word lists bundled with the app and
 * read by the core, so checking works offline and the same on every platform, plus the
 * newsroom's own dictionary in the database (words anyone signed in adds; removed by whoever
 * added them or an admin).
 */
export const spellingChannels = {
  /** Which of `words` are misspelled (each returned as sent). Words in neither language are never misspelled. */
  'spell.check': channel(
    'user',
    z.object({ words: z.array(spellWordSchema).max(5000) }).strict(),
    z.object({ misspelled: z.array(z.string()) }),
  ),
  /** Up to six corrections, best first (empty when the word is spelled right). */
  'spell.suggest': channel('user', z.object({ word: spellWordSchema }).strict(), z.object({ suggestions: z.array(z.string()).max(6) })),
  /** Adds one word to the newsroom dictionary; returns it as stored. */
  'spell.addWord': channel('user', z.object({ word: spellWordSchema }).strict(), dictionaryWordSchema),
  /** Removes a word (its adder or an admin). */
  'spell.removeWord': channel('user', z.object({ word: spellWordSchema }).strict(), z.object({ removed: z.boolean() })),
  /** The newsroom dictionary and which bundled dictionaries are available. */
  'spell.dictionary': channel(
    'user',
    empty,
    z.object({ words: z.array(dictionaryWordSchema), languages: z.array(spellLanguageStatusSchema) }),
  ),
} as const;
