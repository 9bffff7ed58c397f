import { readFileSync } from 'node:fs';
import type { DictionaryWord, SpellLanguageStatus } from '../../../shared/ipc/channels/spelling';
import { spellTokens } from '../../../shared/text/spellTokens';
import { resolveDataDir } from '../../core/dataDir';
import { cliCall, parseCommand, usageError, withCore } from '../cliCore';
import { ExitCode, type CliOutput } from '../output';
import { formatTable } from '../table';

const OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
} as const;

interface Finding {
  word: string;
  line: number;
  column: number;
  suggestions: string[];
}

/** The 1-based column of a UTF-16 offset, counted in characters (code points), as editors show it. */
function columnOf(line: string, offset: number): number {
  return [...line.slice(0, offset)].length + 1;
}

/** Every misspelled word of `text` with its place (1-based line and column) and corrections. */
async function findMisspellings(text: string, check: (words: string[]) => Promise<string[] | null>, suggest: (word: string) => Promise<string[] | null>): Promise<Finding[] | null> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const located = lines.flatMap((line, index) =>
    spellTokens(line).map((token) => ({ ...token, line: index + 1, column: columnOf(line, token.from) })),
  );
  const unique = [...new Set(located.map((token) => token.word))];
  const misspelled = new Set<string>();
  for (let start = 0; start < unique.length; start += 5000) {
    const batch = await check(unique.slice(start, start + 5000));
    if (!batch) return null;
    for (const word of batch) misspelled.add(word);
  }
  const suggestions = new Map<string, string[]>();
  for (const word of misspelled) {
    const found = await suggest(word);
    if (!found) return null;
    suggestions.set(word, found);
  }
  return located
    .filter((token) => misspelled.has(token.word))
    .map((token) => ({ word: token.word, line: token.line, column: token.column, suggestions: suggestions.get(token.word) ?? [] }));
}

function readText(source: string): string {
  return readFileSync(source === '-' ? 0 : source, 'utf8');
}

/**
 * `midad spell check FILE|-`, `midad spell add WORD`, `midad spell remove WORD`, `midad spell list`:
 * the app's spell checker (bundled Arabic and English word lists and the newsroom dictionary) for
 * scripts and the desk. `check` exits 1 when a word is misspelled; `--json` prints
 * `[{ word, line, column, suggestions }]`.
 */
export async function runSpell(output: CliOutput, argv: string[]): Promise<ExitCode> {
  const parsed = parseCommand(output, argv, OPTIONS);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [, action, argument, ...rest] = positionals;
  const needs = (usage: string) =>
    usageError(output, `usage: midad spell ${usage}`, `الاستعمال: midad spell ${usage}`);
  if (action === undefined || !['check', 'add', 'remove', 'list'].includes(action)) return needs('check FILE|- | add WORD | remove WORD | list');
  if (action !== 'list' && (argument === undefined || rest.length > 0)) return needs(action === 'check' ? 'check FILE|-' : `${action} WORD`);
  let text = '';
  if (action === 'check') {
    try {
      text = readText(argument!);
    } catch (error) {
      return usageError(output, `cannot read ${argument}: ${(error as Error).message}`, `تعذّرت قراءة ${argument}: ${(error as Error).message}`);
    }
  }
  const dataDir = resolveDataDir(values['data-dir']);
  return withCore(output, dataDir, async (core) => {
    if (action === 'add') {
      const added = await cliCall<DictionaryWord>(core, output, 'spell.addWord', { word: argument });
      if (!added) return ExitCode.PROBLEM;
      output.out(`Added “${added.word}” (${added.language}) to the newsroom dictionary.`);
      output.out(`أُضيفت «${added.word}» إلى قاموس غرفة الأخبار.`);
      return ExitCode.OK;
    }
    if (action === 'remove') {
      const result = await cliCall<{ removed: boolean }>(core, output, 'spell.removeWord', { word: argument });
      if (!result) return ExitCode.PROBLEM;
      output.out(result.removed ? `Removed “${argument}”. / حُذفت «${argument}».` : `“${argument}” was not in the dictionary. / «${argument}» ليست في القاموس.`);
      return ExitCode.OK;
    }
    if (action === 'list') {
      const dictionary = await cliCall<{ words: DictionaryWord[]; languages: SpellLanguageStatus[] }>(core, output, 'spell.dictionary', {});
      if (!dictionary) return ExitCode.PROBLEM;
      if (values.json) {
        output.out(JSON.stringify(dictionary, null, 2));
        return ExitCode.OK;
      }
      for (const language of dictionary.languages) {
        output.out(`${language.language}: ${language.available ? language.source : 'not available / غير متاح'}`);
      }
      const lines = formatTable(dictionary.words, [
        { header: 'Word / الكلمة', value: (word) => word.word },
        { header: 'Language', value: (word) => word.language },
        { header: 'Added by / أضافها', value: (word) => word.addedBy?.name ?? 'cli' },
        { header: 'Added', value: (word) => word.addedAt },
      ]);
      for (const line of lines) output.out(line);
      output.out(`${dictionary.words.length} word(s) in the newsroom dictionary`);
      return ExitCode.OK;
    }
    const findings = await findMisspellings(
      text,
      async (words) => (await cliCall<{ misspelled: string[] }>(core, output, 'spell.check', { words }))?.misspelled ?? null,
      async (word) => (await cliCall<{ suggestions: string[] }>(core, output, 'spell.suggest', { word }))?.suggestions ?? null,
    );
    if (!findings) return ExitCode.PROBLEM;
    if (values.json) {
      output.out(JSON.stringify(findings, null, 2));
    } else if (findings.length === 0) {
      output.out('No spelling mistakes found. / لا أخطاء إملائية.');
    } else {
      for (const finding of findings) {
        const offer = finding.suggestions.length > 0 ? ` → ${finding.suggestions.join('، ')}` : '';
        output.out(`${argument === '-' ? 'stdin' : argument}:${finding.line}:${finding.column}: ${finding.word}${offer}`);
      }
      output.out(`${findings.length} misspelled word(s) / كلمات قد تكون خاطئة: ${findings.length}`);
    }
    return findings.length === 0 ? ExitCode.OK : ExitCode.PROBLEM;
  });
}
