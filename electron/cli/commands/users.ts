import { MIN_PASSWORD_LENGTH, passwordSchema, roleSchema, userNameSchema, type Role, type UserSummary } from '../../../shared/domain/user';
import { ErrorCode } from '../../../shared/errors';
import { cliCall, databaseMissing, usageError, withCore } from '../cliCore';
import { ExitCode, printProblem, type CliOutput } from '../output';
import { formatTable } from '../table';
import { readNewPassword } from './usersPassword';

export interface UsersOptions {
  json: boolean;
  name?: string;
  role?: string;
}

const ROLE_AR: Record<Role, string> = { editor: 'محرر', reviewer: 'مدقق', admin: 'مدير' };

async function addUser(output: CliOutput, dataDir: string, options: UsersOptions): Promise<ExitCode> {
  const name = userNameSchema.safeParse(options.name ?? '');
  if (!name.success) return usageError(output, 'users add needs --name NAME.', 'يحتاج ‎users add‎ إلى ‎--name‎ واسم المستخدم.');
  const role = roleSchema.safeParse(options.role);
  if (!role.success) {
    return usageError(output, 'users add needs --role editor, reviewer or admin.', 'يحتاج ‎users add‎ إلى ‎--role‎: ‎editor‎ (محرر) أو ‎reviewer‎ (مدقق) أو ‎admin‎ (مدير).');
  }
  // The database is checked before asking for a password nobody could use.
  if (databaseMissing(output, dataDir)) return ExitCode.PROBLEM;
  const input = await readNewPassword();
  if (!input.ok) {
    const messages: Record<typeof input.reason, [string, string]> = {
      empty: ['No password on standard input: type it, or pipe one line (printf \'%s\\n\' "$PASSWORD" | midad users add …).', 'لا توجد كلمة مرور في الدخل القياسي: اكتبها، أو مرّر سطرًا واحدًا عبر أنبوب.'],
      mismatch: ['The two passwords differ; nothing was changed.', 'كلمتا المرور مختلفتان؛ لم يتغيّر شيء.'],
      cancelled: ['Cancelled; nothing was changed.', 'أُلغي الأمر؛ لم يتغيّر شيء.'],
    };
    const [en, ar] = messages[input.reason];
    return usageError(output, en, ar);
  }
  if (!passwordSchema.safeParse(input.password).success) {
    return usageError(
      output,
      `The password must have at least ${MIN_PASSWORD_LENGTH} characters (and at most 1024).`,
      `يجب أن تتكوّن كلمة المرور من ${MIN_PASSWORD_LENGTH} أحرف على الأقل (و1024 على الأكثر).`,
    );
  }
  return withCore(output, dataDir, async (core) => {
    // Without an admin nobody could ever manage the desk, and the app's first-run setup would
    // no longer appear: the first account must be an admin.
    const hasAdmin = core.open.accounts.list().some((user) => user.role === 'admin' && !user.disabled);
    if (!hasAdmin && role.data !== 'admin') {
      output.err('There is no admin yet: add an admin first (--role admin), or open the app for its first-run setup.');
      output.err('لا يوجد مدير بعد: أضف مديرًا أولًا (‎--role admin‎)، أو افتح التطبيق لإعداده الأول.');
      return ExitCode.USAGE;
    }
    const user = await cliCall<UserSummary>(core, output, 'users.create', { name: name.data, role: role.data, password: input.password });
    if (!user) return ExitCode.PROBLEM;
    output.out(`Added ${user.role} "${user.name}" (${user.id}).`);
    output.out(`أُضيف المستخدم «${user.name}» بدور ${ROLE_AR[user.role]}.`);
    return ExitCode.OK;
  });
}

