// Debian's chromium driven by playwright-core: never a downloaded browser build.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
