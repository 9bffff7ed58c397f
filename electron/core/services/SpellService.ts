import type { Database } from 'better-sqlite3';
import { ErrorCode, MidadError } from '../../../shared/errors';
import type { DictionaryWord, SpellLanguageStatus } from '../../../shared/ipc/channels/spelling';
import { isSingleSpellWord, spellLanguageOf, SPELL_LANGUAGES, type SpellLanguage } from '../../../shared/text/spellTokens';
import type { CallContext } from '../CallContext';
import type { AuditEntry } from '../db/queries/audit';
import { cached } from '../db/statements';
import { arabicVariants } from '../spelling/arabicVariants';
import { COMMON_WORDS } from '../spelling/commonWords';
import { loadDictionary, loadTrieLib, type LoadedDictionary } from '../spelling/dictionaries';
import { normalizeSpellWord } from '../spelling/normalize';

const MAX_SUGGESTIONS = 6;
/** A suggestion search stops after this long (the menu waits for it). */
const SUGGEST_TIMEOUT_MS = 250;
/**
 * Newsroom words close to a misspelling are offered ahead of the lists' (a name the desk added is
 * the likely intent): one edit away, or two for a newsroom word of five letters or more. Cost 10 + 20 per
 * edit, below any list suggestion of the same distance.
 */
function newsroomCost(word: string, own: string, editDistance: (a: string, b: string, cost?: number) => number): number | null {
  if (Math.abs([...word].length - [...own].length) > 2) return null;
  const edits = editDistance(word, own, 1);
  const allowed = [...own].length >= 5 ? 2 : 1;
  return edits <= allowed ? 10 + edits * 20 : null;
}

interface WordRow {
  word: string;
  language: SpellLanguage;
  added_by: string | null;
  added_by_name: string | null;
  added_at: string;
}

interface Lists {
  dictionaries: Record<SpellLanguage, LoadedDictionary | null>;
  newsroom: Map<SpellLanguage, Set<string>>;
}

export interface SpellServiceOptions {
  clock: () => Date;
  audit: (entry: AuditEntry) => void;
  /** Where the built dictionaries are (default: found beside the bundle or under dist/). */
  dictionariesDir?: string;
}

/**
 * Spell checking for the editor and the command line (docs/spelling.md): the bundled Arabic
 * (Ayaspell) and English (SCOWL) word lists plus the newsroom's own words. Each word is judged
 * by the list of its script; words in other scripts, acronyms, URLs and the like are never
 * flagged (shared/text/spellTokens.ts). A dictionary that cannot be loaded flags nothing.
 */
export class SpellService {
  /** The newsroom's words by language, kept in step with every add/remove here. */
  private newsroom: Map<SpellLanguage, Set<string>> | null = null;
  /** `PRAGMA data_version` when they were read: another connection's commit (the CLI) changes it. */
  private newsroomVersion = -1;

  constructor(
    private readonly db: Database,
    private readonly options: SpellServiceOptions,
  ) {}

  private dictionary(language: SpellLanguage): Promise<LoadedDictionary | null> {
    return loadDictionary(language, this.options.dictionariesDir);
  }

  /** Both word lists (loaded on first use, once per process). */
  private async dictionaries(): Promise<Record<SpellLanguage, LoadedDictionary | null>> {
    const [ar, en] = await Promise.all([this.dictionary('ar'), this.dictionary('en-US')]);
    return { ar, 'en-US': en };
  }

  /** The newsroom's words, read again when another connection has committed since (checked once per call). */
  private newsroomWords(): Map<SpellLanguage, Set<string>> {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (!this.newsroom || version !== this.newsroomVersion) {
      this.newsroomVersion = version;
      this.newsroom = new Map(SPELL_LANGUAGES.map((lang) => [lang, new Set<string>()]));
      const rows = cached<[], { word: string; language: SpellLanguage }>(this.db, 'SELECT word, language FROM spelling_words').all();
      for (const row of rows) this.newsroom.get(row.language)?.add(row.word);
    }
    return this.newsroom;
  }

  /** Everything a word is judged against, gathered once per call. */
  private async lists(): Promise<Lists> {
    return { dictionaries: await this.dictionaries(), newsroom: this.newsroomWords() };
  }

