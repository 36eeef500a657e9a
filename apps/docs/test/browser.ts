// Debian's chromium driven by playwright-core (never a downloaded browser), and what a page did:
// every request it made and every console error. Shared by the browser tests and bench/docs.bench.mjs.
import { AxeBuilder } from '@axe-core/playwright';
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
  /** Every request as sent: method, URL, headers and body, to find where a credential went. */
  readonly sent: Array<{ method: string; url: string; headers: Record<string, string>; body: string }>;
}

/**
 * Starts recording what happens in a context; requests to other origins than `origin` (and the
 * `also` ones a test runs itself, such as a reader's own server) are aborted.
 */
export async function recordContext(
  context: BrowserContext,
  origin: string,
  also: readonly string[] = [],
): Promise<PageRecord> {
  const record: PageRecord = { requests: [], failedResponses: [], errors: [], bytes: new Map(), sent: [] };
  context.on('request', (request) => {
    record.requests.push(request.url());
    record.sent.push({
      method: request.method(),
      url: request.url(),
      headers: request.headers(),
      body: request.postData() ?? '',
    });
  });
  context.on('response', (response) => {
    if (response.status() >= 400) record.failedResponses.push(`${response.status()} ${response.url()}`);
  });
  context.on('requestfinished', (request) => {
    void request.sizes().then(
      (sizes) => record.bytes.set(request.url(), sizes.responseHeadersSize + sizes.responseBodySize),
      () => undefined,
    );
  });
  const allowed = [origin, ...also];
  await context.route('**/*', (route) =>
    allowed.some((o) => route.request().url().startsWith(o)) ? route.continue() : route.abort('blockedbyclient'),
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

/** The URLs of `record` outside every one of `origins` (and not `data:`/`blob:`). */
export function requestsOutside(record: PageRecord, origins: readonly string[]): string[] {
  return record.requests.filter((url) => !origins.some((o) => url.startsWith(`${o}/`)) && !/^(data|blob):/.test(url));
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')} ${v.help}`);
}

/** How far the page is wider than the window (0: no sideways scroll), and the widest culprit. */
export async function sidewaysOverflow(page: Page): Promise<{ overflow: number; culprit: string }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    let culprit = '';
    let right = width;
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.right > right + 0.5 && getComputedStyle(element).position !== 'fixed') {
        right = box.right;
        culprit = `${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.right)} px)`;
      }
    }
    return { overflow: document.documentElement.scrollWidth - width, culprit };
  });
}
