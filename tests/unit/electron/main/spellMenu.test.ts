import type { MenuItemConstructorOptions } from 'electron';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bdicLanguage, installBundledDictionaries } from '../../../../electron/main/spellDictionaries';
import { buildSpellMenuTemplate, chooseSpellLanguages, planBuiltInSpellcheck, type SpellMenuParams } from '../../../../electron/main/spellMenu';
import { tempDir } from '../../../support/tempCore';

const FLAGS = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };

function params(overrides: Partial<SpellMenuParams>): SpellMenuParams {
  return { misspelledWord: '', dictionarySuggestions: [], isEditable: true, selectionText: '', editFlags: FLAGS, ...overrides };
}

function actions() {
  return { replace: vi.fn<(word: string) => void>(), addToDictionary: vi.fn<(word: string) => void>() };
}

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();
const labels = (menu: MenuItemConstructorOptions[]) => menu.map((item) => item.label ?? `(${item.type})`);

describe('buildSpellMenuTemplate', () => {
  it('does offer the suggestions for a misspelled Arabic word, each replacing it, then add to dictionary, in Arabic', () => {
    const act = actions();
    const menu = buildSpellMenuTemplate(params({ misspelledWord: 'الإنتخابات', dictionarySuggestions: ['الانتخابات', 'انتخابات'] }), 'ar', act, { spellcheck: true });
    expect(labels(menu)).toEqual(['الانتخابات', 'انتخابات', '(separator)', 'أضف «\u2068الإنتخابات\u2069» إلى القاموس', '(separator)', 'قص', 'نسخ', 'لصق', '(separator)', 'تحديد الكل']);
    click(menu[1]!);
    expect(act.replace).toHaveBeenCalledWith('انتخابات');
    click(menu[3]!);
    expect(act.addToDictionary).toHaveBeenCalledWith('الإنتخابات');
  });

  it('does say there is no suggestion, in English, and keep at most five', () => {
    const none = buildSpellMenuTemplate(params({ misspelledWord: 'Marrakch' }), 'en', actions(), { spellcheck: true });
    expect(none[0]).toMatchObject({ label: 'No suggestions', enabled: false });
    expect(none[2]!.label).toBe('Add “\u2068Marrakch\u2069” to dictionary');
    const many = buildSpellMenuTemplate(params({ misspelledWord: 'teh', dictionarySuggestions: ['the', 'ten', 'tea', 'tech', 'eh', 'Ted', 'tee'] }), 'en', actions(), { spellcheck: true });
    expect(many.slice(0, 5).map((item) => item.label)).toEqual(['the', 'ten', 'tea', 'tech', 'eh']);
    expect(many[5]!.type).toBe('separator');
  });

  it('does leave spelling out when spell checking is off in Settings, keeping the edit commands', () => {
    const menu = buildSpellMenuTemplate(params({ misspelledWord: 'teh', dictionarySuggestions: ['the'] }), 'en', actions(), { spellcheck: false });
    expect(menu.map((item) => item.role ?? item.type)).toEqual(['cut', 'copy', 'paste', 'separator', 'selectAll']);
  });

  it('does follow the edit flags, offer only copy outside editable text, and nothing on bare interface text', () => {
    const menu = buildSpellMenuTemplate(params({ editFlags: { ...FLAGS, canCut: false, canPaste: false } }), 'ar', actions(), { spellcheck: true });
    expect(menu.filter((item) => item.role).map((item) => [item.role, item.enabled])).toEqual([['cut', false], ['copy', true], ['paste', false], ['selectAll', true]]);
    expect(buildSpellMenuTemplate(params({ isEditable: false, selectionText: 'نص محدد', misspelledWord: 'x' }), 'ar', actions(), { spellcheck: true }).map((item) => item.role)).toEqual(['copy']);
    expect(buildSpellMenuTemplate(params({ isEditable: false }), 'ar', actions(), { spellcheck: true })).toEqual([]);
  });
});

describe('chooseSpellLanguages', () => {
  it('does pick Arabic and American English where the platform has them, or a regional Arabic', () => {
    expect(chooseSpellLanguages(['af', 'ar', 'en-GB', 'en-US'])).toEqual({ languages: ['ar', 'en-US'], missing: [] });
    expect(chooseSpellLanguages(['ar-SA', 'ar-MA', 'en-US'])).toEqual({ languages: ['ar-SA', 'en-US'], missing: [] });
  });

  it('does report Arabic missing on Chromium’s hunspell list (Linux), which has Persian and Hebrew but no Arabic', () => {
    expect(chooseSpellLanguages(['en-GB', 'en-US', 'fa', 'he', 'fr'])).toEqual({ languages: ['en-US'], missing: ['ar'] });
  });
});

describe('planBuiltInSpellcheck', () => {
  const linux = ['af', 'en-GB', 'en-US', 'fa', 'fr', 'he'];
  it('does keep the built-in checker off where no dictionary ships, so Chromium never downloads one', () => {
    expect(planBuiltInSpellcheck({ platform: 'linux', spellcheck: true, available: linux, bundled: [] })).toEqual({ enabled: false, languages: [], missing: ['ar', 'en-US'] });
    expect(planBuiltInSpellcheck({ platform: 'win32', spellcheck: true, available: linux, bundled: [] }).enabled).toBe(false);
  });
  it('does set only the bundled languages the platform offers', () => {
    expect(planBuiltInSpellcheck({ platform: 'linux', spellcheck: true, available: linux, bundled: ['en-US', 'ar'] })).toEqual({ enabled: true, languages: ['en-US'], missing: ['ar'] });
  });
  it('does use the system checker on macOS and nothing when spell checking is off', () => {
    expect(planBuiltInSpellcheck({ platform: 'darwin', spellcheck: true, available: [], bundled: [] })).toEqual({ enabled: true, languages: [], missing: [] });
    expect(planBuiltInSpellcheck({ platform: 'darwin', spellcheck: false, available: [], bundled: [] }).enabled).toBe(false);
  });
});

describe('installBundledDictionaries', () => {
  it('does copy the bundled .bdic files into the profile once, leaving other files alone', () => {
    const root = tempDir('midad-dict-');
    const bundled = join(root, 'bundled');
    const profile = join(root, 'profile', 'Dictionaries');
    mkdirSync(bundled);
    writeFileSync(join(bundled, 'en-US-10-1.bdic'), 'BDic-en');
    writeFileSync(join(bundled, 'README.md'), 'not a dictionary');
    expect(installBundledDictionaries(bundled, profile)).toEqual(['en-US-10-1.bdic']);
    expect(readFileSync(join(profile, 'en-US-10-1.bdic'), 'utf8')).toBe('BDic-en');
    expect(readdirSync(profile)).toEqual(['en-US-10-1.bdic']);
    expect(installBundledDictionaries(bundled, profile)).toEqual([]);
    expect(installBundledDictionaries(join(root, 'absent'), profile)).toEqual([]);
    expect(bdicLanguage('en-US-10-1.bdic')).toBe('en-US');
    expect(bdicLanguage('ko-3-0.bdic')).toBe('ko');
  });
});