  /** Whether one word (as written) is spelled right, given the word lists. */
  private judge(raw: string, lists: Lists): boolean {
    const language = spellLanguageOf(raw);
    if (!language) return true;
    const word = normalizeSpellWord(raw, language);
    const own = lists.newsroom.get(language)!;
    if (own.has(word)) return true;
    const dictionary = lists.dictionaries[language];
    if (!dictionary) return true;
    if (dictionary.trie.has(word)) return true;
    if (language === 'en-US') {
      // A capitalized word at the start of a sentence, or a newsroom word written in lower case.
      const lower = word.toLowerCase();
      if (lower !== word && (dictionary.trie.has(lower) || own.has(lower))) return true;
    }
    return false;
  }

  /** Whether one word (as written) is spelled right. */
  async isCorrect(raw: string): Promise<boolean> {
    return this.judge(raw, await this.lists());
  }

  /** The misspelled words among `words`, each once, as sent. */
  async check(words: readonly string[]): Promise<string[]> {
    const lists = await this.lists();
    const misspelled: string[] = [];
    const seen = new Set<string>();
    for (const word of words) {
      if (seen.has(word)) continue;
      seen.add(word);
      if (!this.judge(word, lists)) misspelled.push(word);
    }
    return misspelled;
  }

  /** Corrections for a misspelled word, best first; none for a word spelled right. */
  async suggest(raw: string): Promise<string[]> {
    const language = spellLanguageOf(raw);
    const lists = await this.lists();
    if (!language || this.judge(raw, lists)) return [];
    const dictionary = lists.dictionaries[language];
    if (!dictionary) return [];
    const { editDistance } = await loadTrieLib();
    const word = normalizeSpellWord(raw, language);
    const capitalized = language === 'en-US' && /^\p{Lu}/u.test(word);
    const started = performance.now();
    const scored = new Map<string, number>();
    // Ayaspell also lists the rare interrogative أ before the article (ألحكومة، "is it the
    // government?"): a writer who typed the article ال almost never meant it.
    const keepsArticle = language === 'ar' && word.startsWith('ال');
    const offer = (candidate: string, base: number) => {
      if (candidate === word) return;
      let cost = keepsArticle && !candidate.startsWith('ال') ? base + 100 : base;
      // Equal costs: the frequent word first ("teh" → "the" before "eth").
      if (COMMON_WORDS.has(candidate.toLowerCase())) cost -= 5;
      const previous = scored.get(candidate);
      if (previous === undefined || cost < previous) scored.set(candidate, cost);
    };
    if (language === 'ar') {
      // The confusions Arabic writers make most (hamza, ة/ه, ى/ي) first.
      // Cheaper than the same swap found by the general search, so they rank first.
      for (const variant of arabicVariants(word)) {
        if (dictionary.trie.has(variant.word)) offer(variant.word, variant.changes === 1 ? 30 : 70);
      }
    }
    for (const result of dictionary.trie.suggestWithCost(word, {
      numSuggestions: MAX_SUGGESTIONS * 2,
      changeLimit: 3,
      ignoreCase: language === 'en-US',
      timeout: SUGGEST_TIMEOUT_MS,
      weightMap: dictionary.weightMap,
      includeTies: false,
    })) {
      offer(result.word, result.cost);
    }
    // Bounded by the same time as the list's search: a dictionary of thousands of words must not hold the core.
    for (const own of lists.newsroom.get(language)!) {
      if (performance.now() - started > SUGGEST_TIMEOUT_MS) break;
      const cost = newsroomCost(word, own, editDistance);
      if (cost !== null) offer(own, cost);
    }
    let ordered = [...scored.entries()].sort((a, b) => a[1] - b[1]).map(([candidate]) => candidate);
    // "Teh" is a capitalized word, not an acronym: "TBH" and "TeX" are no corrections for it.
    if (language === 'en-US' && !/\p{Lu}/u.test(word.slice(1))) ordered = ordered.filter((candidate) => !/\p{Lu}/u.test(candidate.slice(1)));
    const shaped = capitalized ? ordered.map((candidate) => candidate.charAt(0).toUpperCase() + candidate.slice(1)) : ordered;
    return [...new Set(shaped)].filter((candidate) => candidate !== word).slice(0, MAX_SUGGESTIONS);
  }

