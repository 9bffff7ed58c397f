// Profiling aid (not part of `npm run bench`): records a CPU profile of Midad in the harness
// while it types 200 Arabic characters at the end of the 1,000-word article, or while it opens
// the 20,000-word article from the list, and prints where the main thread spent its time.
// For readable names, build the renderer unminified first:
//   npx vite build --config renderer.vite.config.mts --minify false
//   node --import tsx tests/bench/profile.ts typing|open|bare-typing
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { Core } from '../../electron/core/Core';
import { signedInContext } from '../support/tempCore';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { Article } from '../../shared/domain/article';
import type { DocNode } from '../../shared/editor/docSchema';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { MidadHarness } from '../e2e/harness/MidadHarness';
import { WRITTEN_SENTENCES, arabicArticleDoc } from '../fixtures/arabicArticle';
import { BarePage } from './browser/barePage';
import { buildBenchBundles } from './browser/bundles';
import { TypingTarget } from './browser/typing';
import { median, percentile, round } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function summarize(profile: Profile, top = 45): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const key = (node: ProfileNode) => {
    const file = node.callFrame.url.split('/').pop() ?? '';
    return `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    const name = key(node);
    if (node.callFrame.functionName === '(idle)') return;
    busy += ms;
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const k = key(byId.get(current)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  });
  const print = (title: string, map: Map<string, number>) => {
    console.log(`\n${title} (busy ${busy.toFixed(1)} ms)`);
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
  };
  print('self', self);
  print('total', total);
  // Direct callees of the functions named in PROFILE_EXPAND (comma-separated), inclusive.
  for (const name of (process.env.PROFILE_EXPAND ?? '').split(',').filter(Boolean)) {
    const callees = new Map<string, number>();
    profile.samples.forEach((id, index) => {
      const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
      let child: number | undefined;
      for (let current: number | undefined = id; current !== undefined; child = current, current = parent.get(current)) {
        if (byId.get(current)!.callFrame.functionName === name) {
          const k = child === undefined ? '(self)' : key(byId.get(child)!);
          callees.set(k, (callees.get(k) ?? 0) + ms);
          break;
        }
      }
    });
    print(`callees of ${name}`, callees);
  }
}

async function profiled<T>(cdp: CDPSession, run: () => Promise<T>): Promise<{ result: T; profile: Profile }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  return { result, profile };
}

async function typeProfiled(page: Page, expression: string, cdp: CDPSession): Promise<void> {
  const target = new TypingTarget(page, expression);
  await target.start();
  await target.type([...WRITTEN_SENTENCES[0]!.slice(0, 15)]);
  const text = [...WRITTEN_SENTENCES.slice(3, 8).join(' ').slice(0, 200)];
  const { profile } = await profiled(cdp, () => target.type(text));
  const run = await target.finish();
  const samples = run.samples.slice(15);
  console.log(`keystrokes: p50 ${round(median(samples))} ms, p95 ${round(percentile(samples, 95))} ms`);
  writeFileSync('/tmp/midad-profile.cpuprofile', JSON.stringify(profile));
  summarize(profile);
}

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'typing';
  const { probeSource } = await buildBenchBundles();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const small: DocNode = arabicArticleDoc({ words: 1_000, seed: 1 });
  const big: DocNode = arabicArticleDoc({ words: 20_000, seed: 20 });
  try {
    if (mode === 'bare-typing') {
      const bare = await BarePage.open(browser, probeSource);
      await bare.load(small);
      await typeProfiled(bare.page, 'window.__bareBench.editor', await bare.page.context().newCDPSession(bare.page));
      await bare.close();
      return;
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'midad-profile-'));
    const setup = new Core({ dataDir });
    const create = async (title: string, body: DocNode) => {
      const result = await dispatch(setup, 'articles.create', { fields: { title, body } }, await signedInContext(setup));
      if (!result.ok) throw new Error(result.error.message);
      return result.value as Article;
    };
    const smallArticle = await create('موجز', small);
    const bigArticle = await create('ملف خاص', big);
    setup.close();
    const harness = await MidadHarness.start(browser, { dataDir, query: 'bench=1' });
    try {
      const page = harness.page;
      await page.waitForSelector(`[data-article-id="${bigArticle.id}"]`);
      await page.evaluate(probeSource);
      await page.evaluate('document.fonts.ready');
      const open = (article: Article, blocks: number) =>
        page.evaluate(`window.__benchProbe.openFromList(${JSON.stringify(article.id)}, ${blocks})`).then((run) => (run as { totalMs: number }).totalMs);
      const cdp = await page.context().newCDPSession(page);
      if (mode === 'typing') {
        await open(smallArticle, small.content!.length);
        await page.waitForTimeout(500);
        await typeProfiled(page, 'window.__midadBench.editor', cdp);
      } else {
        const times: number[] = [];
        for (let run = 0; run < 3; run += 1) {
          await open(smallArticle, small.content!.length);
          await page.waitForTimeout(300);
          times.push(await open(bigArticle, big.content!.length));
          await page.waitForTimeout(300);
        }
        await open(smallArticle, small.content!.length);
        await page.waitForTimeout(300);
        const { result, profile } = await profiled(cdp, async () => {
          const ms = await open(bigArticle, big.content!.length);
          await page.waitForTimeout(400);
          return ms;
        });
        console.log(`open runs: ${times.map((ms) => ms.toFixed(1)).join(' ')}; profiled: ${result.toFixed(1)} ms`);
        writeFileSync('/tmp/midad-profile.cpuprofile', JSON.stringify(profile));
        summarize(profile);
      }
    } finally {
      await harness.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
