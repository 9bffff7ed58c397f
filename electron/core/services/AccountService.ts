import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Role, UserSummary } from '../../../shared/domain/user';
import { ErrorCode, MidadError } from '../../../shared/errors';
import { cleanSingleLine } from '../../../shared/text/arabic';
import { hashPassword, verifyPassword } from '../auth/password';
import type { CallContext } from '../CallContext';
import { appendAudit } from '../db/queries/audit';

interface UserRow {
  id: string;
  name: string;
  name_key: string;
  role: Role;
  password_hash: string;
  disabled: number;
  failed_attempts: number;
  last_failed_at: string | null;
  created_at: string;
  updated_at: string;
}

function rowToUser(row: UserRow): UserSummary {
  return { id: row.id, name: row.name, role: row.role, disabled: row.disabled === 1, createdAt: row.created_at };
}

/** Case- and spacing-insensitive key, so "Salma" and " salma " are the same account. */
function nameKey(name: string): string {
  return cleanSingleLine(name).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Failed attempts allowed before each further attempt must wait. */
export const FREE_ATTEMPTS = 5;
/** The wait after the n-th failure beyond the free ones: 2 s, 4 s, 8 s … at most 5 minutes. */
export function signInDelaySeconds(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(300, 2 ** (failedAttempts - FREE_ATTEMPTS + 1));
}

const invalidCredentials = () =>
  new MidadError(ErrorCode.INVALID_CREDENTIALS, 'Wrong user or password.', 'اسم المستخدم أو كلمة المرور غير صحيحة.');

/**
 * Accounts: the first admin, users with roles, sign-in checks with a growing delay after five
 * failures (kept in the database, so a restart does not reset it), and the admin's changes.
 * Every change is written to the audit log.
 */
export class AccountService {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  private row(id: string): UserRow {
    const row = this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
    if (!row) throw new MidadError(ErrorCode.NOT_FOUND, 'There is no such user.', 'لا يوجد مستخدم بهذا المعرّف.', { id });
    return row;
  }

  hasUsers(): boolean {
    return this.db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;
  }

  get(id: string): UserSummary {
    return rowToUser(this.row(id));
  }

  findById(id: string): UserSummary | null {
    const row = this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
    return row ? rowToUser(row) : null;
  }

  findByName(name: string): UserSummary | null {
    const row = this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE name_key = ?').get(nameKey(name));
    return row ? rowToUser(row) : null;
  }

  /** Every account, for the admin. */
  list(): UserSummary[] {
    return this.db.prepare<[], UserRow>('SELECT * FROM users ORDER BY disabled, name_key').all().map(rowToUser);
  }

  /** The accounts a person can pick on the sign-in screen. */
  listForSignIn(): UserSummary[] {
    return this.db.prepare<[], UserRow>('SELECT * FROM users WHERE disabled = 0 ORDER BY name_key').all().map(rowToUser);
  }

  /** First run only: the admin account; articles written before accounts existed become theirs. */
  async setupAdmin(name: string, password: string): Promise<UserSummary> {
    if (this.hasUsers()) {
      throw new MidadError(ErrorCode.FORBIDDEN, 'Midad is already set up; sign in instead.', 'مداد مُعدّ مسبقًا؛ سجّل الدخول بدلًا من ذلك.');
    }
    const hash = await hashPassword(password);
    return this.db.transaction(() => {
      if (this.hasUsers()) {
        throw new MidadError(ErrorCode.FORBIDDEN, 'Midad is already set up; sign in instead.', 'مداد مُعدّ مسبقًا؛ سجّل الدخول بدلًا من ذلك.');
      }
      const user = this.insert(name, 'admin', hash);
      this.db.prepare('UPDATE articles SET author_id = ? WHERE author_id IS NULL').run(user.id);
      appendAudit(this.db, this.now(), { actor: user.id, action: 'user.setup', detail: { userId: user.id, name: user.name, role: 'admin' } });
      return user;
    })();
  }

  private insert(name: string, role: Role, passwordHash: string): UserSummary {
    const clean = cleanSingleLine(name).trim();
    if (this.db.prepare('SELECT 1 FROM users WHERE name_key = ?').get(nameKey(clean))) {
      throw new MidadError(ErrorCode.ALREADY_EXISTS, `There is already a user named "${clean}".`, `يوجد مستخدم باسم «${clean}» مسبقًا.`, { name: clean });
    }
    const now = this.now();
    const row: UserRow = {
      id: randomUUID(),
      name: clean,
      name_key: nameKey(clean),
      role,
      password_hash: passwordHash,
      disabled: 0,
      failed_attempts: 0,
      last_failed_at: null,
      created_at: now,
      updated_at: now,
    };
    this.db
      .prepare(
        `INSERT INTO users (id, name, name_key, role, password_hash, disabled, failed_attempts, last_failed_at, created_at, updated_at)
         VALUES (@id, @name, @name_key, @role, @password_hash, @disabled, @failed_attempts, @last_failed_at, @created_at, @updated_at)`,
      )
      .run(row);
    return rowToUser(row);
  }

  /**
   * Checks a password for sign-in or unlock. Wrong passwords count; from the fifth on, each
   * further attempt must wait longer, and one made too soon is refused without being checked.
   */
  async verify(userId: string, password: string, purpose: 'sign-in' | 'unlock'): Promise<UserSummary> {
    // Check and count the attempt in one synchronous step, before the (slow, asynchronous)
    // scrypt: fifty wrong passwords sent at once are counted one by one, and the sixth waits.
    const row = this.db.transaction((): UserRow => {
      const current = this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(userId);
      if (!current) throw invalidCredentials();
      if (current.disabled) {
        appendAudit(this.db, this.now(), { actor: current.id, action: `auth.${purpose}.refused`, detail: { reason: 'disabled' } });
        throw new MidadError(ErrorCode.USER_DISABLED, 'This account is disabled. Ask an admin.', 'هذا الحساب معطّل. راجع المدير.');
      }
      const wait = signInDelaySeconds(current.failed_attempts);
      if (wait > 0 && current.last_failed_at) {
        const retryAt = Date.parse(current.last_failed_at) + wait * 1000;
        const remaining = Math.ceil((retryAt - this.clock().getTime()) / 1000);
        if (remaining > 0) {
          throw new MidadError(
            ErrorCode.TOO_MANY_ATTEMPTS,
            `Too many wrong passwords. Try again in ${remaining} seconds.`,
            `محاولات خاطئة كثيرة. أعد المحاولة بعد ${remaining} ثانية.`,
            { retryAfterSeconds: remaining },
          );
        }
      }
      this.db.prepare('UPDATE users SET failed_attempts = failed_attempts + 1, last_failed_at = ? WHERE id = ?').run(this.now(), current.id);
      return current;
    })();
    if (!(await verifyPassword(password, row.password_hash))) {
      appendAudit(this.db, this.now(), { actor: row.id, action: `auth.${purpose}.failed`, detail: { failedAttempts: row.failed_attempts + 1 } });
      throw invalidCredentials();
    }
    const now = this.now();
    this.db.transaction(() => {
      this.db.prepare('UPDATE users SET failed_attempts = 0, last_failed_at = NULL WHERE id = ?').run(row.id);
      appendAudit(this.db, now, { actor: row.id, action: `auth.${purpose}` });
    })();
    return rowToUser(row);
  }

  async create(ctx: CallContext, name: string, role: Role, password: string): Promise<UserSummary> {
    const hash = await hashPassword(password);
    return this.db.transaction(() => {
      const user = this.insert(name, role, hash);
      appendAudit(this.db, this.now(), { actor: ctx.actor, action: 'user.create', detail: { userId: user.id, name: user.name, role } });
      return user;
    })();
  }

  update(ctx: CallContext, id: string, changes: { role?: Role; disabled?: boolean; name?: string }): UserSummary {
    return this.db.transaction(() => {
      const row = this.row(id);
      const role = changes.role ?? row.role;
      const disabled = changes.disabled ?? row.disabled === 1;
      if (row.role === 'admin' && !row.disabled && (role !== 'admin' || disabled)) {
        const admins = this.db.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0").pluck().get() as number;
        if (admins <= 1) {
          throw new MidadError(ErrorCode.LAST_ADMIN, 'This is the last admin: make another admin first.', 'هذا آخر مدير: عيّن مديرًا آخر أولًا.');
        }
      }
      let name = row.name;
      if (changes.name !== undefined) {
        name = cleanSingleLine(changes.name).trim();
        const clash = this.db.prepare<[string, string], { id: string }>('SELECT id FROM users WHERE name_key = ? AND id <> ?').get(nameKey(name), id);
        if (clash) throw new MidadError(ErrorCode.ALREADY_EXISTS, `There is already a user named "${name}".`, `يوجد مستخدم باسم «${name}» مسبقًا.`);
      }
      const now = this.now();
      this.db
        .prepare('UPDATE users SET name = ?, name_key = ?, role = ?, disabled = ?, updated_at = ? WHERE id = ?')
        .run(name, nameKey(name), role, disabled ? 1 : 0, now, id);
      const detail: Record<string, unknown> = { userId: id };
      if (role !== row.role) detail.role = { from: row.role, to: role };
      if (disabled !== (row.disabled === 1)) detail.disabled = disabled;
      if (name !== row.name) detail.name = { from: row.name, to: name };
      appendAudit(this.db, now, { actor: ctx.actor, action: 'user.update', detail });
      return this.get(id);
    })();
  }

  async resetPassword(ctx: CallContext, id: string, password: string): Promise<UserSummary> {
    this.row(id);
    const hash = await hashPassword(password);
    const now = this.now();
    this.db.transaction(() => {
      this.db.prepare('UPDATE users SET password_hash = ?, failed_attempts = 0, last_failed_at = NULL, updated_at = ? WHERE id = ?').run(hash, now, id);
      appendAudit(this.db, now, { actor: ctx.actor, action: 'user.password-reset', detail: { userId: id } });
    })();
    return this.get(id);
  }
}
