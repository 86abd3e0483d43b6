import { describe, expect, it } from 'vitest';
import { connectHosts, contentSecurityPolicy, withPolicyMeta } from './content-security-policy.ts';

describe('the Content-Security-Policy', () => {
  it('allows only self, data: and blob: images and self plus the configured hosts for requests', () => {
    const policy = contentSecurityPolicy(['https://a.example', 'https://b.example:8443']);
    const directives = new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('connect-src')).toEqual(["'self'", 'https://a.example', 'https://b.example:8443']);
    expect(directives.get('script-src')).not.toContain('*');
    expect(directives.get('frame-ancestors')).toEqual(["'self'"]);
    // A <meta> cannot carry frame-ancestors (Chrome logs an error when it does).
    expect(contentSecurityPolicy([], { meta: true })).not.toContain('frame-ancestors');
  });

  it('WT_CONNECT_SRC takes origins separated by spaces or commas', () => {
    expect(connectHosts(undefined)).toEqual({ hosts: [] });
    expect(connectHosts(' https://a.example,https://*.b.example:8443  http://127.0.0.1:9000 https://c.example/reg/ ')).toEqual({
      hosts: ['https://a.example', 'https://*.b.example:8443', 'http://127.0.0.1:9000', 'https://c.example/reg/'],
    });
  });

  it.each(["https://a.example;script-src *", "'unsafe-inline'", '*', 'a.example', 'https://a.example" onload="x', 'javascript:alert(1)', 'data:'])(
    'rejects %j, which could widen the policy or break the meta tag',
    (value) => {
      expect(connectHosts(value)).toEqual({ error: expect.stringContaining('is not a host') });
    },
  );

  it('withPolicyMeta replaces the meta tag, or adds it after <meta charset>', () => {
    const built = '<html><head>\n<meta charset="UTF-8" />\n<script src="/a.js"></script></head></html>';
    const once = withPolicyMeta(built, "default-src 'self'");
    expect(once).toBe(`<html><head>\n<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />\n<script src="/a.js"></script></head></html>`);
    expect(withPolicyMeta(once, "default-src 'none'")).toBe(once.replace("default-src 'self'", "default-src 'none'"));
  });
});
