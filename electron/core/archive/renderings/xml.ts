/**
 * Careful XML writing for the WXR file: text and attribute escaping, CDATA sections that
 * survive a `]]>` in the content, and removal of the characters XML 1.0 forbids (control
 * characters, lone surrogates, U+FFFE/U+FFFF), which would make the whole file unreadable.
 */

// Everything XML 1.0 allows: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXml(text: string): string {
  return text.replace(INVALID_XML, '');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or attribute value, escaped. */
export function xmlEscape(text: string): string {
  return stripInvalidXml(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** A CDATA section; `]]>` inside is split across two sections so the content survives intact. */
export function cdata(text: string): string {
  return `<![CDATA[${stripInvalidXml(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** `<name>escaped</name>` */
export function element(name: string, text: string | number): string {
  return `<${name}>${xmlEscape(String(text))}</${name}>`;
}

/** `<name><![CDATA[...]]></name>` */
export function cdataElement(name: string, text: string): string {
  return `<${name}>${cdata(text)}</${name}>`;
}
