import { z } from 'zod';
import { uuidSchema } from '../domain/article';

/**
 * Who may call a channel, checked by the core before the handler runs:
 * - `public`: anyone, signed in or not (app info, first-run setup, sign-in);
 * - `user`: a signed-in, unlocked user (per-article rules are then the service's);
 * - `admin`: a signed-in admin.
 */
export type Access = 'public' | 'user' | 'admin';

export interface ChannelSpec<Request extends z.ZodType = z.ZodType, Response extends z.ZodType = z.ZodType> {
  access: Access;
  request: Request;
  response: Response;
}

export function channel<Request extends z.ZodType, Response extends z.ZodType>(
  access: Access,
  request: Request,
  response: Response,
): ChannelSpec<Request, Response> {
  return { access, request, response };
}

export const empty = z.object({}).strict();
export const byId = z.object({ id: uuidSchema }).strict();
