import { z } from 'zod';

export const roleSchema = z.enum(['editor', 'reviewer', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const MIN_PASSWORD_LENGTH = 10;
export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(1024);
export const userNameSchema = z.string().trim().min(1).max(100);

/** A user as the renderer may see it: never a hash, never a salt. */
export const userSummarySchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const sessionStateSchema = z.discriminatedUnion('state', [
  /** No account exists yet: the first run asks for the admin. */
  z.object({ state: z.literal('setup') }),
  z.object({ state: z.literal('signedOut') }),
  z.object({ state: z.literal('signedIn'), user: userSummarySchema, idleLockMinutes: z.number().int() }),
  /** Locked after the idle time: the same user must enter the password again. */
  z.object({ state: z.literal('locked'), user: userSummarySchema }),
]);
export type SessionState = z.infer<typeof sessionStateSchema>;
