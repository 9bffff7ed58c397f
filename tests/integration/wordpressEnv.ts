import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type WordPressRole = 'admin' | 'editor' | 'author' | 'contributor';

export interface WordPressEnv {
  url: string;
  version: string;
  users: Record<WordPressRole, { user: string; applicationPassword: string; role: string }>;
}

/** Where scripts/wordpress.sh keeps its run directory (MIDAD_WP_DIR, as for the script). */
export const WORDPRESS_RUN_DIR = process.env.MIDAD_WP_DIR ?? '/tmp/midad-wordpress';

/** Set to 1 (as CI does) to make a missing WordPress fail the integration tests instead of skipping them. */
export const WORDPRESS_REQUIRED = process.env.MIDAD_WP_REQUIRED === '1';

/**
 * The WordPress scripts/wordpress.sh started, or why there is none: credentials missing, or
 * nothing answering at its URL. With MIDAD_WP_REQUIRED=1 there is no "none": it throws, so the
 * test file fails rather than skips.
 */
export async function findWordPress(): Promise<{ env: WordPressEnv; reason: null } | { env: null; reason: string }> {
  const found = await lookForWordPress();
  if (found.reason !== null && WORDPRESS_REQUIRED) {
    throw new Error(`MIDAD_WP_REQUIRED=1 but WordPress cannot be used, so the WordPress integration tests fail instead of skipping: ${found.reason}`);
  }
  return found;
}

async function lookForWordPress(): Promise<{ env: WordPressEnv; reason: null } | { env: null; reason: string }> {
  const file = join(WORDPRESS_RUN_DIR, 'credentials.json');
  let env: WordPressEnv;
  try {
    env = JSON.parse(readFileSync(file, 'utf8')) as WordPressEnv;
  } catch {
    return { env: null, reason: `WordPress is not running: no ${file} (start it with: scripts/wordpress.sh start)` };
  }
  try {
    const response = await fetch(`${env.url}/wp-json/`, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) return { env: null, reason: `WordPress at ${env.url} answered HTTP ${response.status} (restart it: scripts/wordpress.sh stop && scripts/wordpress.sh start)` };
  } catch (error) {
    return { env: null, reason: `WordPress is not running at ${env.url} (${(error as Error).message}); start it with: scripts/wordpress.sh start` };
  }
  return { env, reason: null };
}

/** Basic auth header for one of the script's users. */
export function basicAuth(env: WordPressEnv, role: WordPressRole): string {
  const user = env.users[role];
  return `Basic ${Buffer.from(`${user.user}:${user.applicationPassword}`).toString('base64')}`;
}

/** A raw REST call, independent of the target under test. */
export async function wpRest<T>(env: WordPressEnv, role: WordPressRole, method: string, path: string, body?: unknown): Promise<{ status: number; json: T; headers: Headers }> {
  const response = await fetch(`${env.url}/wp-json/wp/v2${path}`, {
    method,
    headers: { authorization: basicAuth(env, role), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, json: (await response.json()) as T, headers: response.headers };
}
