import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import baseConfig from '../../playwright.config.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const servers = Array.isArray(baseConfig.webServer) ? baseConfig.webServer : baseConfig.webServer ? [baseConfig.webServer] : [];

/** `npm run bench:browser`: the latency benchmark in real Chromium against the built app. Not a test. */
export default defineConfig({
  ...baseConfig,
  testDir: '.',
  testMatch: /.*\.bench\.ts$/,
  timeout: 600_000,
  reporter: 'list',
  webServer: servers.map((s) => ({ ...s, cwd: root })),
});
