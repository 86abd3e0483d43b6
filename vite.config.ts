import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { buildStampPlugin } from './src/server/build-stamp.ts';
import { cspPlugin } from './src/server/csp-plugin.ts';
import { preloadEditor } from './src/build/preload-editor.ts';

// monaco-yaml's worker manager still imports `monaco-editor/esm/vs/…`, which monaco-editor 0.57's
// exports map no longer resolves: point that prefix at the files themselves (toolchain.md §2).
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

export default defineConfig({
  plugins: [react(), buildStampPlugin(), cspPlugin(), preloadEditor()],
  resolve: {
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` }],
  },
  worker: { format: 'es' },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  // Monaco's lazy chunk is several MB even though the first screen never loads it; its source maps
  // would add ~60 MB to every build, so none are emitted.
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 8000 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173 },
});
