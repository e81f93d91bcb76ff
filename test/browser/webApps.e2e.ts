/**
 * The playground and the dashboard in Debian's Chromium, served by the real
 * gateway in front of real subgraphs (issue 6). Screenshots land in
 * test-output/ for a person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, describeWith } from '../testkit/systemParts';
import { requestsOffOrigin, type BrowserSession } from './chromium';
import { moneyText, queryGateway, ungrouped } from './gatewayApi';
import { closeTabsAndCheckOrigin, mint, startSignedInWebApps, stopSignedInWebApps, useToken, type SignedInWebApps } from './webFederation';

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(ROOT, 'test-output');
const EXAMPLES = path.join(ROOT, 'examples', 'queries');

interface Money {
  amount: string;
  currency: string;
}

// The test's own query for what the dashboard shows, written independently of web/dashboard/queries.ts.
const ORDER_FIGURES = `query OrderFigures($id: ID!) {
  jointOrder(id: $id) {
    id status participants { code }
    totalValue { amount currency } individualValue { amount currency } savings { amount currency }
    savingsByCountry { country { code } committed { amount currency } individual { amount currency } savings { amount currency } }
    currentApprovals { country { code } decision }
    deliveries { id late }
  }
}`;

interface OrderFigures {
  id: string;
  status: string;
  participants: { code: string }[];
  totalValue: Money;
  individualValue: Money;
  savings: Money;
  savingsByCountry: { country: { code: string }; committed: Money; individual: Money; savings: Money }[];
  currentApprovals: { country: { code: string }; decision: string }[];
  deliveries: { id: string; late: boolean }[];
}

const text = async (page: Page, selector: string): Promise<string> => ungrouped(await page.locator(selector).innerText());

/** Opens one of the apps; the browser profile keeps the token the user applied (localStorage), as a real one does. */
async function openApp(browser: BrowserSession, url: string) {
  const opened = await browser.openPage();
  await opened.page.goto(url);
  return opened;
}

