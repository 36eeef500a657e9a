// Debian's chromium driven by playwright-core (never a downloaded browser), and what a page did:
// every request it made and every console error. Shared by the browser tests and bench/docs.bench.mjs.
import type { BrowserContext, Page } from 'playwright-core';

export { chromiumPath, launchChromium } from '@oapi/test-support';

export interface PageRecord {
  /** Every URL the page requested, in order. */
  readonly requests: string[];
  /** URLs answered with a status of 400 or more. */
  readonly failedResponses: string[];
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Bytes received per URL (headers and body, as the network saw them). */
  readonly bytes: Map<string, number>;
}

/** Starts recording what happens in a context; requests to other origins than `origin` are aborted. */
export async function recordContext(context: BrowserContext, origin: string): Promise<PageRecord> {
  const record: PageRecord = { requests: [], failedResponses: [], errors: [], bytes: new Map() };
  context.on('request', (request) => record.requests.push(request.url()));
  context.on('response', (response) => {
    if (response.status() >= 400) record.failedResponses.push(`${response.status()} ${response.url()}`);
  });
  context.on('requestfinished', (request) => {
    void request.sizes().then(
      (sizes) => record.bytes.set(request.url(), sizes.responseHeadersSize + sizes.responseBodySize),
      () => undefined,
    );
  });
  await context.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort('blockedbyclient'),
  );
  return record;
}

/** Records a page's console errors and uncaught exceptions into `record`. */
export function watchConsole(page: Page, record: PageRecord): void {
  page.on('console', (message) => {
    if (message.type() === 'error') record.errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => record.errors.push(`uncaught: ${error.message}`));
}

/** The recorded URLs that are neither on `origin` nor a `data:`/`blob:` URL (which make no network request). */
export function foreignRequests(record: PageRecord, origin: string): string[] {
  return record.requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
}
