import { DATA_DIR_ENV, defaultDataDir } from '../../core/dataDir';
import type { CliOutput } from '../output';

export function printHelp(output: CliOutput): void {
  const lines = [
    'midad — command line for Midad (مداد), the offline newsroom workstation',
    '',
    'Usage: midad [--data-dir DIR] <command> [options]',
    '',
    'Commands:',
    '  doctor [--json]            check the database: integrity, foreign keys, schema version,',
    '                             counts and missing media files; exit 1 when something is wrong',
    '  articles list [--json] [--status S] [--query Q]',
    '                             list articles, newest first (--query filters by title)',
    '  users add --name NAME --role editor|reviewer|admin',
    '                             add a user; the password (at least 10 characters) is read from',
    "                             standard input: typed without echo, or one piped line",
    '  users list [--json]        list users with role and status (never a password hash)',
    '  users disable NAME         stop NAME from signing in (the last admin cannot be disabled)',
    '                             users changes are written to the audit log as cli:<your OS user>',
    '  endpoints add wordpress|webhook --name NAME --url URL [--user USER]',
    '                             add a publishing endpoint; the application password or shared',
    '                             secret comes from $MIDAD_ENDPOINT_SECRET or standard input, never',
    '                             an argument, and is kept encrypted in the data directory',
    '  endpoints list [--json]    list endpoints (whether a secret is stored here, never the secret)',
    '  endpoints test NAME        try the connection and the account; exit 1 when it fails',
    '  sync --once [--json]       send every approved article that is due, print a summary;',
    '                             exit 1 when an item failed or met a conflict',
    '  backup [FILE]              copy the database now (safe while the app runs) into the data',
    "                             directory's backups/ folder, or into FILE; prints the path",
    '  restore FILE               replace the database with a backup (a path, or a name from',
    '                             backups/) after checking it; the current database is kept as a',
    '                             pre-restore backup. Close the Midad app first',
    '',
    'Options:',
    `  --data-dir DIR             data directory (default: $${DATA_DIR_ENV}, else ${defaultDataDir()})`,
    '  -h, --help                 show this help',
    '  -v, --version              show the version',
    '',
    'Exit codes: 0 all well, 1 a problem with the data (reason printed in English and Arabic), 2 a usage error.',
  ];
  for (const line of lines) output.out(line);
}
