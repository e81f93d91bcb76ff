/**
 * The demo tells the same story whatever day it is seeded: every member and
 * procurement seeded on two different days, read through the gateway, and
 * every date expressed as days from that day must be the same, as must every
 * state, flag and figure. And the story is the one promised: a completed
 * order, one in delivery with deliveries late and still ahead, an offer
 * lapsing within weeks with Albania's approval pending, a draft, savings in
 * money and percent.
 */
import { daysBetween } from '../../lib/time/calendarDays';
import { Federation, startFederation } from '../testkit/federation';

const daysFrom = (today: string, date: string | null): number | null => (date === null ? null : daysBetween(today, date));

const STORY = `{
  jointOrders {
    title status offerExpiresOn offerExpired savings { amount } savingsPercent
    currentApprovals { country { code } decision }
    savingsByCountry { country { code } savings { amount } savingsPercent }
    deliveries { country { code } quantity plannedDate deliveredDate status late }
  }
  members { code requirements { id quantity neededBy status item { nsn } } budgets { year procurement { amount } } }
}`;

/** The demo as seen on `today`, every date as days from it. */
async function storyOn(today: string): Promise<any> {
  let federation: Federation | undefined;
  try {
    // A generous member timeout: this is about the story, not speed, and the machine may be busy.
    federation = await startFederation({ members: ['XK', 'AL', 'HR', 'BG'], now: () => new Date(`${today}T11:00:00Z`), memberTimeoutMs: 20_000 });
    const { data, errors } = await federation.query(STORY);
    expect(errors).toBeUndefined();
    const thisYear = Number(today.slice(0, 4));
    return {
      raw: data,
      relative: {
        orders: data.jointOrders.map((o: any) => ({
          ...o,
          offerExpiresOn: daysFrom(today, o.offerExpiresOn),
          deliveries: o.deliveries.map((d: any) => ({ ...d, plannedDate: daysFrom(today, d.plannedDate), deliveredDate: daysFrom(today, d.deliveredDate) })),
        })),
        members: data.members.map((m: any) => ({
          code: m.code,
          requirements: m.requirements.map((r: any) => ({ ...r, neededBy: daysFrom(today, r.neededBy) })),
          budgets: m.budgets.map((b: any) => ({ ...b, year: b.year - thisYear })),
        })),
      },
    };
  } finally {
    await federation?.stop();
  }
}

describe('the demo, seeded on two different days', () => {
  let first: any;
  let second: any;
  beforeAll(async () => {
    first = await storyOn('2026-10-01');
    second = await storyOn('2031-02-27');
  }, 300_000);

  it('shows the same story relative to each day', () => {
    expect(second.relative).toEqual(first.relative);
    // …while the dates themselves moved with the day.
    expect(second.raw.jointOrders[0].offerExpiresOn).not.toBe(first.raw.jointOrders[0].offerExpiresOn);
  });

  it('has a completed order, one in delivery with deliveries late and ahead, an offer lapsing within weeks awaiting Albania, and a draft', () => {
    const orders = second.relative.orders;
    expect(orders.map((o: any) => o.status).sort()).toEqual(['COMPLETED', 'DELIVERING', 'DRAFT', 'IN_APPROVAL']);
    const delivering = orders.find((o: any) => o.status === 'DELIVERING');
    expect(delivering.deliveries.some((d: any) => d.late && d.status !== 'DELIVERED')).toBe(true);
    expect(delivering.deliveries.some((d: any) => d.late && d.status === 'DELIVERED')).toBe(true);
    expect(delivering.deliveries.some((d: any) => !d.late && d.status !== 'DELIVERED' && d.plannedDate > 0)).toBe(true);
    const inApproval = orders.find((o: any) => o.status === 'IN_APPROVAL');
    expect(inApproval.offerExpired).toBe(false);
    expect(inApproval.offerExpiresOn).toBeGreaterThan(0);
    expect(inApproval.offerExpiresOn).toBeLessThanOrEqual(42);
    expect(inApproval.currentApprovals.filter((a: any) => a.decision === 'PENDING').map((a: any) => a.country.code)).toEqual(['AL']);
    const completed = orders.find((o: any) => o.status === 'COMPLETED');
    expect(completed.savings.amount).toBe('239050.00');
    expect(completed.savingsPercent).toBe('7.44'); // 239,050 of 3,215,000
    expect(completed.deliveries.every((d: any) => d.status === 'DELIVERED')).toBe(true);
  });

  it("dates the members' requirements and budgets from the demo day too", () => {
    const xk = second.relative.members.find((m: any) => m.code === 'XK');
    expect(xk.budgets.map((b: any) => b.year)).toEqual([-1, 0, 1]);
    expect(xk.requirements.some((r: any) => r.neededBy > 0)).toBe(true);
    expect(xk.requirements.some((r: any) => r.neededBy < 0)).toBe(true);
  });
});
