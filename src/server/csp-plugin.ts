import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { connectHosts, contentSecurityPolicy, withPolicyMeta } from './content-security-policy.ts';

/** The hosts of WT_CONNECT_SRC, ending the process with the message when one is malformed. */
export function connectHostsOrExit(env: NodeJS.ProcessEnv = process.env): string[] {
  const parsed = connectHosts(env.WT_CONNECT_SRC);
  if ('error' in parsed) {
    console.error(parsed.error);
    process.exit(2);
  }
  return parsed.hosts;
}

/**
 * Vite plugin: the built index.html carries the policy as a <meta> tag (the hosts of
 * WT_CONNECT_SRC at build time), and the preview server (`npm start`) sends it as a header on
 * every response and rewrites the <meta> to the hosts of WT_CONNECT_SRC at start time: browsers
 * enforce both policies, so they must agree. The dev server gets neither (HMR needs inline code).
 */
export function cspPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'wt-content-security-policy',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server) return html;
        return withPolicyMeta(html, contentSecurityPolicy(connectHostsOrExit(), { meta: true }));
      },
    },
    configurePreviewServer(server) {
      const hosts = connectHostsOrExit();
      const header = contentSecurityPolicy(hosts);
      const meta = contentSecurityPolicy(hosts, { meta: true });
      server.middlewares.use((req, res, next) => {
        res.setHeader('Content-Security-Policy', header);
        const path = (req.url ?? '/').split('?')[0];
        if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
          let html: string;
          try {
            html = readFileSync(resolve(outDir, 'index.html'), 'utf8');
          } catch {
            next();
            return;
          }
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(withPolicyMeta(html, meta));
          return;
        }
        next();
      });
    },
  };
}
