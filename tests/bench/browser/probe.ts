// Injected into both benchmark pages (Midad in the harness, bare Tiptap) with page.evaluate,
// which is not subject to the page's CSP. The same code measures both editors.
//
// Keystroke processing time — how it is measured, identically for both editors:
//   start: a capturing `beforeinput` listener on window, the first JavaScript to see the key
//          (Playwright's insertText goes through Chromium's real editing path: beforeinput,
//          DOM change, input, ProseMirror's DOM observer, then the transaction);
//   end:   the editor's first doc-changing transaction after that posts a MessageChannel
//          message; when it arrives, everything the keystroke queued ahead of it has run
//          (ProseMirror's view update, every plugin and `update` listener, React's
//          re-renders — microtasks and scheduler tasks posted earlier), and we then read
//          `offsetHeight`, forcing the style recalculation and layout the change caused.
//   So a sample is the main-thread time the keystroke cost before the next frame could be
//   painted. Debounced work (autosave, counts) runs later and is only counted if it lands
//   inside a later keystroke's window, which is what a typist would feel too.
import type { Editor } from '@tiptap/core';
import type { JSONContent } from '@tiptap/core';

interface Pending {
  start: number;
  posted: boolean;
}

interface TypingSession {
  editor: Editor;
  samples: number[];
  pending: Pending | null;
  missed: number;
  waiters: (() => void)[];
  detach: () => void;
}

let session: TypingSession | null = null;

function settle(current: TypingSession): void {
  const waiters = current.waiters;
  current.waiters = [];
  for (const wake of waiters) wake();
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const probe = {
  startTyping(editor: Editor): void {
    if (session) session.detach();
    const dom = editor.view.dom as HTMLElement;
    const current: TypingSession = { editor, samples: [], pending: null, missed: 0, waiters: [], detach: () => undefined };
    const onBeforeInput = () => {
      if (current.pending) current.missed += 1;
      current.pending = { start: performance.now(), posted: false };
    };
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      const pending = current.pending;
      if (!pending || pending.posted || !transaction.docChanged) return;
      pending.posted = true;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        void dom.offsetHeight;
        current.samples.push(performance.now() - pending.start);
        if (current.pending === pending) current.pending = null;
        channel.port1.close();
        settle(current);
      };
      channel.port2.postMessage(null);
    };
    window.addEventListener('beforeinput', onBeforeInput, true);
    editor.on('transaction', onTransaction);
    current.detach = () => {
      window.removeEventListener('beforeinput', onBeforeInput, true);
      editor.off('transaction', onTransaction);
    };
    session = current;
  },

  /** Resolves once the last keystroke's sample is taken (false after `timeoutMs`). */
  async waitKeystroke(timeoutMs = 5000): Promise<boolean> {
    const current = session;
    if (!current) throw new Error('startTyping first');
    if (!current.pending) return true;
    return Promise.race([
      new Promise<boolean>((resolve) => current.waiters.push(() => resolve(true))),
      sleep(timeoutMs).then(() => false),
    ]);
  },

  stopTyping(): { samples: number[]; missed: number } {
    const current = session;
    if (!current) throw new Error('startTyping first');
    current.detach();
    session = null;
    return { samples: current.samples, missed: current.missed + (current.pending ? 1 : 0) };
  },

  /** Puts the caret at the very end of the document and waits until the editor really has focus. */
  async focusEnd(editor: Editor): Promise<void> {
    editor.commands.focus('end');
    const end = editor.state.doc.content.size;
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const { selection } = editor.state;
      if (editor.view.hasFocus() && selection.empty && selection.from >= end - 2) return;
      await sleep(10);
      if (attempt % 20 === 19) editor.commands.focus('end');
    }
    throw new Error('the editor did not take focus at the end of the document');
  },

  /** Bare baseline for opening: setContent of the whole doc plus the layout it causes. */
  timeSetContent(editor: Editor, doc: JSONContent): number {
    editor.commands.setContent({ type: 'doc', content: [{ type: 'paragraph' }] });
    void (editor.view.dom as HTMLElement).offsetHeight;
    const start = performance.now();
    editor.commands.setContent(doc);
    void (editor.view.dom as HTMLElement).offsetHeight;
    return performance.now() - start;
  },

  /**
   * Midad in the harness: times every call through the page bridge (the bridge looks
   * `__midadInvoke` up on each call), so the open figure can be split into IPC and rendering.
   */
  timeInvokes(): void {
    const target = window as unknown as { __midadInvoke: (channel: string, payload: unknown) => Promise<unknown>; __benchInvokes: [string, number][] };
    const original = target.__midadInvoke;
    target.__benchInvokes = [];
    target.__midadInvoke = async (channel, payload) => {
      const start = performance.now();
      try {
        return await original(channel, payload);
      } finally {
        target.__benchInvokes.push([channel, performance.now() - start]);
      }
    };
  },

  /** Durations (ms) of the calls on `channel` since the last take. */
  takeInvokes(channel: string): number[] {
    const target = window as unknown as { __benchInvokes?: [string, number][] };
    const taken = (target.__benchInvokes ?? []).filter(([name]) => name === channel).map(([, ms]) => ms);
    target.__benchInvokes = [];
    return taken;
  },

  /**
   * Midad: presses the article in the list — pointerdown then click, back to back in one task
   * (a real press leaves ~100 ms between them, which Midad uses to start fetching; here it
   * gets none) — and resolves with the time from the pointerdown until the editor shows that
   * article, editable, with all `expectedBlocks` top-level nodes rendered and laid out.
   * `dataMs` is when the article's data reached the renderer (Midad's own performance mark,
   * `?bench=1` only): before it is fetching, after it rendering.
   */
  openFromList(articleId: string, expectedBlocks: number, timeoutMs = 30_000): Promise<{ totalMs: number; dataMs: number | null }> {
    const button = document.querySelector<HTMLElement>(`[data-article-id="${articleId}"]`);
    if (!button) throw new Error(`article ${articleId} is not in the list`);
    performance.clearMarks('midad:article-data');
    return new Promise((resolve, reject) => {
      let done = false;
      const ready = (): boolean => {
        const editor = (window as unknown as { __midadBench?: { editor: Editor } }).__midadBench?.editor;
        if (!editor || editor.isDestroyed || !editor.isEditable) return false;
        const dom = editor.view.dom as HTMLElement;
        return dom.isConnected && editor.state.doc.childCount === expectedBlocks && dom.childElementCount === expectedBlocks;
      };
      const check = () => {
        if (done || !ready()) return;
        done = true;
        const dom = (window as unknown as { __midadBench: { editor: Editor } }).__midadBench.editor.view.dom as HTMLElement;
        void dom.offsetHeight;
        const elapsed = performance.now() - start;
        observer.disconnect();
        clearInterval(interval);
        clearTimeout(timer);
        const mark = performance.getEntriesByName('midad:article-data').find((entry) => entry.startTime >= start && (entry as PerformanceMark).detail === articleId);
        resolve({ totalMs: elapsed, dataMs: mark ? mark.startTime - start : null });
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { childList: true, subtree: true });
      // The document may be complete after the last DOM mutation the observer reports.
      const interval = setInterval(check, 1);
      const timer = setTimeout(() => {
        observer.disconnect();
        clearInterval(interval);
        reject(new Error(`article ${articleId} did not open within ${timeoutMs} ms`));
      }, timeoutMs);
      const start = performance.now();
      button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true, button: 0, buttons: 1, isPrimary: true, pointerType: 'mouse' }));
      button.click();
    });
  },
};

(window as unknown as { __benchProbe: typeof probe }).__benchProbe = probe;
