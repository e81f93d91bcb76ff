/**
 * Money you can compare, through the gateway: reference rates recorded as
 * data with their sources, and a member's commitments in a fiscal year (its
 * case payments due that year, in USD) against its procurement budget (in its
 * own currency, from its own country subgraph), in one currency at the rate
 * recorded for the day, with that rate shown. The arithmetic is checked by hand.
 */
import { Federation, startFederation } from '../../../test/testkit/federation';
import { TestProcurement } from './procurementTestkit';
import { addLine, allocate, createOrder, NSN } from './orderSteps';

const RATE = `mutation($c: String!, $d: LocalDate!, $r: String!, $s: String!) { recordExchangeRate(currency: $c, rateDate: $d, unitsPerEuro: $r, source: $s) { currency rateDate unitsPerEuro source } }`;
const COMPARE = `query($y: Int!, $cur: String!, $on: LocalDate) { country(code: "XK") { budgetComparison(fiscalYear: $y, currency: $cur, rateDate: $on) {
  fiscalYear currency rateDate budgetAsSet { amount currency } budget { amount currency }
  committedAsScheduled { amount currency } committed { amount currency } remaining { amount currency } committedPercent
  rates { currency rateDate unitsPerEuro source }
} } }`;
const ECB = 'ECB euro reference rates (test value)';

