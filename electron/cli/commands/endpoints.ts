import type { EndpointSummary } from '../../../shared/ipc/channels/sync';
import { ErrorCode } from '../../../shared/errors';
import { cliCall, databaseMissing, usageError, withCore } from '../cliCore';
import { ExitCode, printProblem, type CliOutput } from '../output';
import { formatTable } from '../table';
import { readNewPassword } from './usersPassword';

/** Where a headless `endpoints add` takes the secret from, when standard input is not used. */
export const ENDPOINT_SECRET_ENV = 'MIDAD_ENDPOINT_SECRET';

export interface EndpointsOptions {
  json: boolean;
  name?: string;
  url?: string;
  user?: string;
}

async function readSecret(): Promise<string | null> {
  const fromEnv = process.env[ENDPOINT_SECRET_ENV];
  if (fromEnv) return fromEnv;
  const input = await readNewPassword();
  return input.ok ? input.password : null;
}

async function addEndpoint(output: CliOutput, dataDir: string, kind: string | undefined, options: EndpointsOptions): Promise<ExitCode> {
  if (kind !== 'wordpress' && kind !== 'webhook') {
    return usageError(output, 'endpoints add needs the kind: wordpress or webhook.', 'يحتاج ‎endpoints add‎ إلى النوع: ‎wordpress‎ أو ‎webhook‎.');
  }
  if (!options.name?.trim() || !options.url) {
    return usageError(output, 'endpoints add needs --name NAME and --url URL.', 'يحتاج ‎endpoints add‎ إلى ‎--name‎ و‎--url‎.');
  }
  if (kind === 'wordpress' && !options.user) {
    return usageError(output, 'A WordPress endpoint needs --user (the WordPress user of the application password).', 'تحتاج وجهة ووردبريس إلى ‎--user‎ (مستخدم ووردبريس صاحب كلمة مرور التطبيق).');
  }
  if (kind === 'webhook' && options.user) return usageError(output, 'A webhook takes no --user.', 'لا تقبل الوجهة من نوع ‎webhook‎ الخيار ‎--user‎.');
  // The database is checked before asking for a secret nobody could use.
  if (databaseMissing(output, dataDir)) return ExitCode.PROBLEM;
  const secret = await readSecret();
  if (!secret) {
    return usageError(
      output,
      `No secret: set ${ENDPOINT_SECRET_ENV} or pipe it on standard input (never as an argument).`,
      `لا يوجد سر: اضبط ‎${ENDPOINT_SECRET_ENV}‎ أو مرّره عبر الدخل القياسي (لا كوسيط في سطر الأوامر أبدًا).`,
    );
  }
  return withCore(output, dataDir, async (core) => {
    const summary = await cliCall<EndpointSummary>(core, output, 'endpoints.save', {
      kind,
      name: options.name!.trim(),
      url: options.url!,
      ...(options.user ? { username: options.user } : {}),
      enabled: true,
      secret,
    });
    if (!summary) return ExitCode.PROBLEM;
    output.out(`Added ${summary.kind} endpoint "${summary.name}" (${summary.url}); the secret is kept encrypted in the data directory.`);
    output.out(`أُضيفت الوجهة «${summary.name}»؛ حُفظ السر مشفّرًا في مجلد البيانات.`);
    return ExitCode.OK;
  });
}

