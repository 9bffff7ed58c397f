import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../shared/security/csp';

const directives = (policy: string) => policy.split(';').map((part) => part.trim()).filter(Boolean).sort();

describe('Content-Security-Policy', () => {
  it('does allow no remote origin and no inline script', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  });

  it('does repeat the served policy in index.html, minus frame-ancestors which a meta tag cannot carry', () => {
    const html = readFileSync(resolve(__dirname, '../../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const served = directives(CONTENT_SECURITY_POLICY).filter((directive) => !directive.startsWith('frame-ancestors'));
    expect(directives(meta!)).toEqual(served);
  });
});
