import type { Page } from 'playwright-core';

/** Real typists leave ~100 ms between keys; 60 ms keeps the run short without piling keys up. */
const KEY_INTERVAL_MS = 60;

export interface TypingRun {
  samples: number[];
  missed: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One editor being typed into: `editorExpression` evaluates to its Tiptap Editor in the page. */
export class TypingTarget {
  private typed = '';
  private timeouts = 0;

  constructor(
    readonly page: Page,
    readonly editorExpression: string,
  ) {}

  /** Caret to the end of the document, probe listening. */
  async start(): Promise<void> {
    await this.page.evaluate(`window.__benchProbe.focusEnd(${this.editorExpression})`);
    await this.page.evaluate(`window.__benchProbe.startTyping(${this.editorExpression})`);
  }

  /** Types characters one by one, waiting for each to be processed and pacing like a fast typist. */
  async type(characters: string[]): Promise<void> {
    for (const character of characters) {
      const started = Date.now();
      await this.page.keyboard.insertText(character);
      if (!(await this.page.evaluate('window.__benchProbe.waitKeystroke()'))) this.timeouts += 1;
      this.typed += character;
      await sleep(Math.max(0, KEY_INTERVAL_MS - (Date.now() - started)));
    }
  }

  /** Stops the probe; checks every key landed at the end of the document and produced one sample. */
  async finish(): Promise<TypingRun> {
    const run = (await this.page.evaluate('window.__benchProbe.stopTyping()')) as TypingRun;
    const tail = (await this.page.evaluate(`${this.editorExpression}.state.doc.textContent.slice(-${this.typed.length})`)) as string;
    if (tail !== this.typed) throw new Error(`typing did not land at the end of the document (got …${tail.slice(-40)})`);
    const keys = [...this.typed].length;
    if (run.samples.length !== keys || this.timeouts > 0) {
      throw new Error(`expected one sample per key: ${run.samples.length} samples for ${keys} keys, ${this.timeouts} timeouts, ${run.missed} missed`);
    }
    return run;
  }
}

/**
 * Types `text` into every target, alternating blocks of `blockSize` characters between them
 * so that background load on the machine falls on all of them alike. The first `warmup`
 * characters are typed but not counted.
 */
export async function typeInterleaved(targets: TypingTarget[], warmup: string, text: string, blockSize = 20): Promise<TypingRun[]> {
  for (const target of targets) await target.start();
  const warmupKeys = [...warmup];
  for (const target of targets) await target.type(warmupKeys);
  const keys = [...text];
  for (let offset = 0; offset < keys.length; offset += blockSize) {
    for (const target of targets) await target.type(keys.slice(offset, offset + blockSize));
  }
  const runs: TypingRun[] = [];
  for (const target of targets) {
    const run = await target.finish();
    runs.push({ samples: run.samples.slice(warmupKeys.length), missed: run.missed });
  }
  return runs;
}
