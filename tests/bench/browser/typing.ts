import type { Page } from 'playwright-core';

/** Real typists leave ~100 ms between keys; 60 ms keeps the run short without piling keys up. */
const KEY_INTERVAL_MS = 60;
const WARMUP_KEYS = 15;

export interface TypingRun {
  samples: number[];
  missed: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Types `text` one character at a time at the end of the editor that `editorExpression`
 * evaluates to in the page, after a short warm-up, and returns one sample per measured key
 * (see probe.ts for what a sample covers).
 */
export async function typeAtEnd(page: Page, editorExpression: string, text: string, warmupText: string): Promise<TypingRun> {
  const warmup = [...warmupText].slice(0, WARMUP_KEYS);
  const measured = [...text];
  await page.evaluate(`window.__benchProbe.focusEnd(${editorExpression})`);
  await page.evaluate(`window.__benchProbe.startTyping(${editorExpression})`);
  let timeouts = 0;
  for (const character of [...warmup, ...measured]) {
    const started = Date.now();
    await page.keyboard.insertText(character);
    if (!(await page.evaluate('window.__benchProbe.waitKeystroke()'))) timeouts += 1;
    await sleep(Math.max(0, KEY_INTERVAL_MS - (Date.now() - started)));
  }
  const run = (await page.evaluate('window.__benchProbe.stopTyping()')) as TypingRun;
  const typed = (await page.evaluate(`${editorExpression}.state.doc.textContent.slice(-${text.length + warmup.length})`)) as string;
  if (typed !== warmup.join('') + text) throw new Error(`typing did not land at the end of the document (got …${typed.slice(-40)})`);
  if (run.samples.length !== warmup.length + measured.length || timeouts > 0) {
    throw new Error(`expected one sample per key: ${run.samples.length} samples for ${warmup.length + measured.length} keys, ${timeouts} timeouts, ${run.missed} missed`);
  }
  return { samples: run.samples.slice(warmup.length), missed: run.missed };
}
