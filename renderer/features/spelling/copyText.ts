/**
 * Puts text on the clipboard: the async Clipboard API where the page may use it (Electron's
 * app origin), else the selection-based copy command (a page not served from a secure origin
 * has no `navigator.clipboard`). Focus is given back to where it was.
 */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Refused (no permission): fall back to the copy command.
    }
  }
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  active?.focus();
  if (!copied) throw new Error('copy refused');
}
