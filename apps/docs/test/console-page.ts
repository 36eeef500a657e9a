// The console (Scalar's API client) as a reader drives it in the browser tests: the Authentication
// section for each way a spec authenticates, Send, and afterwards where a secret went and what the
// page kept.
import type { Locator, Page } from 'playwright-core';
import type { PageRecord } from './browser.js';

/** The console's request dialog, once it has opened the operation the address names. */
export async function consoleDialog(page: Page): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: 'API Client' });
  await dialog.waitFor({ timeout: 30_000 });
  return dialog;
}

export interface PasswordGrant {
  readonly username: string;
  readonly password: string;
  /** Left empty when not given: where the token endpoint takes no client credentials. */
  readonly clientId?: string;
  /** Filled only where the console asks for it. */
  readonly clientSecret?: string;
}

/**
 * Clicks Authorize and returns the access token the token endpoint issued; a refusal fails here
 * with its status and answer, rather than as a wait for a token that never shows.
 */
async function authorize(dialog: Locator): Promise<string> {
  const reply = dialog.page().waitForResponse((response) => response.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Authorize' }).click();
  const response = await reply;
  const text = await response.text();
  if (!response.ok())
    throw new Error(`the token request to ${response.url()} was answered ${response.status()}: ${text.slice(0, 200)}`);
  await dialog.getByText('Access Token', { exact: true }).waitFor();
  return (JSON.parse(text) as { access_token: string }).access_token;
}

/** Fills the password grant in the console's Authentication section; returns the token issued. */
export async function authorizePassword(dialog: Locator, grant: PasswordGrant): Promise<string> {
  await dialog.getByRole('button', { name: /Authentication/ }).click();
  await dialog.getByRole('combobox', { name: 'Username' }).fill(grant.username);
  await dialog.getByLabel('Password', { exact: true }).fill(grant.password);
  if (grant.clientId !== undefined) await dialog.getByRole('combobox', { name: 'Client ID' }).fill(grant.clientId);
  const secret = dialog.getByLabel('Client Secret', { exact: true });
  if (grant.clientSecret !== undefined && (await secret.count()) > 0) await secret.fill(grant.clientSecret);
  return authorize(dialog);
}

/** Picks the client-credentials flow (the console opens on the first flow) and fills it; returns the token issued. */
export async function authorizeClientCredentials(
  dialog: Locator,
  client: { readonly id: string; readonly secret: string },
): Promise<string> {
  await dialog.getByRole('button', { name: /Authentication/ }).click();
  await dialog.getByRole('button', { name: 'clientCredentials', exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Client ID' }).fill(client.id);
  await dialog.getByLabel('Client Secret', { exact: true }).fill(client.secret);
  return authorize(dialog);
}

/**
 * Authenticates with the security scheme `scheme` alone (an HTTP bearer scheme, such as an API key):
 * ticks it and unticks the one the console chose (`instead`) in the auth type menu, then fills its token.
 */
export async function useBearerScheme(dialog: Locator, scheme: string, instead: string, token: string): Promise<void> {
  await dialog.getByRole('button', { name: /Authentication/ }).click();
  const menu = dialog.getByRole('button', { name: /Auth Type/ });
  await menu.click();
  const page = dialog.page();
  await page.getByRole('option', { name: new RegExp(`^${scheme}\\b`) }).click();
  await page.getByRole('option', { name: new RegExp(`^${instead}\\b`) }).click();
  await menu.click();
  await dialog.getByRole('button', { name: `Selected Auth Type: ${scheme}` }).waitFor();
  await dialog.getByLabel('Bearer Token', { exact: true }).fill(token);
}

/** Sends the request and waits for its 200 on the page (and for the page to go quiet); any other status fails here. */
export async function send(page: Page, dialog: Locator): Promise<void> {
  const reply = page.waitForResponse((response) => ['fetch', 'xhr'].includes(response.request().resourceType()));
  await dialog.getByRole('button', { name: /^Send/ }).first().click();
  const response = await reply;
  if (response.status() !== 200) {
    const url = response.url().split('?')[0];
    const answer = (await response.text()).slice(0, 200);
    throw new Error(`${response.request().method()} ${url} was answered ${response.status()}: ${answer}`);
  }
  await dialog
    .getByText(/\b200\b/)
    .first()
    .waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
}

/** What the page keeps after it is done: its storage, cookies and IndexedDB databases, as text. */
export const leftovers = (page: Page): Promise<string> =>
  page.evaluate(async () =>
    JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookies: document.cookie,
      databases: await indexedDB.databases(),
    }),
  );

/** The recorded requests that carry `secret` anywhere: URL, headers or body. */
export const carrying = (record: PageRecord, secret: string): PageRecord['sent'] =>
  record.sent.filter(
    (r) =>
      r.url.includes(secret) || r.body.includes(secret) || Object.values(r.headers).some((v) => v.includes(secret)),
  );
