import type { Page } from '@playwright/test';

/** Records every request the page makes whose host is not loopback, so tests can assert the app stays offline. */
export function trackExternalRequests(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) external.push(request.url());
  });
  return external;
}
