/**
 * The playground in Debian's Chromium against the real federation: what the
 * token in the header field says about itself (roles, expiry, "expired"),
 * the role each saved example needs (and a warning before running one the
 * token lacks), query history that survives a reload, and what a first visit
 * transfers (every asset compressed). Sizes go to test-output/transfer.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { DEVELOPMENT_DEFAULTS } from '../../lib/security/config';
import { mintDevelopmentToken } from '../../lib/security/tokens';
import type { Role } from '../../lib/security/roles';
import { exampleHeader } from '../../web/playground/exampleHeader';
import { startFederation, tokenFor, type Federation } from '../testkit/federation';
import { CHROMIUM, describeWith } from '../testkit/systemParts';
import { launchChromium, type BrowserSession } from './chromium';
import { ensureWebBuilt } from './webBuild';
import { useToken } from './webFederation';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples', 'queries');
const OUTPUT = path.join(ROOT, 'test-output');

const expiredToken = (roles: Role[]) =>
  mintDevelopmentToken(roles, {
    secret: DEVELOPMENT_DEFAULTS.jwtSecret,
    issuer: DEVELOPMENT_DEFAULTS.issuer,
    audience: DEVELOPMENT_DEFAULTS.audience,
    expiresInSeconds: -600,
  });

/** The `exp` the token itself carries. */
const expOf = (token: string): number => (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp;

describeWith(CHROMIUM, 'the playground in Chromium', () => {
  let federation: Federation;
  let browser: BrowserSession;
  let origin: string;

  beforeAll(async () => {
    ensureWebBuilt();
    federation = await startFederation({ members: ['XK', 'AL', 'HR', 'BG'] });
    origin = federation.gatewayOrigin;
    browser = await launchChromium(origin);
    fs.mkdirSync(OUTPUT, { recursive: true });
  }, 240_000);

  afterAll(() => Promise.all([browser?.close(), federation?.stop()]));
  // A failed test leaves its tab open; the next one starts with none.
  afterEach(() => Promise.all(browser.context.pages().map((page) => page.close())));

  async function openPlayground(token: string): Promise<{ page: Page; problems: string[] }> {
    const opened = await browser.openPage();
    await opened.page.goto(`${origin}/playground/`);
    await useToken(opened.page, token);
    await opened.page.locator('[data-example]').first().waitFor();
    return opened;
  }

  it("shows the token's roles and expiry next to the field, and says plainly when it has expired", async () => {
    const token = await tokenFor(['analyst', 'ministry:XK']);
    const { page, problems } = await openPlayground(token);
    const roles = page.locator('[data-testid="token-roles"]');
    expect(await roles.innerText()).toBe('roles: analyst, ministry:XK');
    const expiry = page.locator('[data-testid="token-expiry"]');
    expect(await expiry.getAttribute('data-expired')).toBe('false');
    expect(await expiry.innerText()).toMatch(/^expires /);
    expect(Date.parse((await expiry.getAttribute('data-expires-at')) ?? '')).toBe(expOf(token) * 1000);

    const expired = await expiredToken(['procurement']);
    await useToken(page, expired);
    expect(await roles.innerText()).toBe('roles: procurement');
    expect(await expiry.getAttribute('data-expired')).toBe('true');
    expect(await expiry.innerText()).toMatch(/^EXPIRED /);
    expect(Date.parse((await expiry.getAttribute('data-expires-at')) ?? '')).toBe(expOf(expired) * 1000);
    await page.screenshot({ path: path.join(OUTPUT, 'playground-expired-token.png') });
    // The gateway refuses the expired token (401, which Chromium logs); the page says why.
    await page.locator('[data-problem="expired"]').waitFor();
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });

  it('shows the role each saved example needs; with a token lacking it, says so before running, and still runs it', async () => {
    const { page } = await openPlayground(await tokenFor('analyst'));
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.graphql'));
    for (const file of files) {
      const role = exampleHeader(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')).role;
      const item = page.locator(`[data-example="${file.replace(/\.graphql$/, '')}"]`);
      expect(await item.getAttribute('data-role')).toBe(role);
      expect(await item.locator('.example-role').innerText()).toBe(`role: ${role}`);
      expect(await item.getAttribute('data-role-missing')).toBe(String(role !== 'analyst'));
    }
    const budgets = page.locator('[data-example="budget-vs-committed"]');
    expect(await budgets.locator('.example-role-missing').innerText()).toMatch(/Needs the procurement role; your token has analyst/);

    // Run anyway: the notice is up at once, and the gateway's answer is what the notice warned of.
    const answered = page.waitForResponse((r) => r.url() === `${origin}/graphql` && (r.request().postData() ?? '').includes('BudgetVsCommitted'));
    await budgets.locator('button.run').click();
    const notice = page.locator('[data-testid="role-notice"]');
    await notice.waitFor();
    expect(await notice.getAttribute('data-example')).toBe('budget-vs-committed');
    expect(await notice.innerText()).toMatch(/needs the procurement role/i);
    const body = (await (await answered).json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');

    // An example the token may run: no notice.
    await page.locator('[data-example="late-deliveries"] button.run').click();
    await notice.waitFor({ state: 'detached' });

    // With the role the example needs, nothing is flagged.
    await useToken(page, await tokenFor('procurement'));
    await page.locator('[data-example][data-role-missing="false"]').first().waitFor();
    expect(await page.locator('[data-example][data-role-missing="true"]').count()).toBe(0);
  });

  it('keeps the queries run in the history, across a reload', async () => {
    const { page } = await openPlayground(await tokenFor('analyst'));
    const answered = page.waitForResponse((r) => r.url() === `${origin}/graphql` && (r.request().postData() ?? '').includes('ApprovalsAwaited'));
    await page.locator('[data-example="approvals-awaited"] button.run').click();
    await answered;
    await page.reload();
    await page.locator('[data-example]').first().waitFor();
    await page.getByRole('button', { name: /history/i }).click();
    const entry = page.locator('.graphiql-history-item').filter({ hasText: 'ApprovalsAwaited' });
    await entry.first().waitFor();
    // Kept by the browser itself, so a new tab of the same profile has it too.
    const stored = String(await page.evaluate('JSON.stringify(Object.entries(localStorage).filter(([key]) => key.startsWith("graphiql")))'));
    expect(stored).toContain('ApprovalsAwaited');
    await page.screenshot({ path: path.join(OUTPUT, 'playground-history.png') });
  });

  it('transfers every asset of a first visit compressed', async () => {
    // A browser of its own: a fresh profile has nothing cached, as on a first visit.
    const firstVisit = await launchChromium(origin);
    try {
      const { page } = await firstVisit.openPage();
      const responses: Response[] = [];
      // On the context: Monaco's web workers load their scripts outside the page.
      firstVisit.context.on('response', (response) => responses.push(response));
      await page.goto(`${origin}/playground/`);
      await page.locator('[data-example]').first().waitFor();
      await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
      await page.waitForLoadState('networkidle');
      const assets = await Promise.all(
        responses
          .filter((r) => r.url().startsWith(`${origin}/playground/`))
          .map(async (r) => ({
            url: r.url(),
            encoding: (await r.allHeaders())['content-encoding'] ?? null,
            transferred: (await r.request().sizes()).responseBodySize,
            size: (await r.body()).length,
          })),
      );
      const large = assets.filter((a) => a.size >= 1024);
      expect(large.length).toBeGreaterThan(3);
      expect(large.filter((a) => a.encoding === null).map((a) => a.url)).toEqual([]);
      const size = assets.reduce((sum, a) => sum + a.size, 0);
      const transferred = assets.reduce((sum, a) => sum + a.transferred, 0);
      expect(transferred).toBeLessThan(size / 2.5);
      const summary = { files: assets.length, size, transferred, encodings: [...new Set(large.map((a) => a.encoding))] };
      fs.writeFileSync(path.join(OUTPUT, 'transfer.json'), JSON.stringify({ playgroundFirstVisit: summary }, null, 2));
    } finally {
      await firstVisit.close();
    }
  });
});
