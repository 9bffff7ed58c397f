import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInstall } from './cliInstall';
import { tempCore, tempDir } from '../../../support/tempCore';

const { midad: run } = cliInstall('spell');
const midad = (args: string[], input?: string) => run(args, { input });

/** A closed, empty data directory (the CLI opens an existing database only). */
function dataDir(): string {
  const made = tempCore();
  made.core.close();
  return made.dataDir;
}

describe('midad spell', () => {
  it('check prints each misspelled word with its line, column and corrections, and exits 1', () => {
    const dir = dataDir();
    const file = join(tempDir(), 'مقال.txt');
    writeFileSync(file, 'أعلنت الحكومه موعد الاقتراع.\nThe goverment agreed.\n');
    const run = midad(['--data-dir', dir, 'spell', 'check', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${file}:1:7: الحكومه → الحكومة`);
    expect(run.stdout).toContain(`${file}:2:5: goverment → government`);
    expect(run.stdout).toContain('كلمات قد تكون خاطئة: 2');
  });

  it('check counts columns in characters, skips a byte-order mark and tokens too long to be words', () => {
    const dir = dataDir();
    const run = midad(['--data-dir', dir, 'spell', 'check', '-', '--json'], `\uFEFF😀 teh ${'x'.repeat(70)} الحكومه`);
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout) as Array<{ word: string; column: number }>;
    expect(findings.map((f) => [f.word, f.column])).toEqual([
      ['teh', 3],
      ['الحكومه', 78],
    ]);
  });

  it('check - reads standard input; --json is for scripts; a clean text exits 0', () => {
    const dir = dataDir();
    const json = midad(['--data-dir', dir, 'spell', 'check', '-', '--json'], 'نشرت الوزاره بلاغا.');
    expect(json.status).toBe(1);
    const findings = JSON.parse(json.stdout) as Array<{ word: string; line: number; column: number; suggestions: string[] }>;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ word: 'الوزاره', line: 1, column: 6 });
    expect(findings[0]!.suggestions[0]).toBe('الوزارة');
    const clean = midad(['--data-dir', dir, 'spell', 'check', '-'], 'نشرت الوزارة بلاغا.');
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('لا أخطاء إملائية');
  });

  it('add, list and remove manage the newsroom dictionary the app uses', () => {
    const dir = dataDir();
    expect(midad(['--data-dir', dir, 'spell', 'check', '-'], 'نشر على تيكتوك').status).toBe(1);
    const added = midad(['--data-dir', dir, 'spell', 'add', 'تيكتوك']);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('أُضيفت «تيكتوك»');
    expect(midad(['--data-dir', dir, 'spell', 'check', '-'], 'نشر على تيكتوك').status).toBe(0);
    const list = JSON.parse(midad(['--data-dir', dir, 'spell', 'list', '--json']).stdout) as { words: Array<{ word: string; addedBy: unknown }>; languages: Array<{ available: boolean }> };
    expect(list.words.map((w) => [w.word, w.addedBy])).toEqual([['تيكتوك', null]]);
    expect(list.languages.every((language) => language.available)).toBe(true);
    expect(midad(['--data-dir', dir, 'spell', 'remove', 'تيكتوك']).stdout).toContain('حُذفت');
    expect(midad(['--data-dir', dir, 'spell', 'check', '-'], 'نشر على تيكتوك').status).toBe(1);
  });

  it('refuses a phrase for the dictionary and a missing argument, in both languages', () => {
    const dir = dataDir();
    const phrase = midad(['--data-dir', dir, 'spell', 'add', 'كلمتان هنا']);
    expect(phrase.status).toBe(1);
    expect(phrase.stderr).toContain('VALIDATION');
    expect(phrase.stderr).toContain('كلمة مفردة');
    const missing = midad(['--data-dir', dir, 'spell', 'check']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('الاستعمال');
  });
});
