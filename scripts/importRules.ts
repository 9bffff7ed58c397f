// The layering rules of docs/architecture: which folder may import what. `npm test` runs them
// (tests/unit/importRules.test.ts), so a forbidden import fails CI.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/** Packages `shared/` may use: pure, no DOM, no Node. */
const SHARED_PACKAGES = new Set(['zod']);
const NATIVE_OR_MAIN = new Set(['electron', 'better-sqlite3']);

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

function listSources(dir: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listSources(full));
    // Build-tool configs (vite.config.ts…) run in Node at build time, not in the app.
    else if (/\.(ts|tsx|mts|cts)$/.test(entry) && !entry.endsWith('.d.ts') && !/\.config\.[cm]?ts$/.test(entry)) out.push(full);
  }
  return out;
}

function area(root: string, file: string): string {
  const rel = relative(root, file).split(sep);
  if (rel[0] === 'electron') return `electron/${rel[1] ?? ''}`;
  return rel[0] ?? '';
}

export function checkImportRules(root: string): Violation[] {
  const violations: Violation[] = [];
  const folders = ['shared', 'renderer', 'electron', 'tests'];
  for (const folder of folders) {
    for (const file of listSources(join(root, folder))) {
      const source = readFileSync(file, 'utf8');
      const imports = ts.preProcessFile(source, true, true).importedFiles.map((ref) => ref.fileName);
      const from = area(root, file);
      const rel = relative(root, file);
      for (const specifier of imports) {
        const report = (rule: string) => violations.push({ file: rel, specifier, rule });
        if (specifier.startsWith('.')) {
          const target = resolve(dirname(file), specifier);
          const targetRel = relative(root, target);
          if (targetRel.startsWith('..')) {
            report('imports from outside the repository (../shared is reference material, never code)');
            continue;
          }
          const to = area(root, target);
          if (from === 'shared' && to !== 'shared') report('shared/ imports only shared/');
          if (from === 'renderer' && to !== 'renderer' && to !== 'shared') report('renderer/ imports only renderer/ and shared/');
          if ((from === 'electron/core' || from === 'electron/cli') && (to === 'renderer' || to === 'electron/main' || to === 'electron/preload')) {
            report(`${from} must not import ${to}`);
          }
          if (to === 'tests' && from !== 'tests') report('application code must not import tests/');
          continue;
        }
        const pkg = packageName(specifier);
        if (from === 'shared' && !SHARED_PACKAGES.has(pkg)) report(`shared/ may use only ${[...SHARED_PACKAGES].join(', ')}`);
        if (from === 'renderer' && (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(pkg) || NATIVE_OR_MAIN.has(pkg))) {
          report('renderer/ must not import Node, Electron or SQLite');
        }
        if (pkg === 'electron' && from !== 'electron/main' && from !== 'electron/preload' && from !== 'tests') {
          report("only electron/main and electron/preload import 'electron'");
        }
      }
    }
  }
  return violations;
}
