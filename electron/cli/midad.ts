// The `midad` command: the same core as the app, for admins and scripts. Bundled to
// dist/cli/midad.cjs (scripts/build-node.mjs) and started by bin/midad.cjs.
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../core/dataDir';
import { APP_VERSION } from '../core/version';
import { runArchive } from './commands/archive';
import { runArticlesList } from './commands/articlesList';
import { runBackup } from './commands/backup';
import { runDoctor } from './commands/doctor';
import { runEndpoints } from './commands/endpoints';
import { runExport } from './commands/export';
import { printHelp } from './commands/help';
import { runImport } from './commands/import';
import { runRestore } from './commands/restore';
import { runSearch } from './commands/search';
import { runSpell } from './commands/spell';
import { runSync } from './commands/sync';
import { runUsers } from './commands/users';
import { ExitCode, processOutput, type CliOutput } from './output';

const OPTIONS = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  status: { type: 'string' },
  query: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  url: { type: 'string' },
  user: { type: 'string' },
  once: { type: 'boolean' },
} as const;

/**
 * Commands that parse their own options (each declares `data-dir` too): they get the whole
 * argument list. Each lives in one file under commands/, so adding one touches nothing else.
 */
const SELF_PARSING: Record<string, (output: CliOutput, argv: string[]) => Promise<ExitCode>> = {
  export: runExport,
  import: runImport,
  archive: runArchive,
  backup: runBackup,
  restore: runRestore,
  search: runSearch,
  spell: runSpell,
};

/** The command word: the first argument that is neither an option nor the value of --data-dir. */
export function commandWord(argv: string[]): string | null {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--') return argv[index + 1] ?? null;
    if (arg === '--data-dir') {
      index += 1;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return arg;
  }
  return null;
}

function usage(output: CliOutput, message: string): ExitCode {
  output.err(`midad: ${message}`);
  output.err('Run "midad --help" for usage.');
  return ExitCode.USAGE;
}

export async function main(argv: string[], output: CliOutput = processOutput): Promise<ExitCode> {
  const word = commandWord(argv);
  if (word !== null && Object.prototype.hasOwnProperty.call(SELF_PARSING, word) && !argv.includes('--help') && !argv.includes('-h')) {
    return SELF_PARSING[word]!(output, argv);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usage(output, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    output.out(APP_VERSION);
    return ExitCode.OK;
  }
  if (values.help || positionals.length === 0) {
    printHelp(output);
    return values.help ? ExitCode.OK : ExitCode.USAGE;
  }
  const dataDir = resolveDataDir(values['data-dir']);
  const command = positionals.join(' ');
  const refuse = (names: (keyof typeof values)[]): ExitCode | null => {
    const given = names.filter((name) => values[name] !== undefined);
    return given.length > 0 ? usage(output, `"${command}" does not take --${given.join(', --')}`) : null;
  };
  if (positionals[0] === 'endpoints') {
    return refuse(['status', 'query', 'role', 'once']) ?? runEndpoints(output, dataDir, positionals.slice(1), { json: values.json ?? false, name: values.name, url: values.url, user: values.user });
  }
  if (positionals[0] === 'sync') {
    return refuse(['status', 'query', 'role', 'name', 'url', 'user']) ?? runSync(output, dataDir, positionals.slice(1), { once: values.once ?? false, json: values.json ?? false });
  }
  if (positionals[0] === 'users') {
    return refuse(['status', 'query', 'url', 'user', 'once']) ?? runUsers(output, dataDir, positionals.slice(1), { json: values.json ?? false, name: values.name, role: values.role });
  }
  switch (command) {
    case 'doctor':
      return refuse(['status', 'query', 'name', 'role', 'url', 'user', 'once']) ?? runDoctor(output, dataDir, { json: values.json ?? false });
    case 'articles list':
      return refuse(['name', 'role', 'url', 'user', 'once']) ?? runArticlesList(output, dataDir, { json: values.json ?? false, status: values.status, query: values.query });
    default:
      return usage(output, `unknown command "${command}"`);
  }
}

// Run only as the entry point, so tests can import `main`.
if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`midad: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
