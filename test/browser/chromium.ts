/**
 * Debian's Chromium driven by playwright-core, for the browser tests: a fresh
 * profile per launch, no background traffic, and a record of every request
 * the pages make, so a test can prove they never left the gateway's origin.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, sandbox-free (containers), and quiet: no updates, sync or other calls home. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORT = { width: 1280, height: 800 };

export interface BrowserSession {
  /** Every URL any page or worker requested since launch, in order (off-origin ones included, then aborted). */
  readonly requests: string[];
  /** A new tab; its console errors and uncaught exceptions go to `problems`. */
  openPage(): Promise<{ page: Page; problems: string[] }>;
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium for pages served by `origin` (e.g. the gateway's
 * http://127.0.0.1:PORT). A request to any other origin is recorded and
 * aborted, so nothing leaves this machine even when a test is about to fail.
 */
export async function launchChromium(origin: string): Promise<BrowserSession> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: VIEWPORT,
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isOffOrigin(url, origin)) {
      requests.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  return {
    requests,
    context,
    async openPage() {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      return { page, problems };
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** data: and blob: URLs never leave the browser; everything else must be `origin`. */
function isOffOrigin(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return false;
  try {
    return new URL(url).origin !== origin;
  } catch {
    return true;
  }
}

/** The recorded requests that went anywhere but `origin`. */
export function requestsOffOrigin(requests: readonly string[], origin: string): string[] {
  return [...new Set(requests.filter((url) => isOffOrigin(url, origin)))];
}
