// Child process for the crash-safety test: holds a Core on the data directory given as argv[2]
// and keeps saving a growing Arabic article through `dispatch`, exactly as the editor's autosave
// does, until it is killed. After every save the core acknowledged (the transaction committed),
// it prints one JSON line: {"v": version, "len": text length, "sha": sha256 of the text, "t": ms}.
// The text only ever grows at its end, so any later state must start with any acknowledged one.
import { createHash } from 'node:crypto';
import { Core } from '../../electron/core/Core';
import { signedInContext } from '../support/tempCore';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { Article, ArticleSummary } from '../../shared/domain/article';
import type { DocNode } from '../../shared/editor/docSchema';
import { docToText } from '../../shared/editor/docToText';
import { newsSentences, seededRandom } from '../fixtures/arabicArticle';

const dataDir = process.argv[2];
const seed = Number(process.argv[3] ?? 1);
if (!dataDir) throw new Error('usage: saver.ts DATA_DIR [SEED]');

async function call<T>(core: Core, channel: string, payload: unknown): Promise<T> {
  const result = await dispatch(core, channel, payload, await signedInContext(core));
  if (!result.ok) {
    process.stderr.write(`${channel} failed: ${result.error.code} ${result.error.message}\n`);
    process.exit(3);
  }
  return result.value as T;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const core = new Core({ dataDir: dataDir! });
  if (core.databaseError) {
    process.stderr.write(`cannot open: ${core.databaseError.message}\n`);
    process.exit(4);
  }
  const list = await call<{ items: ArticleSummary[] }>(core, 'articles.list', { limit: 1 });
  const article = list.items[0]
    ? await call<Article>(core, 'articles.get', { id: list.items[0].id })
    : await call<Article>(core, 'articles.create', { fields: { title: 'حصيلة أولية لأضرار العاصفة في المناطق الساحلية' } });
  const body: DocNode = article.body;
  const paragraphs = body.content!;
  let version = article.version;
  const random = seededRandom(seed);
  const sentences = newsSentences(seed);
  for (let save = 1; ; save += 1) {
    const sentence = sentences.next().value as string;
    const last = paragraphs[paragraphs.length - 1]!;
    if (save % 6 === 0 || !last.content) {
      if (last.content) paragraphs.push({ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: sentence }] });
      else last.content = [{ type: 'text', text: sentence }];
    } else {
      const tail = last.content[last.content.length - 1]!;
      tail.text = `${tail.text} ${sentence}`;
    }
    // Mostly autosaves; now and then an explicit save, so revision snapshots are written too.
    const reason = save % 10 === 0 ? 'manual' : 'autosave';
    const result = await call<{ version: number }>(core, 'articles.save', { id: article.id, baseVersion: version, patch: { body }, reason });
    version = result.version;
    const text = docToText(body);
    // Pipes are synchronous on Linux: once write returns, the parent can read the line even if we die next.
    process.stdout.write(`${JSON.stringify({ v: version, len: text.length, sha: createHash('sha256').update(text).digest('hex'), t: Date.now() })}\n`);
    await sleep(20 + Math.floor(random() * 31));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`saver crashed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(5);
});
