// paste.1mb: cleaning and inserting 1 MB of pasted clipboard HTML in the built renderer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { MidadHarness } from '../e2e/harness/MidadHarness';
import { WRITTEN_SENTENCES } from '../fixtures/arabicArticle';
import { ratioOf, type BenchResult } from './result';
import { median, round } from './stats';

const TARGET_BYTES = 1024 * 1024;
const RUNS = 5;

/**
 * 1 MB (UTF-8) of clipboard HTML shaped like a copy from Word: a style sheet and conditional
 * comments, MsoNormal paragraphs with styled spans and `<o:p>`, bold and italic runs, list
 * paragraphs with their bullet runs, headings, links, a tracking pixel per section and
 * boilerplate lines. Deterministic.
 */
export function wordClipboardHtml(targetBytes = TARGET_BYTES): string {
  const head =
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"><meta name=ProgId content=Word.Document>' +
    '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->' +
    '<style><!-- p.MsoNormal {margin:0cm; text-align:right; direction:rtl; font-size:11.0pt; font-family:"Calibri",sans-serif;} --></style></head><body lang=AR-SA><!--StartFragment-->';
  const tail = '<!--EndFragment--></body></html>';
  const span = (text: string) => `<span lang=AR-SA style='font-size:14.0pt;font-family:"Simplified Arabic",serif;mso-ascii-font-family:Calibri;mso-bidi-language:AR-MA'>${text}</span>`;
  const paragraph = (inner: string) => `<p class=MsoNormal dir=RTL style='text-align:justify;direction:rtl;unicode-bidi:embed'>${inner}<o:p></o:p></p>\n`;
  const parts: string[] = [head];
  let size = Buffer.byteLength(head + tail);
  for (let index = 0; size < targetBytes; index += 1) {
    const sentence = WRITTEN_SENTENCES[index % WRITTEN_SENTENCES.length]!;
    const next = WRITTEN_SENTENCES[(index + 3) % WRITTEN_SENTENCES.length]!;
    let block: string;
    switch (index % 8) {
      case 0:
        block = `<h2 dir=RTL>${span(`القسم ${index / 8 + 1}: ${sentence.slice(0, 40)}`)}</h2>\n`;
        break;
      case 3:
        block = paragraph(`<b>${span(sentence.slice(0, 30))}</b>${span(sentence.slice(30))} <i>${span(next.slice(0, 50))}</i>`);
        break;
      case 5:
        block = [sentence, next]
          .map((item, position) =>
            `<p class=MsoListParagraphCxSp${position === 0 ? 'First' : 'Last'} dir=RTL style='margin-right:36.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;</span></span></span><![endif]>${span(item.slice(0, 80))}<o:p></o:p></p>\n`,
          )
          .join('');
        break;
      case 6:
        block = paragraph(`${span(sentence)} <a href="https://news.example.ma/article/${index}">${span('المصدر')}</a><img width=1 height=1 src="https://stats.example.com/pixel.gif?i=${index}">`);
        break;
      case 7:
        block = paragraph(span(index % 16 === 7 ? 'اقرأ أيضا: ' + next.slice(0, 40) : `${sentence} ${next}`));
        break;
      default:
        block = paragraph(span(`${sentence} ${next}`));
    }
    parts.push(block);
    size += Buffer.byteLength(block);
  }
  parts.push(tail);
  return parts.join('');
}

interface PasteRun {
  pasteMs: number;
  cleanMs: number;
  insertRawMs: number;
  cleanedChars: number;
  blocks: number;
  rawBlocks: number;
}

/**
 * In the harness (`?bench=1`, the built renderer, a real core): each run dispatches a paste
 * event carrying the HTML into the emptied body — cleanup, ProseMirror parse, insertion, DOM
 * update — and forces layout; then, as the baseline, Tiptap's `insertContent` of the same raw
 * HTML without cleanup (its own parse against the schema, insertion, layout). The two alternate.
 */
export async function benchPaste(browser: Browser): Promise<BenchResult> {
  const html = wordClipboardHtml();
  const dataDir = mkdtempSync(join(tmpdir(), 'midad-bench-paste-'));
  const harness = await MidadHarness.start(browser as never, { dataDir, query: 'bench=1' });
  try {
    const page = harness.page;
    await page.getByTestId('new-article').click();
    await page.waitForFunction('Boolean(window.__midadBench && window.__midadBench.editor)');
    const runs: PasteRun[] = [];
    for (let run = 0; run < RUNS + 1; run += 1) {
      const result = (await page.evaluate(
        `(() => {
          const html = ${JSON.stringify(html)};
          const editor = window.__midadBench.editor;
          const view = editor.view;
          const layout = () => document.querySelector('.ProseMirror').getBoundingClientRect().height;
          editor.commands.clearContent(true);
          editor.commands.focus();
          layout();
          let started = performance.now();
          const transfer = new DataTransfer();
          transfer.setData('text/html', html);
          transfer.setData('text/plain', '');
          view.dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
          layout();
          const pasteMs = performance.now() - started;
          const blocks = editor.state.doc.childCount;
          started = performance.now();
          let cleaned = html;
          view.someProp('transformPastedHTML', (transform) => { cleaned = transform(cleaned, view); });
          const cleanMs = performance.now() - started;
          editor.commands.clearContent(true);
          layout();
          started = performance.now();
          editor.commands.insertContent(html);
          layout();
          const insertRawMs = performance.now() - started;
          const rawBlocks = editor.state.doc.childCount;
          editor.commands.clearContent(true);
          return { pasteMs, cleanMs, insertRawMs, cleanedChars: cleaned.length, blocks, rawBlocks };
        })()`,
      )) as PasteRun;
      if (result.blocks < 100) throw new Error(`the 1 MB paste was not inserted (${result.blocks} blocks): refused by the size guard?`);
      if (run > 0) runs.push(result);
      await page.waitForTimeout(200);
    }
    const value = median(runs.map((run) => run.pasteMs));
    const baseline = median(runs.map((run) => run.insertRawMs));
    return {
      name: 'paste.1mb',
      value: round(value),
      unit: 'ms',
      baseline: round(baseline),
      ratio: ratioOf(value, baseline),
      target: null,
      note:
        `median of ${RUNS}: a paste event carrying ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB of Word-style clipboard HTML into the emptied body of the built renderer ` +
        '(DOMParser, structural pass, DOMPurify, boilerplate and tracker removal, ProseMirror parse, insertion, layout); baseline: Tiptap insertContent of the same raw HTML ' +
        'without cleanup in the same editor, plus layout. Informational (the issue sets no target)',
      detail: {
        cleanOnlyMedianMs: round(median(runs.map((run) => run.cleanMs))),
        rawChars: html.length,
        cleanedChars: runs[0]!.cleanedChars,
        blocksPasted: runs[0]!.blocks,
        blocksRawInsert: runs[0]!.rawBlocks,
        runsMs: runs.map((run) => round(run.pasteMs, 1)).join(' '),
        baselineRunsMs: runs.map((run) => round(run.insertRawMs, 1)).join(' '),
      },
    };
  } finally {
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The line reported when the figure cannot be measured (no Chromium, no built renderer). */
export function pasteNotMeasured(reason: string): BenchResult {
  return { name: 'paste.1mb', value: null, unit: 'ms', baseline: null, ratio: null, target: null, note: `not measured: ${reason}` };
}
