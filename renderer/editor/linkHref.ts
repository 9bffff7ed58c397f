import { isSafeLinkHref } from '../../shared/editor/docSchema';

const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const BARE_DOMAIN = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(?::\d+)?([/?#].*)?$/u;

/**
 * Turns what a user typed into the link dialog into an href the core accepts, or null.
 * A bare address gets https://, a bare e-mail gets mailto:; anything else must already be
 * http, https or mailto (javascript:, file:, data: and relative links are refused).
 */
export function normalizeLinkHref(input: string): string | null {
  const text = input.trim();
  if (!text || /\s/.test(text)) return null;
  let candidate = text;
  if (EMAIL.test(text)) candidate = `mailto:${text}`;
  else if (BARE_DOMAIN.test(text)) candidate = `https://${text}`;
  if (!isSafeLinkHref(candidate)) return null;
  if (candidate.toLowerCase().startsWith('mailto:')) return candidate.length > 'mailto:'.length ? candidate : null;
  try {
    const url = new URL(candidate);
    return url.hostname ? candidate : null;
  } catch {
    return null;
  }
}
