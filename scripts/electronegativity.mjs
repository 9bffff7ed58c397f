#!/usr/bin/env node
// Security scan of the Electron code with @doyensec/electronegativity, offline.
// Fails (exit 1) when a HIGH or MEDIUM finding, of any confidence, has no written justification
// in docs/security.md (a table row: check | file | why it is acceptable). LOW and informational
// findings are printed, not enforced. The full list is written to
// test-results/electronegativity/findings.csv and findings.json for CI artifacts.
//
// The scan assumes the Electron version installed in node_modules. The one check that needs the
// network (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, which asks GitHub for newer Electron releases)
// is skipped unless --with-release-check is given, so the result does not depend on the day or
// the network.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCAN_DIRS = ['electron'];
const ENFORCED = new Set(['HIGH', 'MEDIUM']);
const NETWORK_CHECKS = ['availablesecurityfixesglobalcheck'];

/**
 * Reads the justification table of docs/security.md: every Markdown table row whose first cell
 * is a check id (SOMETHING_CHECK). Backticks around cells are ignored. `file` is a path from the
 * repository root, or N/A for global checks.
 */
export function parseJustifications(markdown) {
  const rows = [];
  for (const line of markdown.split('\n')) {
    if (!line.trim().startsWith('|')) continue;
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim().replace(/^`|`$/g, ''));
    if (cells.length < 3 || !/^[A-Z][A-Z0-9_]*_CHECK$/.test(cells[0])) continue;
    rows.push({ check: cells[0], file: cells[1], reason: cells.slice(2).join('|').trim() });
  }
  return rows;
}

/** Normalizes electronegativity's issues: repository-relative files, plain severity names. */
export function toFindings(issues, scannedDir) {
  return issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity?.name ?? String(issue.severity),
    confidence: issue.confidence?.name ?? String(issue.confidence),
    file: !issue.file || issue.file === 'N/A' ? 'N/A' : `${scannedDir}/${issue.file.replace(/\\/g, '/').replace(/^\.?\//, '')}`,
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    description: issue.description ?? '',
    sample: typeof issue.sample === 'string' ? issue.sample.trim().slice(0, 160) : '',
  }));
}

/**
 * Splits the findings into justified and unjustified ones. A justification covers a check in a
 * file (not a line, so editing the file does not orphan it) and needs a written reason.
 */
export function judge(findings, justifications) {
  const covers = (finding) =>
    justifications.some((row) => row.check === finding.check && row.file === finding.file && row.reason.length >= 20);
  const enforced = findings.filter((finding) => ENFORCED.has(finding.severity));
  const unused = justifications.filter((row) => !findings.some((finding) => finding.check === row.check && finding.file === row.file));
  return {
    justified: enforced.filter(covers),
    unjustified: enforced.filter((finding) => !covers(finding)),
    informational: findings.filter((finding) => !ENFORCED.has(finding.severity)),
    unused,
  };
}

function csv(findings) {
  const quote = (value) => `"${String(value).replace(/"/g, '""')}"`;
  const header = ['check', 'severity', 'confidence', 'file', 'line', 'column', 'description', 'sample'];
  return [header.join(','), ...findings.map((finding) => header.map((key) => quote(finding[key])).join(','))].join('\n') + '\n';
}

async function scan(dir, electronVersion, withReleaseCheck) {
  const require = createRequire(join(ROOT, 'package.json'));
  const module = require('@doyensec/electronegativity');
  const run = module.default ?? module;
  // The tool prints progress bars and translation warnings to stdout; keep the report readable.
  const { log, warn } = console;
  const quiet = (...args) => {
    const text = args.join(' ');
    if (/translations|releases|Couldn't detect Electron version/.test(text)) return;
    log(...args);
  };
  console.log = quiet;
  console.warn = quiet;
  try {
    const result = await run({
      input: join(ROOT, dir),
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: withReleaseCheck ? [] : NETWORK_CHECKS,
      customScan: [],
    });
    if (result.errors?.length) {
      for (const error of result.errors) warn(`[security] could not parse ${error.file}: ${error.message ?? error.error ?? ''}`);
    }
    return { findings: toFindings(result.issues ?? [], dir), errors: result.errors ?? [] };
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

export async function main(argv = process.argv.slice(2)) {
  const withReleaseCheck = argv.includes('--with-release-check');
  const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const securityDoc = join(ROOT, 'docs', 'security.md');
  const justifications = existsSync(securityDoc) ? parseJustifications(readFileSync(securityDoc, 'utf8')) : [];

  const findings = [];
  const errors = [];
  for (const dir of SCAN_DIRS) {
    const result = await scan(dir, electronVersion, withReleaseCheck);
    findings.push(...result.findings);
    errors.push(...result.errors);
  }
  const verdict = judge(findings, justifications);

  const outDir = join(ROOT, 'test-results', 'electronegativity');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'findings.csv'), csv(findings));
  writeFileSync(join(outDir, 'findings.json'), `${JSON.stringify({ electronVersion, scanned: SCAN_DIRS, ...verdict }, null, 2)}\n`);

  const line = (finding) => `  ${finding.severity.padEnd(13)} ${finding.confidence.padEnd(9)} ${finding.check.padEnd(34)} ${finding.file}${finding.line ? `:${finding.line}` : ''}`;
  console.log(`[security] electronegativity on ${SCAN_DIRS.join(', ')} (Electron ${electronVersion}): ${findings.length} finding(s)`);
  if (verdict.justified.length) console.log(['[security] justified in docs/security.md:', ...verdict.justified.map(line)].join('\n'));
  if (verdict.informational.length) console.log(['[security] low / informational (not enforced):', ...verdict.informational.map(line)].join('\n'));
  if (verdict.unused.length) {
    console.log(['[security] note: justifications that no longer match a finding (remove them):', ...verdict.unused.map((row) => `  ${row.check} ${row.file}`)].join('\n'));
  }
  if (errors.length) {
    console.error(`[security] FAILED: electronegativity could not parse ${errors.length} file(s); a file it cannot read is a file it did not check.`);
    return 1;
  }
  if (verdict.unjustified.length) {
    console.error(
      [
        `[security] FAILED: ${verdict.unjustified.length} HIGH/MEDIUM finding(s) without a justification in docs/security.md.`,
        ...verdict.unjustified.map((finding) => `${line(finding)}\n      ${finding.description}${finding.sample ? `\n      ${finding.sample}` : ''}`),
        'Fix the code, or add a row `| CHECK_ID | path/from/repo/root | why it is acceptable |` to the table in docs/security.md.',
      ].join('\n'),
    );
    return 1;
  }
  console.log('[security] ok: every HIGH and MEDIUM finding is fixed or justified.');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error('[security] FAILED: the scan did not run:', error);
      process.exit(2);
    },
  );
}