async function listUsers(output: CliOutput, dataDir: string, options: UsersOptions): Promise<ExitCode> {
  return withCore(output, dataDir, async (core) => {
    const users = await cliCall<UserSummary[]>(core, output, 'users.list', {});
    if (!users) return ExitCode.PROBLEM;
    if (options.json) {
      // UserSummary carries no hash and no salt: the list is safe to print.
      output.out(JSON.stringify(users, null, 2));
      return ExitCode.OK;
    }
    if (users.length === 0) {
      output.out('No users yet: the app asks for the first admin when it starts.');
      output.out('لا يوجد مستخدمون بعد: يطلب التطبيق المدير الأول عند تشغيله.');
      return ExitCode.OK;
    }
    const lines = formatTable(users, [
      { header: 'Name / الاسم', value: (user) => user.name, maxWidth: 40 },
      { header: 'Role', value: (user) => `${user.role} (${ROLE_AR[user.role]})` },
      { header: 'Status', value: (user) => (user.disabled ? 'disabled (معطّل)' : 'active (مفعّل)') },
      { header: 'Created (UTC)', value: (user) => `${user.createdAt.slice(0, 10)} ${user.createdAt.slice(11, 16)}` },
      { header: 'ID', value: (user) => user.id },
    ]);
    for (const line of lines) output.out(line);
    output.out(`${users.length} user(s)`);
    return ExitCode.OK;
  });
}

async function disableUser(output: CliOutput, dataDir: string, name: string): Promise<ExitCode> {
  if (!userNameSchema.safeParse(name).success) return usageError(output, 'users disable needs the user\'s name.', 'يحتاج ‎users disable‎ إلى اسم المستخدم.');
  return withCore(output, dataDir, async (core) => {
    const user = core.open.accounts.findByName(name);
    if (!user) {
      printProblem(output, { code: ErrorCode.NOT_FOUND, message: `There is no user named "${name}". See "midad users list".`, messageAr: `لا يوجد مستخدم باسم «${name}». راجع ‎"midad users list"‎.` });
      return ExitCode.PROBLEM;
    }
    if (user.disabled) {
      output.out(`"${user.name}" is already disabled.`);
      output.out(`«${user.name}» معطّل مسبقًا.`);
      return ExitCode.OK;
    }
    const updated = await cliCall<UserSummary>(core, output, 'users.update', { id: user.id, disabled: true });
    if (!updated) return ExitCode.PROBLEM;
    output.out(`Disabled "${updated.name}": they can no longer sign in.`);
    output.out(`عُطّل «${updated.name}»: لم يعد بإمكانه تسجيل الدخول.`);
    return ExitCode.OK;
  });
}

/** `midad users add|list|disable`; `args` are the words after "users". */
export async function runUsers(output: CliOutput, dataDir: string, args: string[], options: UsersOptions): Promise<ExitCode> {
  const [subcommand, ...rest] = args;
  const refuse = (names: (keyof UsersOptions)[]): ExitCode | null => {
    const given = names.filter((key) => options[key] !== undefined && options[key] !== false);
    return given.length > 0 ? usageError(output, `"users ${subcommand}" does not take --${given.join(', --')}.`, `الأمر ‎"users ${subcommand}"‎ لا يقبل ‎--${given.join('، --')}‎.`) : null;
  };
  switch (subcommand) {
    case 'add':
      if (rest.length > 0) return usageError(output, 'users add takes --name and --role, not other words.', 'يقبل ‎users add‎ الخيارين ‎--name‎ و‎--role‎ فقط.');
      return refuse(['json']) ?? addUser(output, dataDir, options);
    case 'list':
      if (rest.length > 0) return usageError(output, 'users list takes no other words.', 'لا يقبل ‎users list‎ كلمات أخرى.');
      return refuse(['name', 'role']) ?? listUsers(output, dataDir, options);
    case 'disable':
      return refuse(['json', 'name', 'role']) ?? disableUser(output, dataDir, rest.join(' '));
    default:
      return usageError(
        output,
        subcommand ? `unknown command "users ${subcommand}"; use users add, users list or users disable.` : 'users needs a command: add, list or disable.',
        'استعمل ‎users add‎ أو ‎users list‎ أو ‎users disable‎.',
      );
  }
}
