/**
 * The demo's cases through the gateway, as a ministry first sees them: a
 * closed case per purchaser of the completed order (actual against estimate,
 * checked against the order's own figures), cases in delivery with an
 * overdue instalment and an amendment awaiting signature, offers expiring
 * three weeks from the demo's today with one acceptance pending, letters of
 * request on the draft, and the budget comparison's arithmetic redone here.
 */
import { Federation, startFederation } from '../../../test/testkit/federation';
import { demoCalendar } from '../../../lib/reference/demoCalendar';
import { DEMO_DAY } from './procurementTestkit';

const ORDERS = `{ jointOrders { id status lines { allocations { country { code } cost { amount } } } } }`;
const CASES = `{ cases { order { id } reference stage purchaser { code } offerLapsed
  currentVersion { kind expiresOn decision } versions { kind } pendingAmendment { kind }
  payments { dueOn status amount { amount currency } }
  closure { estimate { amount } actualCost { amount } variance { amount } balance { amount } }
} }`;

const cents = (amount: string): bigint => BigInt(amount.replace('.', ''));
const inDays = (days: number): string => demoCalendar(DEMO_DAY).day(days);

describe('the demo cases', () => {
  let federation: Federation;
  let orders: any[];
  const byStatus = (status: string) => orders.find((o) => o.status === status);
  const caseOf = (status: string, code: string) => byStatus(status).cases.find((c: any) => c.purchaser.code === code);

  beforeAll(async () => {
    federation = await startFederation({ now: () => new Date(`${DEMO_DAY}T10:00:00Z`) });
    const [ordered, cased] = [await federation.query(ORDERS), await federation.query(CASES)];
    expect([ordered.errors, cased.errors]).toEqual([undefined, undefined]);
    // Each order with its cases, as JointOrder.cases lists them.
    orders = ordered.data.jointOrders.map((o: any) => ({ ...o, cases: cased.data.cases.filter((c: any) => c.order.id === o.id) }));
  }, 240_000);
  afterAll(async () => federation?.stop());

  it('has every purchaser of every order in its own case, in the stage its order reached', () => {
    const stages = Object.fromEntries(orders.map((o) => [o.status, o.cases.map((c: any) => `${c.purchaser.code}:${c.stage}`).sort()]));
    expect(stages).toEqual({
      COMPLETED: ['AL:CLOSED', 'HR:CLOSED', 'XK:CLOSED'],
      DELIVERING: ['AL:DELIVERING', 'HR:DELIVERING', 'XK:DELIVERING'],
      IN_APPROVAL: ['AL:OFFERED', 'HR:ACCEPTED', 'XK:ACCEPTED'],
      DRAFT: ['AL:REQUESTED', 'HR:REQUESTED', 'XK:REQUESTED'],
    });
    for (const order of orders) for (const c of order.cases) expect(c.reference.slice(0, 3)).toBe(`${c.purchaser.code}-`);
  });

  it('closes the completed order\'s cases at the goods\' cost plus the final bill\'s charges, against the estimate in force', () => {
    const order = byStatus('COMPLETED');
    for (const c of order.cases) {
      const goods = order.lines.flatMap((l: any) => l.allocations).filter((a: any) => a.country.code === c.purchaser.code).reduce((sum: bigint, a: any) => sum + cents(a.cost.amount), 0n);
      const { estimate, actualCost, variance, balance } = c.closure;
      const charges = cents(actualCost.amount) - goods;
      expect(charges).toBeGreaterThan(0n);
      expect(cents(variance.amount)).toBe(cents(actualCost.amount) - cents(estimate.amount));
      // Everything scheduled was paid: the balance is what the final bill adds.
      expect(c.payments.every((p: any) => p.status === 'PAID')).toBe(true);
      expect(cents(balance.amount)).toBe(cents(actualCost.amount) - c.payments.reduce((sum: bigint, p: any) => sum + cents(p.amount.amount), 0n));
      // Croatia's estimate took the transport in by a modification; the others' did not.
      expect(c.versions.map((v: any) => v.kind)).toEqual(c.purchaser.code === 'HR' ? ['OFFER', 'MODIFICATION'] : ['OFFER']);
      expect(cents(estimate.amount) - goods).toBe(c.purchaser.code === 'HR' ? charges : 0n);
    }
  });

  it('shows the cases in delivery with a re-offer, an overdue instalment and an amendment awaiting signature', () => {
    expect(caseOf('DELIVERING', 'AL').versions.map((v: any) => v.kind)).toEqual(['OFFER', 'REOFFER']);
    expect(caseOf('DELIVERING', 'XK').payments.map((p: any) => p.status)).toEqual(['PAID', 'PAID', 'OVERDUE', 'DUE']);
    expect(caseOf('DELIVERING', 'AL').payments.map((p: any) => p.status)).toEqual(['PAID', 'PAID', 'PAID', 'DUE']);
    expect(caseOf('DELIVERING', 'HR').pendingAmendment).toEqual({ kind: 'AMENDMENT' });
  });

  it('has offers expiring three weeks from today, one acceptance pending', () => {
    const pending = caseOf('IN_APPROVAL', 'AL');
    expect(pending).toMatchObject({ offerLapsed: false, currentVersion: { kind: 'OFFER', expiresOn: inDays(21), decision: null } });
    expect(caseOf('IN_APPROVAL', 'XK').currentVersion).toMatchObject({ decision: 'APPROVED', expiresOn: inDays(21) });
    expect(caseOf('IN_APPROVAL', 'XK').payments.map((p: any) => [p.status, p.dueOn])).toEqual([
      ['DUE', inDays(14)],
      ['DUE', inDays(120)],
      ['DUE', inDays(240)],
    ]);
  });

  it('compares Kosovo\'s payments due this fiscal year with its budget, in euros at the recorded rate', async () => {
    const year = Number(DEMO_DAY.slice(0, 4));
    const { data, errors } = await federation.query(
      `query($y: Int!) { country(code: "XK") { budgetComparison(fiscalYear: $y) { budget { amount currency } committedAsScheduled { amount currency } committed { amount } remaining { amount } rates { currency rateDate unitsPerEuro source } } } }`,
      { y: year },
      { as: 'procurement' },
    );
    expect(errors).toBeUndefined();
    const comparison = data.country.budgetComparison;
    const due = orders.flatMap((o) => o.cases).filter((c: any) => c.purchaser.code === 'XK').flatMap((c: any) => c.payments).filter((p: any) => p.dueOn.startsWith(String(year)));
    const usd = due.reduce((sum: bigint, p: any) => sum + cents(p.amount.amount), 0n);
    expect(comparison.committedAsScheduled).toEqual([{ amount: (Number(usd) / 100).toFixed(2), currency: 'USD' }]);
    const [rate] = comparison.rates;
    expect(rate).toMatchObject({ currency: 'USD' });
    expect(rate.rateDate <= DEMO_DAY).toBe(true);
    expect(rate.source).toMatch(/ECB|illustrative/i);
    // USD → EUR: cents × 10⁶ / (rate × 10⁶), rounded half up, once.
    const micro = BigInt(rate.unitsPerEuro.replace('.', '').padEnd(rate.unitsPerEuro.indexOf('.') + 6, '0'));
    const euroCents = (usd * 1_000_000n * 2n + micro) / (2n * micro);
    expect(cents(comparison.committed.amount)).toBe(euroCents);
    expect(comparison.budget.currency).toBe('EUR');
    expect(cents(comparison.remaining.amount)).toBe(cents(comparison.budget.amount) - euroCents);
  });
});