async function listEndpoints(output: CliOutput, dataDir: string, options: EndpointsOptions): Promise<ExitCode> {
  return withCore(output, dataDir, async (core) => {
    const list = await cliCall<EndpointSummary[]>(core, output, 'endpoints.list', {});
    if (!list) return ExitCode.PROBLEM;
    if (options.json) {
      // Summaries carry hasSecret, never the secret.
      output.out(JSON.stringify(list, null, 2));
      return ExitCode.OK;
    }
    if (list.length === 0) {
      output.out('No endpoints yet: add one with "midad endpoints add".');
      output.out('لا توجد وجهات نشر بعد: أضف واحدة بالأمر ‎"midad endpoints add"‎.');
      return ExitCode.OK;
    }
    for (const line of formatTable(list, [
      { header: 'Name / الاسم', value: (endpoint) => endpoint.name, maxWidth: 40 },
      { header: 'Kind', value: (endpoint) => endpoint.kind },
      { header: 'URL', value: (endpoint) => endpoint.url, maxWidth: 60 },
      { header: 'User', value: (endpoint) => endpoint.username ?? '' },
      { header: 'Enabled', value: (endpoint) => (endpoint.enabled ? 'yes' : 'no') },
      { header: 'Secret here', value: (endpoint) => (endpoint.hasSecret ? 'yes' : 'no (keychain of the app)') },
    ])) {
      output.out(line);
    }
    output.out(`${list.length} endpoint(s)`);
    return ExitCode.OK;
  });
}

async function testEndpoint(output: CliOutput, dataDir: string, name: string): Promise<ExitCode> {
  if (!name.trim()) return usageError(output, 'endpoints test needs the endpoint\'s name.', 'يحتاج ‎endpoints test‎ إلى اسم الوجهة.');
  return withCore(output, dataDir, async (core) => {
    const endpoint = core.open.endpoints.findByName(name);
    if (!endpoint) {
      printProblem(output, { code: ErrorCode.NOT_FOUND, message: `There is no endpoint named "${name}". See "midad endpoints list".`, messageAr: `لا توجد وجهة باسم «${name}».` });
      return ExitCode.PROBLEM;
    }
    const result = await cliCall<{ ok: boolean; user: string | null; role: string | null; canPublish: boolean; warning: { en: string; ar: string } | null; error: { code: string; message: string; messageAr: string } | null }>(
      core,
      output,
      'endpoints.test',
      { id: endpoint.id },
    );
    if (!result) return ExitCode.PROBLEM;
    if (result.error) printProblem(output, result.error);
    if (result.user) output.out(`Connected as ${result.user}${result.role ? ` (${result.role})` : ''}; ${result.canPublish ? 'can publish' : 'cannot publish'}.`);
    if (result.warning) {
      output.err(`Warning: ${result.warning.en}`);
      output.err(`تنبيه: ${result.warning.ar}`);
    }
    if (result.ok) output.out(`"${endpoint.name}" answers: the connection works. / الاتصال يعمل.`);
    return result.ok ? ExitCode.OK : ExitCode.PROBLEM;
  });
}

/** `midad endpoints add|list|test`; `args` are the words after "endpoints". */
export async function runEndpoints(output: CliOutput, dataDir: string, args: string[], options: EndpointsOptions): Promise<ExitCode> {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case 'add':
      if (options.json) return usageError(output, 'endpoints add does not take --json.', 'لا يقبل ‎endpoints add‎ الخيار ‎--json‎.');
      if (rest.length !== 1) return usageError(output, 'Use: endpoints add wordpress|webhook --name NAME --url URL [--user USER].', 'الصيغة: ‎endpoints add wordpress|webhook --name NAME --url URL [--user USER]‎.');
      return addEndpoint(output, dataDir, rest[0], options);
    case 'list':
      if (rest.length > 0 || options.name || options.url || options.user) return usageError(output, 'endpoints list takes only --json.', 'لا يقبل ‎endpoints list‎ إلا ‎--json‎.');
      return listEndpoints(output, dataDir, options);
    case 'test':
      if (options.json || options.url || options.user) return usageError(output, 'endpoints test takes only the name.', 'لا يقبل ‎endpoints test‎ إلا اسم الوجهة.');
      return testEndpoint(output, dataDir, options.name ?? rest.join(' '));
    default:
      return usageError(
        output,
        subcommand ? `unknown command "endpoints ${subcommand}"; use endpoints add, list or test.` : 'endpoints needs a command: add, list or test.',
        'استعمل ‎endpoints add‎ أو ‎endpoints list‎ أو ‎endpoints test‎.',
      );
  }
}