describeWith(CHROMIUM, 'web apps in Chromium, served by the gateway', () => {
  let federation: SignedInWebApps['federation'];
  let origin: string;
  let browser: BrowserSession;
  /** The joint procurement office: reads every order and every member's budget. */
  let token: string;

  // The user signs in once, pasting the token into the dashboard's field; every page after that has it.
  beforeAll(async () => ({ federation, origin, browser, token } = await startSignedInWebApps(SCREENSHOTS)), 240_000);
  afterAll(() => stopSignedInWebApps({ browser, federation }));

  afterEach(() => closeTabsAndCheckOrigin(browser, origin));

  describe('staying on the gateway', () => {
    const elsewhere = 'http://localhost:9/never-reached';
    const tryFetch = (page: Page) => page.evaluate((url) => fetch(url).then(() => 'answered', () => 'refused'), elsewhere);

    it("refuses, by the pages' Content-Security-Policy, any request to another origin", async () => {
      const { page } = await browser.openPage(); // the violation it provokes is a console problem by design
      await page.goto(`${origin}/dashboard/`);
      const before = browser.requests.length;
      // Chromium reports the violation on the console, possibly after the fetch has already failed.
      const violation = page.waitForEvent('console', (message) => /Content Security Policy/.test(message.text()));
      expect(await tryFetch(page)).toBe('refused');
      expect((await violation).text()).toContain(elsewhere);
      expect(browser.requests.slice(before)).not.toContain(elsewhere); // refused before it became a request
      await page.close();
    });

    it('records, and blocks, a request to another origin that a page without that policy makes', async () => {
      const { page } = await browser.openPage();
      await page.goto('about:blank');
      const before = browser.requests.length;
      expect(await tryFetch(page)).toBe('refused');
      expect(requestsOffOrigin(browser.requests.slice(before), origin)).toEqual([elsewhere]);
      browser.requests.splice(before); // the afterEach check is about our pages' own requests
      await page.close();
    });
  });

  describe('playground', () => {
    const exampleFiles = fs.existsSync(EXAMPLES) ? fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.graphql')) : [];

    it('is where / leads', async () => {
      const { page } = await browser.openPage();
      await page.goto(`${origin}/`);
      expect(new URL(page.url()).pathname).toBe('/playground/');
      await page.close();
    });

    it('offers every saved example and runs one, showing the answer the gateway gives', async () => {
      expect(exampleFiles.length).toBeGreaterThan(0);
      const { page, problems } = await openApp(browser, `${origin}/playground/`);
      await page.locator('[data-example]').first().waitFor();
      const listed = await page.locator('[data-example]').evaluateAll((items) => items.map((item) => item.getAttribute('data-example')));
      expect(listed.sort()).toEqual(exampleFiles.map((f) => f.replace(/\.graphql$/, '')).sort());

      const name = exampleFiles.map((f) => f.replace(/\.graphql$/, '')).sort()[0];
      const operation = fs.readFileSync(path.join(EXAMPLES, `${name}.graphql`), 'utf8');
      const answered = page.waitForResponse((r) => r.url() === `${origin}/graphql` && sentQuery(r.request().postData()) === operation.trim());
      await page.locator(`[data-example="${name}"] button.run`).click();
      const response = await answered;
      const shown = (await response.json()) as { data?: unknown; errors?: unknown };
      expect(shown.errors).toBeUndefined();
      expect(shown.data).toBeTruthy();

      // The same operation sent by the test answers the same data.
      const request = JSON.parse(response.request().postData() ?? '{}') as { query: string; variables?: Record<string, unknown> };
      const direct = await queryGateway(origin, request.query, request.variables ?? {}, token);
      expect(shown.data).toEqual(direct.data);

      // And the response pane shows it: the lines Monaco renders are the start of that answer.
      await page.locator('.graphiql-response .view-lines').filter({ hasText: '"data"' }).waitFor();
      const paneText = (await page.locator('.graphiql-response .view-lines').innerText()).replace(/\s+/g, '');
      expect(paneText.length).toBeGreaterThan(20);
      expect(JSON.stringify(shown, null, 2).replace(/\s+/g, '')).toContain(paneText);

      await page.screenshot({ path: path.join(SCREENSHOTS, 'playground.png') });
      expect(problems).toEqual([]);
      await page.close();
    });

    it('has the schema docs and completes field names from introspection', async () => {
      const { page } = await openApp(browser, `${origin}/playground/`);
      await page.getByRole('button', { name: /documentation explorer/i }).click();
      await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
      await page.locator('.graphiql-doc-explorer').getByText('jointOrders', { exact: true }).first().waitFor();

      const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('{ jointOrd');
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget').getByText('jointOrders').first().waitFor();
      // Completion runs in Monaco's GraphQL web worker, bundled and served by the gateway itself.
      expect(browser.requests).toContainEqual(expect.stringMatching(new RegExp(`^${origin}/playground/assets/graphql\\.worker-[\\w-]+\\.js$`)));
      await page.close();
    });
  });

  describe('dashboard', () => {
    const ORDERS = `{ jointOrders { id status totalValue { amount currency } } }`;
    // Budgets of the fiscal year the page shows (its selector starts at the current one); test/browser/dashboard.e2e.ts covers the rest.
    const MEMBERS = `query($year: Int!) { members { code budgetComparison(fiscalYear: $year, currency: "EUR") { budget { amount currency } } } }`;

    async function expectOrderShownAsApiSays(page: Page, id: string): Promise<void> {
      await page.locator(`[data-testid="order-summary"][data-order-id="${id}"]`).waitFor();
      const { data } = await queryGateway<{ jointOrder: OrderFigures }>(origin, ORDER_FIGURES, { id }, token);
      const order = data.jointOrder;

      expect(await text(page, '[data-testid="order-total"]')).toBe(moneyText(order.totalValue));
      expect(await text(page, '[data-testid="order-individual"]')).toBe(moneyText(order.individualValue));
      expect(await text(page, '[data-testid="order-savings"]')).toBe(moneyText(order.savings));

      const rows = page.locator('[data-testid="savings-row"]');
      expect(await rows.count()).toBe(order.savingsByCountry.length);
      for (const share of order.savingsByCountry) {
        const row = page.locator(`[data-testid="savings-row"][data-country="${share.country.code}"]`);
        expect(ungrouped(await row.locator('[data-field="committed"]').innerText())).toBe(moneyText(share.committed));
        expect(ungrouped(await row.locator('[data-field="individual"]').innerText())).toBe(moneyText(share.individual));
        expect(ungrouped(await row.locator('[data-field="savings"]').innerText())).toBe(moneyText(share.savings));
      }

      for (const { code } of order.participants) {
        const current = order.currentApprovals.find((a) => a.country.code === code);
        const shown = await page.locator(`[data-testid="approval"][data-country="${code}"]`).getAttribute('data-decision');
        expect(shown).toBe(current?.decision ?? 'NOT_SUBMITTED');
      }

      const deliveries = page.locator('[data-testid="delivery"]');
      expect(await deliveries.count()).toBe(order.deliveries.length);
      for (const delivery of order.deliveries) {
        const late = await page.locator(`[data-testid="delivery"][data-delivery-id="${delivery.id}"]`).getAttribute('data-late');
        expect(late).toBe(String(delivery.late));
      }
    }

    it("shows every order's status and value, and each order's figures, exactly as the API answers them", async () => {
      const { page, problems } = await openApp(browser, `${origin}/dashboard/`);
      const { data } = await queryGateway<{ jointOrders: { id: string; status: string; totalValue: Money }[] }>(origin, ORDERS, {}, token);
      expect(data.jointOrders.length).toBeGreaterThan(0);

      await page.locator('[data-testid="order-row"]').first().waitFor();
      expect(await page.locator('[data-testid="order-row"]').count()).toBe(data.jointOrders.length);
      for (const order of data.jointOrders) {
        const row = page.locator(`[data-testid="order-row"][data-order-id="${order.id}"]`);
        expect(ungrouped(await row.locator('[data-field="totalValue"]').innerText())).toContain(moneyText(order.totalValue));
        expect(await row.locator('[data-field="status"]').innerText()).toBe(statusLabel(order.status));
      }
      for (const order of data.jointOrders) {
        await page.locator(`[data-testid="order-row"][data-order-id="${order.id}"]`).click();
        await expectOrderShownAsApiSays(page, order.id);
      }
      expect(problems).toEqual([]);
      await page.close();
    });

    it.each([
      ['missing', async () => '', /token is needed/],
      ['expired', () => mint('procurement', -3600), /token expired at/],
      ['forbidden', () => mint([]), /lacks the role/],
    ])('says so clearly when the token is %s, and shows the page once a good one is pasted', async (kind, tokenFor, message) => {
      const { page } = await openApp(browser, `${origin}/dashboard/`);
      await useToken(page, await tokenFor());
      const notice = page.locator(`[data-testid="auth-problem"][data-problem="${kind}"]`);
      await notice.waitFor();
      expect(await notice.innerText()).toMatch(message);
      expect(await page.locator('[data-testid="order-row"]').count()).toBe(0);

      await useToken(page, token); // signed in again for the tests that follow
      await page.locator('[data-testid="order-summary"]').waitFor();
      expect(await page.locator('[data-testid="auth-problem"]').count()).toBe(0);
      await page.close();
    });

    it('with one member stopped, shows everything else and names the member that is unavailable', async () => {
      const stopped = 'HR';
      await federation.members[stopped].stop();
      try {
        const { page } = await openApp(browser, `${origin}/dashboard/`);
        const notice = page.locator(`[data-testid="member-unavailable"][data-country="${stopped}"]`);
        await notice.waitFor();
        expect(await notice.innerText()).toContain('Croatia (HR) is unavailable');
        expect(await page.locator('[data-testid="member-unavailable"]').count()).toBe(1);

        // Procurement's figures and the other members' budgets are all there.
        await page.locator('[data-testid="order-summary"]').waitFor();
        const { data } = await queryGateway<{ jointOrders: { id: string }[] }>(origin, ORDERS, {}, token);
        expect(await page.locator('[data-testid="order-row"]').count()).toBe(data.jointOrders.length);
        const id = await page.locator('[data-testid="order-summary"]').getAttribute('data-order-id');
        await expectOrderShownAsApiSays(page, id ?? '');
        const year = Number(await page.locator('[data-testid="budgets"]').getAttribute('data-year'));
        const budgets = await queryGateway<{ members: { code: string; budgetComparison: { budget: Money | null } | null }[] }>(origin, MEMBERS, { year }, token);
        for (const member of budgets.data.members) {
          const cell = page.locator(`[data-testid="budget"][data-country="${member.code}"] [data-field="budget"]`);
          if (member.code === stopped) expect(await cell.innerText()).toMatch(/unavailable/);
          else if (member.budgetComparison?.budget) expect(ungrouped(await cell.innerText())).toBe(moneyText(member.budgetComparison.budget));
        }
        await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-member-down.png'), fullPage: true });
        await page.close();
      } finally {
        await federation.members[stopped].start();
      }
    });
  });
});

/** The operation text a GraphiQL request carried (trimmed), or null. */
function sentQuery(postData: string | null): string | null {
  try {
    return (JSON.parse(postData ?? '') as { query?: string }).query?.trim() ?? null;
  } catch {
    return null;
  }
}

/** The dashboard's words for an order status, e.g. IN_APPROVAL → "In approval". */
function statusLabel(status: string): string {
  const words = status.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
