import type { Page } from '@playwright/test';

/**
 * Records every request whose host is not loopback, made by the page, its workers, or any other
 * page or service worker of its browser context (popups, new tabs), so tests can assert that the
 * app stays offline.
 */
export function trackExternalRequests(page: Page): string[] {
  const external: string[] = [];
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) external.push(request.url());
  });
  return external;
}
