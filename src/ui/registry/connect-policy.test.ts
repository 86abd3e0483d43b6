// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../server/content-security-policy.ts';
import { connectBlockedMessage, policyAllowsConnect } from './connect-policy.ts';

/** Which registry URLs the app's policy lets the page fetch, and what it says about the others. */

const SELF = 'http://127.0.0.1:4173/';
const policy = contentSecurityPolicy(['https://registry.example.org', 'https://*.corp.example:8443', 'https://files.example.net/wt/']);

describe('policyAllowsConnect', () => {
  it.each([
    ['http://127.0.0.1:4173/examples/x/registry.json', true],
    ['/examples/x/registry.json', true],
    ['https://registry.example.org/r.json', true],
    ['http://registry.example.org/r.json', false],
    ['https://registry.example.org:444/r.json', false],
    ['https://evil.example.org/r.json', false],
    ['https://a.corp.example:8443/r.json', true],
    ['https://corp.example:8443/r.json', false],
    ['https://a.corp.example/r.json', false],
    ['https://files.example.net/wt/r.json', true],
    ['https://files.example.net/other/r.json', false],
    ['http://127.0.0.1:9999/r.json', false],
  ])('%s → %s', (url, allowed) => {
    expect(policyAllowsConnect(policy, url, SELF)).toBe(allowed);
  });

  it('without connect-src the default-src decides; without either everything is allowed', () => {
    expect(policyAllowsConnect("default-src 'self'", 'https://x.example/', SELF)).toBe(false);
    expect(policyAllowsConnect("img-src 'self'", 'https://x.example/', SELF)).toBe(true);
    expect(policyAllowsConnect('connect-src https:', 'https://x.example/', SELF)).toBe(true);
    expect(policyAllowsConnect('connect-src *', 'https://x.example/', SELF)).toBe(true);
  });
});

describe('connectBlockedMessage', () => {
  const withMeta = (content: string | undefined) => {
    document.head.innerHTML = content === undefined ? '' : `<meta http-equiv="Content-Security-Policy" content="${content}">`;
    return document;
  };

  it('names the origin and the variable that allows it', () => {
    expect(connectBlockedMessage('https://other.example/reg/registry.json?x=1', withMeta(policy))).toBe(
      'https://other.example is not an allowed host; start the workbench with WT_CONNECT_SRC=https://other.example to allow it (npm start, or the build for static hosting), or download the file and load it instead.',
    );
  });

  it('says nothing for an allowed host or a page without a policy (the dev server)', () => {
    expect(connectBlockedMessage('https://registry.example.org/r.json', withMeta(policy))).toBeUndefined();
    expect(connectBlockedMessage('https://other.example/r.json', withMeta(undefined))).toBeUndefined();
  });
});
