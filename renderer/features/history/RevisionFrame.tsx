import { useMemo, useState } from 'react';

/** Stylesheets of the app (its fonts among them), for the frame to look like the editor. */
function appStylesheets(): string[] {
  return Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'), (link) => link.href).filter((href) => href.startsWith(window.location.origin));
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A stored revision's HTML in a sandboxed frame: no scripts, no forms, no navigation, so
 * nothing in an old body can act on the app. `allow-same-origin` only lets the frame load the
 * app's fonts and stylesheet (and stored images); without `allow-scripts` it runs no code.
 */
export function RevisionFrame({ html, title }: { html: string; title: string }) {
  const srcDoc = useMemo(() => {
    const links = appStylesheets().map((href) => `<link rel="stylesheet" href="${escapeAttribute(href)}">`).join('');
    return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">${links}<style>html,body{height:auto;background:#fff}body{margin:0}.article-body .ProseMirror{padding:8px 4px 48px}</style></head><body><div class="article-body"><div class="ProseMirror revision-body">${html}</div></div></body></html>`;
  }, [html]);
  // Hidden until its stylesheet is in, so the text does not jump from the fallback font.
  const [loadedDoc, setLoadedDoc] = useState<string | null>(null);
  return (
    <iframe className={`revision-frame${loadedDoc === srcDoc ? '' : ' is-loading'}`} sandbox="allow-same-origin" srcDoc={srcDoc} title={title} data-testid="revision-frame"
      onLoad={() => setLoadedDoc(srcDoc)} />
  );
}
