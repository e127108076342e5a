// Real Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core (browser
// downloads are not possible here). With CI set a missing browser fails the run; elsewhere the
// browser tests report themselves skipped with the reason.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Why browser tests cannot run here, or null when they can. Throws under CI instead of skipping. */
export function browserUnavailableReason(): string | null {
  if (existsSync(chromiumPath)) return null;
  const reason = `Chromium not found at ${chromiumPath} (apt-get install -y chromium)`;
  if (process.env.CI) throw new Error(`${reason}; CI must not skip browser tests`);
  return reason;
}

/** Playwright adds --headless itself and keeps its own throwaway profile. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS.filter((arg) => arg !== '--headless'),
  });
}
