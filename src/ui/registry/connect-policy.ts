/**
 * Whether the page's Content-Security-Policy lets it fetch a URL (connect-src), so that a registry
 * URL the policy blocks gets a message saying how to allow its host instead of "Failed to fetch".
 */

/** The sources of `directive` in `policy` (falling back to default-src), or undefined when neither is set. */
function sourcesOf(policy: string, directive: string): string[] | undefined {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives.get(directive) ?? directives.get('default-src');
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' };

/** Whether one CSP source expression matches `url` (CSP3 §6.7.2, without nonces and hashes). */
function matches(source: string, url: URL, self: URL): boolean {
  const s = source.toLowerCase();
  if (s === "'self'") return url.origin === self.origin || (self.protocol === 'http:' && url.protocol === 'https:' && url.host === self.host);
  if (s === '*') return ['http:', 'https:', 'ws:', 'wss:', self.protocol].includes(url.protocol);
  if (/^[a-z][a-z0-9+.-]*:$/.test(s)) return url.protocol === s || (s === 'http:' && url.protocol === 'https:') || (s === 'ws:' && url.protocol === 'wss:');
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:]+|\*)(?::(\d+|\*))?(\/.*)?$/.exec(s);
  if (!m) return false;
  const [, scheme, wildcard, host, port, path] = m;
  if (scheme) {
    const ok = url.protocol === `${scheme}:` || (scheme === 'http' && url.protocol === 'https:') || (scheme === 'ws' && url.protocol === 'wss:');
    if (!ok) return false;
  } else if (url.protocol !== self.protocol && !(self.protocol === 'http:' && url.protocol === 'https:')) return false;
  const hostname = url.hostname.toLowerCase();
  if (host !== '*') {
    if (wildcard ? !hostname.endsWith(`.${host}`) : hostname !== host) return false;
  }
  const urlPort = url.port || DEFAULT_PORT[url.protocol] || '';
  if (port !== '*' && (port ?? (scheme ? DEFAULT_PORT[`${scheme}:`] : DEFAULT_PORT[url.protocol])) !== urlPort) {
    // An http source without a port also allows the https default port (an upgrade).
    if (!(port === undefined && scheme === 'http' && url.protocol === 'https:' && urlPort === '443')) return false;
  }
  if (path && path !== '/') return path.endsWith('/') ? url.pathname.startsWith(path) : url.pathname === path;
  return true;
}

/** Whether `policy` allows fetching `url` from a page at `self`; a policy without connect-src or default-src allows it. */
export function policyAllowsConnect(policy: string, url: string, self: string): boolean {
  const sources = sourcesOf(policy, 'connect-src');
  if (sources === undefined) return true;
  let target: URL;
  try {
    target = new URL(url, self);
  } catch {
    return true; // not a URL: fetch itself says so
  }
  return sources.some((s) => matches(s, target, new URL(self)));
}

/**
 * The message for a URL the page's policy (its <meta> tag, which `npm start` keeps equal to the
 * header) does not let it fetch; undefined when the policy allows it or there is none (dev server).
 */
export function connectBlockedMessage(url: string, doc: Document = document): string | undefined {
  const policy = doc.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content');
  if (!policy || policyAllowsConnect(policy, url, doc.location.href)) return undefined;
  let origin = url;
  try {
    origin = new URL(url, doc.location.href).origin;
  } catch {
    // keep the text as typed
  }
  return `${origin} is not an allowed host; start the workbench with WT_CONNECT_SRC=${origin} to allow it (npm start, or the build for static hosting), or download the file and load it instead.`;
}