  private wordRow(word: string): WordRow | undefined {
    return cached<[string], WordRow>(
      this.db,
      `SELECT s.word, s.language, s.added_by, u.name AS added_by_name, s.added_at
         FROM spelling_words s LEFT JOIN users u ON u.id = s.added_by WHERE s.word = ?`,
    ).get(word);
  }

  private static toWord(row: WordRow): DictionaryWord {
    return {
      word: row.word,
      language: row.language,
      addedBy: row.added_by ? { id: row.added_by, name: row.added_by_name ?? '' } : null,
      addedAt: row.added_at,
    };
  }

  private static parse(raw: string): { word: string; language: SpellLanguage } {
    const language = isSingleSpellWord(raw) ? spellLanguageOf(raw) : null;
    // Folding can expand a ligature into a phrase (U+FDFA): the stored form must be one word too.
    const word = language ? normalizeSpellWord(raw, language) : '';
    if (!language || !isSingleSpellWord(word)) {
      throw new MidadError(
        ErrorCode.VALIDATION,
        `“${raw}” is not one Arabic or English word; only single words can be added to the dictionary.`,
        `«${raw}» ليست كلمة عربية أو إنجليزية واحدة؛ لا يُضاف إلى القاموس إلا كلمة مفردة.`,
      );
    }
    return { word, language };
  }

  /** Adds a word to the newsroom dictionary (adding one that is there already returns it). */
  addWord(ctx: CallContext, raw: string): DictionaryWord {
    const { word, language } = SpellService.parse(raw);
    const at = this.options.clock().toISOString();
    this.db.transaction(() => {
      // Already there (added meanwhile from another window or the CLI): kept as it was, not audited twice.
      const inserted = cached(this.db, 'INSERT INTO spelling_words (word, language, added_by, added_at) VALUES (?, ?, ?, ?) ON CONFLICT(word) DO NOTHING').run(word, language, ctx.user?.id ?? null, at);
      if (inserted.changes > 0) this.options.audit({ actor: ctx.actor, action: 'spelling.word_added', detail: { word, language } });
    })();
    this.newsroomWords().get(language)!.add(word);
    return SpellService.toWord(this.wordRow(word)!);
  }

  /** Removes a word: whoever added it or an admin (the command line acts as admin). */
  removeWord(ctx: CallContext, raw: string): boolean {
    const { word, language } = SpellService.parse(raw);
    const row = this.wordRow(word);
    if (!row) return false;
    const isAdmin = ctx.user?.role === 'admin';
    if (!isAdmin && (row.added_by === null || row.added_by !== ctx.user?.id)) {
      throw new MidadError(
        ErrorCode.FORBIDDEN,
        `Only the person who added “${word}” or an admin can remove it from the dictionary.`,
        `لا يحذف «${word}» من القاموس إلا من أضافها أو مدير.`,
      );
    }
    this.db.transaction(() => {
      cached(this.db, 'DELETE FROM spelling_words WHERE word = ?').run(word);
      this.options.audit({ actor: ctx.actor, action: 'spelling.word_removed', detail: { word, language } });
    })();
    this.newsroomWords().get(language)!.delete(word);
    return true;
  }

  /** The newsroom dictionary, newest first. */
  words(): DictionaryWord[] {
    return cached<[], WordRow>(
      this.db,
      `SELECT s.word, s.language, s.added_by, u.name AS added_by_name, s.added_at
         FROM spelling_words s LEFT JOIN users u ON u.id = s.added_by ORDER BY s.added_at DESC, s.word`,
    )
      .all()
      .map(SpellService.toWord);
  }

  /** Which bundled dictionaries could be loaded. */
  async languages(): Promise<SpellLanguageStatus[]> {
    const dictionaries = await this.dictionaries();
    return SPELL_LANGUAGES.map((language) => {
      const dictionary = dictionaries[language];
      return { language, available: dictionary !== null, source: dictionary?.source ?? '' };
    });
  }
}
