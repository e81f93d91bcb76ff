/**
 * The purchasers' cases of the demo orders, written as the history that
 * produced them: every step goes through the case workflow on a clock set to
 * that step's day. The days come from the orders themselves (created,
 * submitted, approved, placed, delivered) and from `today`, so the cases
 * follow the orders wherever the demo's dates fall:
 *
 * - the COMPLETED order: three CLOSED cases, all paid, actual cost against
 *   the estimate (Croatia's with a modification for transport);
 * - the DELIVERING order: three cases in DELIVERING; Albania's first offer
 *   lapsed and was re-offered; an instalment of Kosovo's is overdue; an
 *   amendment of Croatia's awaits its signature;
 * - the order IN_APPROVAL: offers expiring three weeks from today, signed by
 *   Kosovo and Croatia, Albania's acceptance pending;
 * - the DRAFT order: letters of request only.
 */
import type { DataSource } from 'typeorm';
import { formatAmount, MinorUnits } from '../../../lib/money';
import { demoCalendar } from '../../../lib/reference/demoCalendar';
import { clockFrom } from '../clock';
import { createContext, ProcurementContext } from '../context';
import { Approval, Case, CaseVersion, Delivery, JointOrder, OrderParticipant } from '../entities';
import { amendCase, closeCase, implementCase, modifyCase, offerCase, recordCaseDecision, reofferCase, requestCase } from '../cases/lifecycle';
import { recordCasePayment, setPaymentSchedule } from '../cases/payments';
import { estimateOf } from '../cases/versions';
import { ApprovalDecision, Decision, DeliveryStatus, JointOrderStatus } from '../types/enums';

const SIGNATORIES: Record<string, string> = {
  XK: 'Director of Armaments, Ministry of Defence of Kosovo',
  AL: 'Director General of Armaments, Ministry of Defence of Albania',
  HR: 'Head of the Defence Procurement Directorate, Ministry of Defence of Croatia',
};

const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return dayOf(date);
}

const later = (a: string, b: string): string => (a > b ? a : b);

/** A context whose clock stands at 09:30 UTC on `day`. */
const on = (dataSource: DataSource, day: string): ProcurementContext => createContext(dataSource, clockFrom(() => new Date(`${day}T09:30:00Z`)));

/** What the order's own rows say about its history. */
interface OrderFacts {
  order: JointOrder;
  participants: string[];
  created: string;
  /** The day the current version was submitted for approval. */
  submitted: string | null;
  /** Each member's approval of the current version. */
  approvedOn: Map<string, string>;
  placed: string | null;
  lastDelivered: string | null;
}

async function factsOf(dataSource: DataSource, status: JointOrderStatus): Promise<OrderFacts | null> {
  const order = await dataSource.getRepository(JointOrder).findOne({ where: { status }, order: { id: 'ASC' } });
  if (!order) return null;
  const participants = (await dataSource.getRepository(OrderParticipant).find({ where: { orderId: order.id }, order: { countryCode: 'ASC' } })).map((p) => p.countryCode);
  const approvals = await dataSource.getRepository(Approval).find({ where: { orderId: order.id, version: order.version } });
  const requested = approvals.filter((a) => a.decision === ApprovalDecision.PENDING).map((a) => dayOf(a.requestedAt));
  const approvedOn = new Map(approvals.filter((a) => a.decision === ApprovalDecision.APPROVED && a.decidedAt).map((a) => [a.countryCode, dayOf(a.decidedAt as Date)]));
  const delivered = (await dataSource.getRepository(Delivery).find({ where: { orderId: order.id, status: DeliveryStatus.DELIVERED } })).map((d) => d.deliveredDate as string).sort();
  return {
    order,
    participants,
    created: dayOf(order.createdAt),
    submitted: requested.length ? requested.sort()[requested.length - 1] : null,
    approvedOn,
    placed: order.placedAt ? dayOf(order.placedAt) : null,
    lastDelivered: delivered.length ? delivered[delivered.length - 1] : null,
  };
}

class CaseStory {
  constructor(
    private readonly dataSource: DataSource,
    readonly facts: OrderFacts,
    readonly country: string,
    readonly caseId: number,
  ) {}

  static async request(dataSource: DataSource, facts: OrderFacts, country: string, day: string, number: number): Promise<CaseStory> {
    const year = day.slice(0, 4);
    const kase = await requestCase(on(dataSource, day), country, facts.order.id, { requestReference: `${country}-LOR-${year}-${String(number).padStart(3, '0')}`, requestedBy: SIGNATORIES[country] });
    return new CaseStory(dataSource, facts, country, kase.id);
  }

  offer(day: string, expiresOn: string): Promise<Case> {
    return offerCase(on(this.dataSource, day), this.country, this.caseId, { expiresOn, description: `${this.facts.order.title}: ${this.country}'s share at the joint prices` });
  }

  reoffer(day: string, expiresOn: string): Promise<Case> {
    return reofferCase(on(this.dataSource, day), this.country, this.caseId, { expiresOn, description: `${this.facts.order.title}: re-offered unchanged after the first offer lapsed` });
  }

  async sign(day: string): Promise<void> {
    await recordCaseDecision(on(this.dataSource, day), this.country, this.caseId, { decision: Decision.APPROVED, decidedBy: SIGNATORIES[this.country] });
  }

  async estimate(): Promise<MinorUnits> {
    const versions = await this.dataSource.getRepository(CaseVersion).find({ where: { caseId: this.caseId } });
    return estimateOf(versions)?.minor ?? 0n;
  }

