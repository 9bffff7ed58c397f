import { z } from 'zod';
import { uuidSchema } from '../../domain/article';
import { passwordSchema, roleSchema, sessionStateSchema, userNameSchema, userSummarySchema } from '../../domain/user';
import { channel, empty } from '../channel';

/** First run, sign-in, lock and sign-out; the admin's user management. */
export const accountChannels = {
  'auth.status': channel('public', empty, sessionStateSchema),
  'auth.setup': channel('public', z.object({ name: userNameSchema, password: passwordSchema }).strict(), sessionStateSchema),
  /** The accounts to pick from on the sign-in screen (names and roles only). */
  'auth.users': channel('public', empty, z.array(userSummarySchema)),
  'auth.signIn': channel('public', z.object({ userId: uuidSchema, password: z.string().max(1024) }).strict(), sessionStateSchema),
  'auth.unlock': channel('public', z.object({ password: z.string().max(1024) }).strict(), sessionStateSchema),
  'auth.lock': channel('public', empty, sessionStateSchema),
  'auth.signOut': channel('public', empty, sessionStateSchema),
  'users.list': channel('admin', empty, z.array(userSummarySchema)),
  'users.create': channel(
    'admin',
    z.object({ name: userNameSchema, role: roleSchema, password: passwordSchema }).strict(),
    userSummarySchema,
  ),
  'users.update': channel(
    'admin',
    z.object({ id: uuidSchema, name: userNameSchema.optional(), role: roleSchema.optional(), disabled: z.boolean().optional() }).strict(),
    userSummarySchema,
  ),
  'users.resetPassword': channel('admin', z.object({ id: uuidSchema, password: passwordSchema }).strict(), userSummarySchema),
};
