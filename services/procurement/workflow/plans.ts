/**
 * Implementation plans: the document the ministries approve for one or more
 * joint orders. Every revision is a new version; approval counts only for the
 * current one, and is required from every participant of the covered orders.
 */
import type { EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import { badInput, notFound, ruleBroken } from '../../../lib/errors';
import type { ProcurementContext } from '../context';
import { ImplementationPlan, JointOrder, OrderParticipant, PlanApproval, PlanVersion } from '../entities';
import { checkDecision, DecisionInput } from './approvals';
import { actingMember, claimPlan, sharePlan } from './guards';
import { memberRuleBroken, requireCurrentVersion, Rule } from './rules';
import { writeTransaction } from './transaction';

export interface NewPlan {
  title: string;
  summary: string;
  orderIds: number[];
}

function checkSummary(summary: string): string {
  const text = summary.trim();
  if (!text || text.length > 4000) throw badInput('summary', 'must be 1 to 4000 characters');
  return text;
}

/** The members who must approve a plan: every participant of the orders it covers. */
export async function planApprovers(tx: EntityManager, planId: number): Promise<string[]> {
  const orders = await tx.find(JointOrder, { where: { planId }, select: { id: true } });
  if (orders.length === 0) return [];
  const participants = await tx.find(OrderParticipant, { where: { orderId: In(orders.map((o) => o.id)) } });
  return [...new Set(participants.map((p) => p.countryCode))].sort();
}

/** Attaches orders to a plan; an order belongs to one plan at most, and the acting member must take part in each. */
async function cover(tx: EntityManager, plan: ImplementationPlan, country: string, orderIds: number[]): Promise<void> {
  if (orderIds.length === 0) throw badInput('orderIds', 'must name at least one joint order');
  const orders = await tx.findBy(JointOrder, { id: In(orderIds) });
  for (const id of orderIds) {
    const order = orders.find((o) => o.id === id);
    if (!order) throw notFound('Joint order', String(id));
    if (order.planId !== null && order.planId !== plan.id) {
      throw ruleBroken(Rule.ORDER_IN_OTHER_PLAN, `Joint order ${order.reference} is already covered by another implementation plan`, { orderId: String(id), field: 'orderIds' });
    }
    if (!(await tx.existsBy(OrderParticipant, { orderId: id, countryCode: country }))) {
      throw memberRuleBroken(Rule.NOT_A_PARTICIPANT, country, `${country} does not take part in joint order ${order.reference}`, { orderId: String(id), field: 'orderIds' });
    }
  }
  await tx.update(JointOrder, { planId: plan.id }, { planId: null });
  // Only orders still without a plan are taken: a plan created at the same moment cannot take them too.
  const taken = await tx.update(JointOrder, { id: In(orderIds), planId: IsNull() }, { planId: plan.id });
  if (taken.affected !== orderIds.length) {
    throw ruleBroken(Rule.ORDER_IN_OTHER_PLAN, 'One of the orders was just covered by another implementation plan', { field: 'orderIds' });
  }
}

export async function createImplementationPlan(ctx: ProcurementContext, country: string, input: NewPlan): Promise<ImplementationPlan> {
  const title = input.title.trim();
  if (!title || title.length > 200) throw badInput('title', 'must be 1 to 200 characters');
  const summary = checkSummary(input.summary);
  const orderIds = [...new Set(input.orderIds)];
  return writeTransaction(ctx.dataSource, async (tx) => {
    await actingMember(tx, country);
    const now = ctx.clock.now();
    const plan = tx.create(ImplementationPlan, { reference: `NEW-${now.getTime().toString(36)}`, title, version: 1, lockVersion: 0, createdBy: country, createdAt: now });
    await tx.insert(ImplementationPlan, plan);
    plan.reference = `IP-${now.getUTCFullYear()}-${String(plan.id).padStart(3, '0')}`;
    await tx.update(ImplementationPlan, { id: plan.id }, { reference: plan.reference });
    await tx.insert(PlanVersion, { planId: plan.id, version: 1, summary, createdBy: country, createdAt: now });
    await cover(tx, plan, country, orderIds);
    return plan;
  });
}

async function requireApprover(tx: EntityManager, plan: ImplementationPlan, country: string): Promise<void> {
  if (!(await planApprovers(tx, plan.id)).includes(country)) {
    throw memberRuleBroken(Rule.NOT_A_PARTICIPANT, country, `${country} takes part in none of the orders implementation plan ${plan.reference} covers`);
  }
}

/** A new version of the plan's text (and optionally of the orders it covers); approvals start over. */
export async function reviseImplementationPlan(ctx: ProcurementContext, country: string, planId: number, summaryText: string, orderIds?: number[] | null): Promise<ImplementationPlan> {
  const summary = checkSummary(summaryText);
  return writeTransaction(ctx.dataSource, async (tx) => {
    await actingMember(tx, country);
    const plan = await claimPlan(tx, planId);
    await requireApprover(tx, plan, country);
    plan.version += 1;
    await tx.update(ImplementationPlan, { id: plan.id }, { version: plan.version });
    await tx.insert(PlanVersion, { planId: plan.id, version: plan.version, summary, createdBy: country, createdAt: ctx.clock.now() });
    if (orderIds) await cover(tx, plan, country, [...new Set(orderIds)]);
    return plan;
  });
}

export async function recordPlanDecision(ctx: ProcurementContext, country: string, planId: number, input: DecisionInput): Promise<PlanApproval> {
  const { decidedBy, comment } = checkDecision(input);
  return writeTransaction(ctx.dataSource, async (tx) => {
    await actingMember(tx, country);
    // A decision adds a row of its own: members decide side by side; a revision (a claim) waits for them.
    const plan = await sharePlan(tx, planId);
    await requireApprover(tx, plan, country);
    requireCurrentVersion(`Implementation plan ${plan.reference}`, plan.version, input.version, country);
    const decision = tx.create(PlanApproval, { planId, version: plan.version, countryCode: country, decision: input.decision, decidedBy, comment, decidedAt: ctx.clock.now() });
    await tx.insert(PlanApproval, decision);
    return decision;
  });
}
