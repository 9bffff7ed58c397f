import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../electron/core/Core';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import { arabicVariants } from '../../../../../electron/core/spelling/arabicVariants';
import { loadDictionary } from '../../../../../electron/core/spelling/dictionaries';
import { normalizeSpellWord } from '../../../../../electron/core/spelling/normalize';
import { spellTokens } from '../../../../../shared/text/spellTokens';
import { seededRandom, WRITTEN_SENTENCES } from '../../../../fixtures/arabicArticle';
import { NEWS_ENGLISH_QUOTE, NEWS_KICKER, NEWS_PARAGRAPHS, NEWS_TITLE } from '../../../../fixtures/arabicNews';
import { signInAs, tempCore, tempCoreSignedIn } from '../../../../support/tempCore';

let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

async function signedInOther(other: Core) {
  return (await signInAs(other, 'محرر الصباح', 'editor')).ctx;
}

async function signedIn() {
  const made = await tempCoreSignedIn();
  core = made.core;
  const call = async (channel: string, payload: unknown, ctx = made.ctx) => dispatch(made.core, channel, payload, ctx);
  const value = async <T>(channel: string, payload: unknown, ctx = made.ctx): Promise<T> => {
    const result = await call(channel, payload, ctx);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  return { ...made, call, value };
}

describe('normalizeSpellWord', () => {
  it('removes harakat, Quranic marks and tatweel, folds presentation forms, keeps hamza and ة', () => {
    expect(normalizeSpellWord('الْحُكُومَةُ', 'ar')).toBe('الحكومة');
    expect(normalizeSpellWord('الحكـــومة', 'ar')).toBe('الحكومة');
    expect(normalizeSpellWord('\uFEDF\uFEE0\uFE8E', 'ar')).toBe('للا');
    expect(normalizeSpellWord('إنّ', 'ar')).toBe('إن');
    expect(normalizeSpellWord('mayor’s', 'en-US')).toBe("mayor's");
  });
});

describe('arabicVariants', () => {
  it('tries the hamza forms, the seat of hamza and final ة/ه, ى/ي, single changes first', () => {
    const variants = arabicVariants('الحكومه').map((v) => v.word);
    expect(variants).toContain('الحكومة');
    expect(arabicVariants('مسئول').map((v) => v.word)).toContain('مسؤول');
    expect(arabicVariants('الى').map((v) => v.word)).toContain('إلى');
    const changes = arabicVariants('الإنتخابات').map((v) => v.changes);
    expect(changes.indexOf(2)).toBeGreaterThan(changes.lastIndexOf(1));
    expect(arabicVariants('الإنتخابات').map((v) => v.word)).toContain('الانتخابات');
  });
  it('turns Persian ک and ی into ك and ي/ى', () => {
    expect(arabicVariants('کتاب').map((v) => v.word)).toContain('كتاب');
    expect(arabicVariants('فی').map((v) => v.word)).toEqual(expect.arrayContaining(['في', 'فى']));
  });
  it('stays small for a long word of alefs', () => {
    const started = performance.now();
    expect(arabicVariants('أ'.repeat(64)).length).toBeLessThanOrEqual(400);
    expect(performance.now() - started).toBeLessThan(1000);
  });
  it('never returns the word itself', () => {
    expect(arabicVariants('أن').map((v) => v.word)).not.toContain('أن');
  });
});

describe('spell.check', () => {
  it('flags misspelled Arabic and English words and accepts correct, vowelled and clitic forms', async () => {
    const { value } = await signedIn();
    const words = ['الحكومه', 'الانتخابت', 'goverment', 'الحكومة', 'والانتخابات', 'بالانتخابات', 'للانتخابات', 'وَقَالَ', 'الحكـــومة', 'government', 'Government', 'Rabat', 'NATO'];
    const { misspelled } = await value<{ misspelled: string[] }>('spell.check', { words });
    expect(misspelled).toEqual(['الحكومه', 'الانتخابت', 'goverment']);
  });

  it('raises almost no false alarm on news text written for the tests', async () => {
    const { value } = await signedIn();
    const text = [NEWS_TITLE, NEWS_KICKER, ...NEWS_PARAGRAPHS, NEWS_ENGLISH_QUOTE, ...WRITTEN_SENTENCES].join('\n');
    const words = spellTokens(text).map((token) => token.word);
    const { misspelled } = await value<{ misspelled: string[] }>('spell.check', { words });
    expect(words.length).toBeGreaterThan(500);
    // Two technical units the Arabic list lacks (ملمترًا، ميغاواط): under 1 %.
    expect(misspelled.length / words.length).toBeLessThan(0.01);
  });

  it('refuses a caller who is not signed in, and an oversized request', async () => {
    const made = tempCore();
    core = made.core;
    const anonymous = await dispatch(made.core, 'spell.check', { words: ['الحكومه'] }, made.core.sessionContext());
    expect(anonymous.ok).toBe(false);
    if (!anonymous.ok) expect(anonymous.error.code).toBe('NOT_SIGNED_IN');
    const { ctx } = await signInAs(made.core, 'مديرة التحرير');
    const tooMany = await dispatch(made.core, 'spell.check', { words: Array.from({ length: 5001 }, () => 'كلمة') }, ctx);
    expect(tooMany.ok).toBe(false);
    const tooLong = await dispatch(made.core, 'spell.check', { words: ['ا'.repeat(65)] }, ctx);
    expect(tooLong.ok).toBe(false);
  });
});

describe('spell.suggest', () => {
  it('puts the likely Arabic correction first', async () => {
    const { value } = await signedIn();
    const first = async (word: string) => (await value<{ suggestions: string[] }>('spell.suggest', { word })).suggestions[0];
    expect(await first('الحكومه')).toBe('الحكومة');
    expect(await first('الإنتخابات')).toBe('الانتخابات');
    expect(await first('الانتخابت')).toBe('الانتخابات');
    expect(await first('البرلمن')).toBe('البرلمان');
    expect(await first('إجتماع')).toBe('اجتماع');
    const forIla = (await value<{ suggestions: string[] }>('spell.suggest', { word: 'الى' })).suggestions;
    expect(forIla.slice(0, 3)).toContain('إلى');
  });

  it('corrects Persian letters to Arabic ones first', async () => {
    const { value } = await signedIn();
    expect((await value<{ suggestions: string[] }>('spell.suggest', { word: 'کتاب' })).suggestions[0]).toBe('كتاب');
  });

  it('corrects swapped English letters and never offers an acronym for a capitalized word', async () => {
    const { value } = await signedIn();
    expect((await value<{ suggestions: string[] }>('spell.suggest', { word: 'teh' })).suggestions[0]).toBe('the');
    expect((await value<{ suggestions: string[] }>('spell.suggest', { word: 'adn' })).suggestions.slice(0, 2)).toContain('and');
    const capital = (await value<{ suggestions: string[] }>('spell.suggest', { word: 'Teh' })).suggestions;
    expect(capital[0]).toBe('The');
    expect(capital.every((word) => !/\p{Lu}/u.test(word.slice(1)))).toBe(true);
  });

  it('corrects English and keeps a capital letter', async () => {
    const { value } = await signedIn();
    expect((await value<{ suggestions: string[] }>('spell.suggest', { word: 'goverment' })).suggestions[0]).toBe('government');
    expect((await value<{ suggestions: string[] }>('spell.suggest', { word: 'Goverment' })).suggestions[0]).toBe('Government');
    expect((await value<{ suggestions: string[] }>('spell.suggest', { word: 'recieve' })).suggestions[0]).toBe('receive');
  });

  it('offers nothing for a word spelled right, at most six otherwise', async () => {
    const { value } = await signedIn();
    expect((await value<{ suggestions: string[] }>('spell.suggest', { word: 'الحكومة' })).suggestions).toEqual([]);
    expect((await value<{ suggestions: string[] }>('spell.suggest', { word: 'فيسبوك' })).suggestions.length).toBeLessThanOrEqual(6);
  });
});

describe('the newsroom dictionary', () => {
  it('adds a word for everyone on this database, stored without harakat, audited, kept after a reopen', async () => {
    const { value, ctx, core: made, dataDir } = await signedIn();
    expect((await value<{ misspelled: string[] }>('spell.check', { words: ['فيسبوك', 'فِيسْبُوك'] })).misspelled).toEqual(['فيسبوك', 'فِيسْبُوك']);
    const added = await value<{ word: string; language: string; addedBy: { name: string } | null }>('spell.addWord', { word: 'فِيسْبُوك' });
    expect(added).toMatchObject({ word: 'فيسبوك', language: 'ar', addedBy: { name: 'مديرة التحرير' } });
    expect((await value<{ misspelled: string[] }>('spell.check', { words: ['فيسبوك', 'فِيسْبُوك', 'وفيسبوك'] })).misspelled).toEqual(['وفيسبوك']);
    // Offered as a correction when close.
    expect((await value<{ suggestions: string[] }>('spell.suggest', { word: 'فيسبوق' })).suggestions).toContain('فيسبوك');

    const audit = await value<{ items: Array<{ action: string; detail: unknown }> }>('audit.list', { action: 'spelling.word_added' });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]!.detail).toMatchObject({ word: 'فيسبوك', language: 'ar' });
    void ctx;

    made.close();
    const { Core } = await import('../../../../../electron/core/Core');
    core = new Core({ dataDir });
    const { ctx: again } = await signInAs(core, 'محرر الصباح', 'editor');
    const check = await dispatch(core, 'spell.check', { words: ['فيسبوك'] }, again);
    expect(check).toEqual({ ok: true, value: { misspelled: [] } });
  });

  it('offers a newsroom word first when the typo is close to it, and never a short word for any short typo', async () => {
    const { value } = await signedIn();
    await value('spell.addWord', { word: 'أخنوش' });
    await value('spell.addWord', { word: 'ab' });
    expect((await value<{ suggestions: string[] }>('spell.suggest', { word: 'اخنش' })).suggestions[0]).toBe('أخنوش');
    expect((await value<{ suggestions: string[] }>('spell.suggest', { word: 'xz' })).suggestions).not.toContain('ab');
  });

  it('sees words another process added or removed (the CLI while the app is open)', async () => {
    const { value, dataDir } = await signedIn();
    const { Core } = await import('../../../../../electron/core/Core');
    const other = new Core({ dataDir });
    try {
      expect((await value<{ misspelled: string[] }>('spell.check', { words: ['تيكتوك'] })).misspelled).toEqual(['تيكتوك']);
      const ctx = await signedInOther(other);
      expect((await dispatch(other, 'spell.addWord', { word: 'تيكتوك' }, ctx)).ok).toBe(true);
      expect((await value<{ misspelled: string[] }>('spell.check', { words: ['تيكتوك'] })).misspelled).toEqual([]);
      // Adding it here too is no error and keeps one entry, audited once.
      await value('spell.addWord', { word: 'تيكتوك' });
      expect((await dispatch(other, 'spell.removeWord', { word: 'تيكتوك' }, ctx)).ok).toBe(true);
      expect((await value<{ misspelled: string[] }>('spell.check', { words: ['تيكتوك'] })).misspelled).toEqual(['تيكتوك']);
      const audit = await value<{ items: unknown[] }>('audit.list', { action: 'spelling.word_added' });
      expect(audit.items).toHaveLength(1);
    } finally {
      other.close();
    }
  });

  it('keeps suggestions quick with a large newsroom dictionary', async () => {
    const { core: made } = await signedIn();
    const db = made.open.db;
    const insert = db.prepare("INSERT OR IGNORE INTO spelling_words (word, language, added_by, added_at) VALUES (?, 'ar', NULL, '2026-11-30T10:00:00Z')");
    const letters = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
    const random = seededRandom(64);
    db.transaction(() => {
      for (let index = 0; index < 20_000; index += 1) {
        // Hostile: long words, and short ones close to ordinary typos.
        const length = index % 2 === 0 ? 64 : 4 + (index % 5);
        insert.run(Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join(''));
      }
    })();
    const started = performance.now();
    for (const word of ['ب'.repeat(30) + 'ت'.repeat(30), 'الحكومه', 'مدرسةة']) {
      const result = await dispatch(made, 'spell.suggest', { word }, made.sessionContext());
      expect(result.ok).toBe(true);
    }
    // The list's search and the newsroom scan share one 250 ms budget each time (generous margin for a loaded machine).
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it('refuses a ligature that folds into a phrase', async () => {
    const { call } = await signedIn();
    const result = await call('spell.addWord', { word: 'ب\uFDFA' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
  });

  it('keeps an English name capitalized, and accepts a lower-case word at the start of a sentence', async () => {
    const { value } = await signedIn();
    await value('spell.addWord', { word: 'Akhannouch' });
    await value('spell.addWord', { word: 'fintech' });
    const { misspelled } = await value<{ misspelled: string[] }>('spell.check', { words: ['Akhannouch', 'akhannouch', 'fintech', 'Fintech'] });
    expect(misspelled).toEqual(['akhannouch']);
  });

  it('refuses anything but one word, in both languages', async () => {
    const { call } = await signedIn();
    for (const word of ['كلمتان هنا', 'https://example.org', 'NATO', '٢٠٢٦']) {
      const result = await call('spell.addWord', { word });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.messageAr).toMatch(/كلمة/);
      }
    }
  });

  it('lets the adder or an admin remove a word, nobody else', async () => {
    const made = tempCore();
    core = made.core;
    const { ctx: admin } = await signInAs(made.core, 'مديرة التحرير', 'admin');
    const { ctx: editor } = await signInAs(made.core, 'محرر الصباح', 'editor');
    const added = await dispatch(made.core, 'spell.addWord', { word: 'تيكتوك' }, editor);
    expect(added.ok).toBe(true);
    const { ctx: other } = await signInAs(made.core, 'مراجعة المساء', 'reviewer');
    const refused = await dispatch(made.core, 'spell.removeWord', { word: 'تيكتوك' }, other);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('FORBIDDEN');
      expect(refused.error.messageAr).toContain('تيكتوك');
    }
    await signInAs(made.core, 'محرر الصباح', 'editor');
    expect(await dispatch(made.core, 'spell.removeWord', { word: 'تيكتوك' }, made.core.sessionContext())).toEqual({ ok: true, value: { removed: true } });
    await dispatch(made.core, 'spell.addWord', { word: 'إنستغرام' }, made.core.sessionContext());
    await signInAs(made.core, 'مديرة التحرير', 'admin');
    expect(await dispatch(made.core, 'spell.removeWord', { word: 'إنستغرام' }, made.core.sessionContext())).toEqual({ ok: true, value: { removed: true } });
    expect(await dispatch(made.core, 'spell.removeWord', { word: 'إنستغرام' }, made.core.sessionContext())).toEqual({ ok: true, value: { removed: false } });
    void admin;
    const list = await dispatch(made.core, 'spell.dictionary', {}, made.core.sessionContext());
    expect(list.ok && (list.value as { words: unknown[] }).words).toEqual([]);
  });

  it('lists the words newest first, with who added them, and the bundled languages', async () => {
    const { value, clock } = await signedIn();
    await value('spell.addWord', { word: 'كوفيد' });
    clock.advance(60_000);
    await value('spell.addWord', { word: 'Ouarzazate' });
    const dictionary = await value<{ words: Array<{ word: string; addedBy: { name: string } }>; languages: Array<{ language: string; available: boolean; source: string }> }>('spell.dictionary', {});
    expect(dictionary.words.map((w) => w.word)).toEqual(['Ouarzazate', 'كوفيد']);
    expect(dictionary.words[0]!.addedBy.name).toBe('مديرة التحرير');
    expect(dictionary.languages).toEqual([
      { language: 'ar', available: true, source: expect.stringMatching(/^@cspell\/dict-ar@/) },
      { language: 'en-US', available: true, source: expect.stringMatching(/^@cspell\/dict-en_us@/) },
    ]);
  });
});

describe('bundled dictionaries', () => {
  it('are read from the built binary files when a build folder is given, else from the npm packages', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'midad-dict-'));
    try {
      const fromPackages = await loadDictionary('en-US', empty);
      expect(fromPackages?.trie.has('government')).toBe(true);
      expect(fromPackages?.trie.has('goverment')).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