describe('commitments against budgets in one currency', () => {
  let federation: Federation;
  let today = '2026-05-04';
  const ok = async (query: string, variables: Record<string, unknown> = {}, as?: Parameters<Federation['query']>[2]) => {
    const answer = await federation.query(query, variables, as);
    if (answer.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors, null, 2)}`);
    return answer.data;
  };
  const compare = async (variables: Record<string, unknown>) => (await ok(COMPARE, { cur: 'EUR', ...variables }, { as: 'ministry:XK' })).country.budgetComparison;

  beforeAll(async () => {
    federation = await startFederation({ seed: false, now: () => new Date(`${today}T10:00:00Z`) });
    const p = { query: ok } as unknown as TestProcurement;
    const order = await createOrder(p, { caseReference: 'XK-B-ZBC' });
    const line = await addLine(p, order.id, NSN.javelin);
    await allocate(p, line, 'XK', 30);
    await allocate(p, line, 'AL', 60);
    await allocate(p, line, 'HR', 90);
    await ok(`mutation($o: ID!) { submitForApproval(country: "XK", orderId: $o) { status } }`, { o: order.id });
    const { requestCase } = await ok(`mutation($o: ID!) { requestCase(country: "XK", orderId: $o, requestReference: "LOR/9", requestedBy: "Minister") { id } }`, { o: order.id });
    await ok(`mutation($id: ID!) { offerCase(country: "XK", caseId: $id, expiresOn: "2026-06-30", description: "Javelin") { id } }`, { id: requestCase.id });
    await ok(`mutation($id: ID!) { recordCaseDecision(country: "XK", caseId: $id, decision: APPROVED, decidedBy: "Minister") { version } }`, { id: requestCase.id });
    // 5,520,000.00 USD: 1,104,000.00 and 2,208,000.00 due in 2026, 2,208,000.00 in 2027.
    await ok(`mutation($id: ID!, $p: [ScheduledPaymentInput!]!) { setCasePaymentSchedule(country: "XK", caseId: $id, payments: $p) { id } }`, {
      id: requestCase.id,
      p: [
        { dueOn: '2026-06-01', amount: '1104000.00' },
        { dueOn: '2026-09-01', amount: '2208000.00' },
        { dueOn: '2027-01-15', amount: '2208000.00' },
      ],
    });
    await ok(`mutation { setBudget(country: "XK", input: { year: 2026, defenceTotal: "150000000.00", procurement: "50000000.00", currency: "EUR" }) { year } }`, {}, { as: 'ministry:XK' });
    today = '2026-07-10';
  });
  afterAll(async () => federation?.stop());

  it('records reference rates as data, each with its day and source, and never changes a published one', async () => {
    for (const [c, d, r] of [['USD', '2025-12-31', '1.17'], ['USD', '2026-06-30', '1.1650'], ['ALL', '2026-06-30', '96.80']]) {
      await ok(RATE, { c, d, r, s: ECB }, { as: 'procurement' });
    }
    expect((await ok(RATE, { c: 'USD', d: '2026-06-30', r: '1.165', s: ECB })).recordExchangeRate.unitsPerEuro).toBe('1.1650');
    const changed = await federation.query(RATE, { c: 'USD', d: '2026-06-30', r: '1.1660', s: ECB });
    expect(changed.errors?.[0].extensions).toMatchObject({ code: 'RATE_EXISTS', field: 'unitsPerEuro' });
    const future = await federation.query(RATE, { c: 'USD', d: '2026-07-11', r: '1.1660', s: ECB });
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rateDate' });
    expect((await federation.query(RATE, { c: 'USD', d: '2026-07-01', r: '1.1660', s: ECB }, { as: 'ministry:XK' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { exchangeRates } = await ok(`{ exchangeRates(currency: "USD") { rateDate unitsPerEuro source } }`, {}, { as: 'analyst' });
    expect(exchangeRates).toEqual([
      { rateDate: '2025-12-31', unitsPerEuro: '1.1700', source: ECB },
      { rateDate: '2026-06-30', unitsPerEuro: '1.1650', source: ECB },
    ]);
  });

  it('compares the payments due in the fiscal year with the budget at the latest rate, showing it', async () => {
    expect(await compare({ y: 2026 })).toEqual({
      fiscalYear: 2026,
      currency: 'EUR',
      rateDate: '2026-07-10',
      budgetAsSet: { amount: '50000000.00', currency: 'EUR' },
      budget: { amount: '50000000.00', currency: 'EUR' },
      committedAsScheduled: [{ amount: '3312000.00', currency: 'USD' }],
      // 3,312,000.00 / 1.1650 = 2,842,918.4549… → 2,842,918.45
      committed: { amount: '2842918.45', currency: 'EUR' },
      remaining: { amount: '47157081.55', currency: 'EUR' },
      committedPercent: '5.69', // 2,842,918.45 / 50,000,000.00 = 5.6858 %
      rates: [{ currency: 'USD', rateDate: '2026-06-30', unitsPerEuro: '1.1650', source: ECB }],
    });
  });

  it('converts across the euro into any recorded currency, rounding once', async () => {
    const inLek = await compare({ y: 2026, cur: 'ALL' });
    expect(inLek).toMatchObject({
      budget: { amount: '4840000000.00', currency: 'ALL' }, // 50,000,000.00 × 96.80
      committed: { amount: '275194506.44', currency: 'ALL' }, // 3,312,000.00 × 96.80 / 1.1650 = 275,194,506.4378…
      remaining: { amount: '4564805493.56', currency: 'ALL' },
    });
    expect(inLek.rates.map((r: any) => [r.currency, r.unitsPerEuro])).toEqual([
      ['ALL', '96.8000'],
      ['USD', '1.1650'],
    ]);
  });

  it('uses the rate in force on the day asked, and says when there is none', async () => {
    const march = await compare({ y: 2026, on: '2026-03-01' });
    expect(march).toMatchObject({ committed: { amount: '2830769.23' }, rates: [{ rateDate: '2025-12-31', unitsPerEuro: '1.1700' }] }); // 3,312,000.00 / 1.17
    const before = await federation.query(COMPARE, { y: 2026, cur: 'EUR', on: '2025-06-01' }, { as: 'ministry:XK' });
    expect(before.errors?.[0].extensions).toMatchObject({ code: 'RATE_MISSING', currency: 'USD', rateDate: '2025-06-01' });
  });

  it('has no budget part for a year without a budget, or for a caller who may not read it', async () => {
    expect(await compare({ y: 2027 })).toMatchObject({ budget: null, budgetAsSet: null, remaining: null, committedPercent: null, committed: { amount: '1895278.97' } }); // 2,208,000.00 / 1.1650
    const analyst = await federation.query(COMPARE, { y: 2026, cur: 'EUR' }, { as: 'analyst' });
    expect(analyst.data.country.budgetComparison).toMatchObject({ budget: null, committed: { amount: '2842918.45' } });
    expect(analyst.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });
});
