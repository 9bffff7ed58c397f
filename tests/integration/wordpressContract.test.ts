import { describe } from 'vitest';
import { WordPressTarget } from '../../electron/core/sync/targets/WordPressTarget';
import { runTargetContract } from '../unit/electron/core/sync/targetContract';
import { findWordPress, wpRest, type WordPressEnv } from './wordpressEnv';

const found = await findWordPress();
const env = found.env as WordPressEnv;

if (found.reason !== null) console.log(`SKIPPED (target contract against WordPress): ${found.reason}`);
describe.skipIf(found.reason !== null)('WordPress publish target', () => {
  runTargetContract('WordPressTarget against a real WordPress', () => ({
    target: new WordPressTarget({ url: env.url, username: env.users.editor.user, applicationPassword: env.users.editor.applicationPassword, timeoutMs: 30_000 }),
    // The contract's posts are deleted for good afterwards.
    cleanup: async (refs) => {
      for (const ref of refs) await wpRest(env, 'editor', 'DELETE', `/posts/${ref.remoteId}?force=true`);
    },
  }));
});
