/**
 * What the browser test files share: the federation behind bearer-token
 * authentication with the web apps served from web/dist, the test's own
 * development tokens, and how a user applies a token in a page.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { gatewaySecurityFromEnv } from '../../gateway/security/gatewaySecurity';
import { createTokenVerifier, mintDevelopmentToken } from '../../lib/security/tokens';
import { startFederation } from '../testkit/federation';
import { launchChromium, requestsOffOrigin, type BrowserSession } from './chromium';
import { ensureWebBuilt } from './webBuild';

/** The gateway verifies bearer tokens as issue 5 has it; these are the test's own development tokens. */
const AUTH = { secret: 'browser-tests-only-secret-of-at-least-32-bytes', issuer: 'jpg-browser-tests', audience: 'jpg-gateway' };

export const mint = (roles: Parameters<typeof mintDevelopmentToken>[0], expiresInSeconds = 3600) => mintDevelopmentToken(roles, { ...AUTH, expiresInSeconds });

/** Every member of the demo, BG (invited) included, behind bearer-token authentication, and the web apps built and served. */
export function startWebFederation() {
  ensureWebBuilt();
  const verifier = createTokenVerifier({ keys: { kind: 'secret', secret: AUTH.secret }, issuer: AUTH.issuer, audience: AUTH.audience });
  return startFederation({
    members: ['XK', 'AL', 'HR', 'BG'],
    gateway: { webApps: {}, security: { ...gatewaySecurityFromEnv(), tokens: verifier } },
  });
}

/** What a user does: paste the token into the header's field and apply it (an empty one clears it). */
export async function useToken(page: Page, token: string): Promise<void> {
  await page.locator('#bearer-token').fill(token);
  await page.locator('#bearer-token').press('Enter');
}

/**
 * Chromium for pages of `origin`, with the user signed in once: the token is
 * pasted into the dashboard's field, and the profile keeps it for every page after.
 */
export async function launchSignedIn(origin: string, token: string, screenshots: string): Promise<BrowserSession> {
  const browser = await launchChromium(origin);
  const { page } = await browser.openPage();
  await page.goto(`${origin}/dashboard/`);
  await useToken(page, token);
  await page.locator('[data-testid="order-summary"]').waitFor();
  await page.close();
  fs.mkdirSync(screenshots, { recursive: true });
  return browser;
}

/** A federation with the web apps, and Chromium signed in to it as the joint procurement office. */
export interface SignedInWebApps {
  federation: Awaited<ReturnType<typeof startWebFederation>>;
  origin: string;
  browser: BrowserSession;
  /** The procurement office's token: reads every order and every member's budget. */
  token: string;
}

/** What a browser test file starts once, before its tests: the federation, and the user signed in (see launchSignedIn). */
export async function startSignedInWebApps(screenshots: string): Promise<SignedInWebApps> {
  const token = await mint('procurement');
  const federation = await startWebFederation();
  const origin = federation.gatewayOrigin;
  const browser = await launchSignedIn(origin, token, screenshots).catch(async (error: unknown) => {
    await federation.stop();
    throw error;
  });
  return { federation, origin, browser, token };
}

/** After the file's tests: the browser closed, then the federation stopped (either may be missing if start-up failed). */
export async function stopSignedInWebApps(started: Partial<SignedInWebApps>): Promise<void> {
  await started.browser?.close();
  await started.federation?.stop();
}

/** After each test: a failed test's tabs closed, and nothing any page loaded came from elsewhere (ministry networks are offline). */
export async function closeTabsAndCheckOrigin(browser: BrowserSession, origin: string): Promise<void> {
  await Promise.all(browser.context.pages().map((page) => page.close()));
  expect(requestsOffOrigin(browser.requests, origin)).toEqual([]);
}
