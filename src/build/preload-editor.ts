import type { Plugin, ResolvedConfig } from 'vite';

type Bundle = NonNullable<Parameters<Extract<NonNullable<Plugin['generateBundle']>, (...args: never[]) => unknown>>[1]>;

/**
 * The chunk files a lazily imported module needs: its own chunk and, transitively, the chunks it
 * imports statically, except the app's entry (already in the page). Empty when no chunk is built
 * from that module.
 */
export function chunkClosure(bundle: Bundle, moduleSuffix: string): string[] {
  const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith(moduleSuffix));
  if (!entry) return [];
  const out: string[] = [];
  const visit = (fileName: string) => {
    const c = bundle[fileName];
    if (!c || c.type !== 'chunk' || c.isEntry || out.includes(fileName)) return;
    out.push(fileName);
    for (const dep of c.imports) visit(dep);
  };
  visit(entry.fileName);
  return out;
}

/**
 * Adds `<link rel="modulepreload">` hints for the spec editor's chunks (Monaco) to the built
 * index.html, so the browser fetches and compiles them alongside the app's entry instead of after
 * the workspace has loaded: the editor is what a user waits for first.
 */
export function preloadEditor(moduleSuffix = '/src/ui/editor/SpecEditor.tsx'): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'wt:preload-editor',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return;
        return chunkClosure(ctx.bundle, moduleSuffix).map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: config.base + file },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