  /** A schedule in percentages of the estimate (the last payment takes the cents left over); returns the payments' ids. */
  async schedule(day: string, plan: ReadonlyArray<[dueOn: string, percent: bigint]>): Promise<number[]> {
    const estimate = await this.estimate();
    const amounts = plan.map(([, percent]) => (estimate * percent) / 100n);
    amounts[amounts.length - 1] += estimate - amounts.reduce((sum, a) => sum + a, 0n);
    const payments = await setPaymentSchedule(on(this.dataSource, day), this.country, this.caseId, plan.map(([dueOn], i) => ({ dueOn, amount: formatAmount(amounts[i]) })));
    return payments.map((p) => p.id);
  }

  async pay(paymentId: number, day: string): Promise<void> {
    await recordCasePayment(on(this.dataSource, day), this.country, String(paymentId), day);
  }

  async implement(day: string): Promise<void> {
    await implementCase(on(this.dataSource, day), this.country, this.caseId);
  }
}

async function requestAll(dataSource: DataSource, facts: OrderFacts, day: string, first: number): Promise<Map<string, CaseStory>> {
  const stories = new Map<string, CaseStory>();
  for (const [i, country] of facts.participants.entries()) stories.set(country, await CaseStory.request(dataSource, facts, country, day, first + i));
  return stories;
}

/** Offered at submission, signed at each member's approval, deposit paid, implemented at placement. */
async function throughImplementation(story: CaseStory, plan: (signed: string) => ReadonlyArray<[string, bigint]>): Promise<{ payments: Array<{ id: number; dueOn: string }>; implemented: string }> {
  const { facts, country } = story;
  const signed = facts.approvedOn.get(country) as string;
  await story.sign(signed);
  const schedule = plan(signed);
  const ids = await story.schedule(signed, schedule);
  const payments = ids.map((id, i) => ({ id, dueOn: schedule[i][0] }));
  await story.pay(payments[0].id, payments[0].dueOn);
  const implemented = later(facts.placed as string, payments[0].dueOn);
  await story.implement(implemented);
  return { payments, implemented };
}

export async function seedDemoCases(dataSource: DataSource, today: string): Promise<void> {
  const calendar = demoCalendar(today);
  const completed = await factsOf(dataSource, JointOrderStatus.COMPLETED);
  if (completed?.submitted && completed.placed && completed.lastDelivered) {
    const placed = completed.placed;
    const charges: Record<string, string> = { XK: '2350.00', AL: '4100.00', HR: '7800.00' };
    for (const [country, story] of await requestAll(dataSource, completed, completed.created, 11)) {
      await story.offer(completed.submitted, addDays(completed.submitted, 45));
      const plan = (signed: string): Array<[string, bigint]> => [[addDays(signed, 10), 20n], [addDays(placed, 60), 40n], [addDays(placed, 150), 40n]];
      const { payments, implemented } = await throughImplementation(story, plan);
      for (const payment of payments.slice(1)) await story.pay(payment.id, payment.dueOn);
      if (country === 'HR') {
        const estimate = (await story.estimate()) + 780000n;
        await modifyCase(on(dataSource, addDays(implemented, 20)), country, story.caseId, { description: "Transport to Zagreb by the supplier's carrier, added to the estimate", estimate: formatAmount(estimate) });
      }
      await closeCase(on(dataSource, addDays(completed.lastDelivered, 30)), country, story.caseId, charges[country]);
    }
  }

  const delivering = await factsOf(dataSource, JointOrderStatus.DELIVERING);
  if (delivering?.submitted && delivering.placed) {
    const placed = delivering.placed;
    for (const [country, story] of await requestAll(dataSource, delivering, delivering.created, 21)) {
      const approved = delivering.approvedOn.get(country) as string;
      const lapses = country === 'AL' && addDays(delivering.submitted, 3) < addDays(approved, -1);
      await story.offer(delivering.submitted, addDays(delivering.submitted, lapses ? 3 : 30));
      if (lapses) await story.reoffer(addDays(approved, -1), addDays(approved, 30));
      const plan = (signed: string): Array<[string, bigint]> => [[addDays(signed, 10), 20n], [addDays(placed, 45), 30n], [calendar.day(-12), 25n], [calendar.day(75), 25n]];
      const { payments } = await throughImplementation(story, plan);
      await story.pay(payments[1].id, payments[1].dueOn);
      // Kosovo has not paid its third instalment: overdue.
      if (country !== 'XK') await story.pay(payments[2].id, payments[2].dueOn);
      if (country === 'HR') {
        const estimate = (await story.estimate()) + 4_640_000n;
        await amendCase(on(dataSource, calendar.day(-5)), country, story.caseId, { description: 'Add 40 spare battery sets for the radios', estimate: formatAmount(estimate), expiresOn: calendar.day(30) });
      }
    }
  }

  const inApproval = await factsOf(dataSource, JointOrderStatus.IN_APPROVAL);
  if (inApproval?.submitted) {
    for (const [country, story] of await requestAll(dataSource, inApproval, inApproval.created, 31)) {
      await story.offer(inApproval.submitted, calendar.day(21));
      const signed = inApproval.approvedOn.get(country);
      if (!signed) continue; // Albania's acceptance is pending.
      await story.sign(signed);
      await story.schedule(signed, [[calendar.day(14), 20n], [calendar.day(120), 40n], [calendar.day(240), 40n]]);
    }
  }

  const draft = await factsOf(dataSource, JointOrderStatus.DRAFT);
  if (draft) await requestAll(dataSource, draft, addDays(draft.created, 1), 41);
}
