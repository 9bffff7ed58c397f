import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImportRules } from '../../scripts/importRules';

const ROOT = resolve(__dirname, '../..');

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'midad-imports-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('import rules', () => {
  it('does find no forbidden import in the repository', () => {
    expect(checkImportRules(ROOT)).toEqual([]);
  });

  it('does report each layering violation when a file breaks the rules', () => {
    const root = tree({
      'shared/a.ts': "import fs from 'node:fs';\nimport { x } from '../renderer/x';\n",
      'renderer/x.ts': "import Database from 'better-sqlite3';\nimport { y } from '../electron/core/y';\nexport const x = 1;\n",
      'electron/core/y.ts': "import { app } from 'electron';\nexport const y = 1;\n",
      'electron/cli/z.ts': "import { w } from '../main/w';\n",
      'electron/main/w.ts': "import { app } from 'electron';\nimport { y } from '../core/y';\nexport const w = 1;\n",
      'tests/t.ts': "import x from '../../shared/docs';\n",
    });
    const rules = checkImportRules(root).map((violation) => `${violation.file} ${violation.specifier}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'shared/a.ts node:fs',
        'shared/a.ts ../renderer/x',
        'renderer/x.ts better-sqlite3',
        'renderer/x.ts ../electron/core/y',
        'electron/core/y.ts electron',
        'electron/cli/z.ts ../main/w',
        'tests/t.ts ../../shared/docs',
      ]),
    );
    expect(rules.some((rule) => rule.startsWith('electron/main/w.ts'))).toBe(false);
  });
});
