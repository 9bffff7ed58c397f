import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, parseJustifications, toFindings } from '../../../../scripts/electronegativity.mjs';

// The gate of `npm run security` (scripts/electronegativity.mjs): which findings block.
const issue = (id: string, severity: string, confidence: string, file = 'main/window.ts') => ({
  id,
  file,
  severity: { name: severity },
  confidence: { name: confidence },
  location: { line: 3, column: 1 },
  description: 'x',
});

describe('electronegativity gate', () => {
  it('does read only check rows of the justification table', () => {
    const rows = parseJustifications(
      [
        '| Boundary | Where | What |',
        '| IPC | `electron/main/ipc/handle.ts` | not a check |',
        '| Check | File | Why it is acceptable |',
        '| --- | --- | --- |',
        '| PRELOAD_JS_CHECK | `electron/main/window.ts` | Reviewed: the preload exposes one fixed bridge. |',
      ].join('\n'),
    );
    expect(rows).toEqual([{ check: 'PRELOAD_JS_CHECK', file: 'electron/main/window.ts', reason: 'Reviewed: the preload exposes one fixed bridge.' }]);
  });

  it('does block a HIGH or MEDIUM finding of any confidence unless its check and file are justified in words', () => {
    const findings = toFindings(
      [
        issue('PRELOAD_JS_CHECK', 'MEDIUM', 'FIRM'),
        issue('SANDBOX_JS_CHECK', 'MEDIUM', 'TENTATIVE'),
        issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'TENTATIVE', 'main/other.ts'),
        issue('CSP_GLOBAL_CHECK', 'MEDIUM', 'CERTAIN', 'N/A'),
        issue('HTTP_RESOURCES_JS_CHECK', 'LOW', 'CERTAIN'),
      ],
      'electron',
    );
    const verdict = judge(findings, [
      { check: 'PRELOAD_JS_CHECK', file: 'electron/main/window.ts', reason: 'Reviewed: exposes only the contract bridge.' },
      { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/main/window.ts', reason: 'Justified for another file, not this one.' },
      { check: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: 'ok' },
    ]);
    expect(verdict.justified.map((finding) => finding.check)).toEqual(['PRELOAD_JS_CHECK']);
    expect(verdict.unjustified.map((finding) => `${finding.check} ${finding.file}`)).toEqual([
      'SANDBOX_JS_CHECK electron/main/window.ts',
      'CONTEXT_ISOLATION_JS_CHECK electron/main/other.ts',
      'CSP_GLOBAL_CHECK N/A',
    ]);
    expect(verdict.informational.map((finding) => finding.check)).toEqual(['HTTP_RESOURCES_JS_CHECK']);
    expect(verdict.unused.map((row) => row.check)).toEqual(['CONTEXT_ISOLATION_JS_CHECK']);
  });

  it('does find a written reason for every row of docs/security.md', () => {
    const rows = parseJustifications(readFileSync(resolve(__dirname, '../../../../docs/security.md'), 'utf8'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.reason.length, row.check).toBeGreaterThan(80);
  });
});
