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
import { WRITTEN_SENTENCES } from '../../../../fixtures/arabicArticle';
import { NEWS_ENGLISH_QUOTE, NEWS_KICKER, NEWS_PARAGRAPHS, NEWS_TITLE } from '../../../../fixtures/arabicNews';
import { signInAs, tempCore, tempCoreSignedIn } from '../../../../support/tempCore';

let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

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
