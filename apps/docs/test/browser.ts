// Debian's chromium driven by playwright-core (never a downloaded browser), and what a page did:
// every request it made and every console error. Shared by the browser tests and bench/docs.bench.mjs.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium with a fresh profile (playwright makes a temporary user-data dir for every launch). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `${chromiumPath} does not exist: install Debian's chromium (bash scripts/install.sh, or apt-get install chromium)`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

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
