import { describe, expect, it } from 'vitest';
import { normalizeLinkHref } from '../../../../renderer/editor/linkHref';
import { hashFromMediaUrl } from '../../../../renderer/editor/extensions/figure/hashFromMediaUrl';

describe('link addresses typed in the link dialog', () => {
  it('does accept http, https and mailto links as typed', () => {
    expect(normalizeLinkHref('https://www.aljazeera.net/news')).toBe('https://www.aljazeera.net/news');
    expect(normalizeLinkHref('  http://example.org ')).toBe('http://example.org');
    expect(normalizeLinkHref('mailto:desk@example.org')).toBe('mailto:desk@example.org');
  });

  it('does complete a bare address or e-mail when the user leaves out the scheme', () => {
    expect(normalizeLinkHref('example.org/path?q=1')).toBe('https://example.org/path?q=1');
    expect(normalizeLinkHref('desk@example.org')).toBe('mailto:desk@example.org');
  });

  it('does refuse javascript:, file:, data:, ftp: and relative links the core would reject', () => {
    for (const href of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'ftp://example.org', '/relative', 'not a link', '', 'https://']) {
      expect(normalizeLinkHref(href)).toBeNull();
    }
  });
});

describe('stored media URLs in pasted HTML', () => {
  const hash = 'a'.repeat(64);
  it('does find the content hash when the image points at /media/<hash>, relative or absolute', () => {
    expect(hashFromMediaUrl(`/media/${hash}`)).toBe(hash);
    expect(hashFromMediaUrl(`http://midad.test/media/${hash}`)).toBe(hash);
    expect(hashFromMediaUrl(`midad://app/media/${hash}`)).toBe(hash);
  });

  it('does ignore remote and file images so they never enter the body', () => {
    expect(hashFromMediaUrl('https://cdn.example.org/photo.jpg')).toBeNull();
    expect(hashFromMediaUrl(`file:///home/user/${hash}.jpg`)).toBeNull();
  });
});
