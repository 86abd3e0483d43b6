/**
 * The app's Content-Security-Policy: everything from the app's own origin, images only from
 * self/data/blob (no remote beacons), and network requests only to self plus the hosts the user
 * lists in WT_CONNECT_SRC (e.g. where their task registries live). Served as a header by
 * `npm start` and as a <meta> tag in the built index.html for static hosting.
 */

/** The environment variable listing extra hosts the app may fetch from (space- or comma-separated). */
export const CONNECT_SRC_ENV = 'WT_CONNECT_SRC';

// scheme://host[:port][/path], host may start with `*.`; nothing that could end a directive or the attribute.
const HOST_SOURCE = /^(https?|wss?):\/\/(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:(\d{1,5}|\*))?(\/[A-Za-z0-9._~%/-]*)?$/;

/** The hosts of WT_CONNECT_SRC, or a message saying which entry is not a host source. */
export function connectHosts(value: string | undefined): { hosts: string[] } | { error: string } {
  const hosts = (value ?? '').split(/[\s,]+/).filter(Boolean);
  const bad = hosts.find((h) => !HOST_SOURCE.test(h));
  if (bad !== undefined) {
    return { error: `${CONNECT_SRC_ENV}: "${bad}" is not a host; list origins like "https://registry.example.org https://*.example.com", separated by spaces.` };
  }
  return { hosts: [...new Set(hosts)] };
}

/** The policy's directives; `meta` leaves out those a <meta> tag cannot carry (browsers warn about them). */
export function contentSecurityPolicy(hosts: string[], options: { meta?: boolean } = {}): string {
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    // Scripts only from the app's origin. Ajv (the form's and the compiler's JSON Schema validator)
    // compiles each schema into a function, which needs eval; Graphviz and the Python formatter
    // compile WebAssembly. Neither can bring code from elsewhere: there is no remote script source.
    ['script-src', "'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
    ['worker-src', "'self'", 'blob:'],
    // Monaco and React set styles at run time.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...hosts],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  if (!options.meta) directives.push(['frame-ancestors', "'self'"]);
  return directives.map((d) => d.join(' ')).join('; ');
}

const META = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/i;

/** index.html with its policy <meta> set to `policy` (added at the top of <head> when missing). */
export function withPolicyMeta(html: string, policy: string): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  if (META.test(html)) return html.replace(META, () => tag);
  // After <meta charset>, which must come first; before every script and stylesheet it governs.
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (charset.test(html)) return html.replace(charset, (m) => `${m}\n    ${tag}`);
  return html.replace(/<head>/i, (head) => `${head}\n    ${tag}`);
}
