/**
 * The ministries' approval of an order: submission asks every participant,
 * each member records only its own decision, one rejection sends the order
 * back to DRAFT, unanimity on the current version approves it.
 */
import { badInput, ruleBroken } from '../../../lib/errors';
import type { ProcurementContext } from '../context';
import { Allocation, Approval, JointOrder, OrderLine } from '../entities';
import { ApprovalDecision, Decision, JointOrderStatus } from '../types/enums';
import { approvedBy } from './approvalState';
import { changeOrder, claimOrder, holdOrder, participantsOf, requireParticipant } from './guards';
import { requireCurrentVersion, requireOfferValid, requireStatus, Rule } from './rules';
import { writeTransaction } from './transaction';

export async function submitForApproval(ctx: ProcurementContext, country: string, orderId: number): Promise<JointOrder> {
  return writeTransaction(ctx.dataSource, async (tx) => {
    const order = await claimOrder(tx, orderId);
    await requireParticipant(tx, order, country);
    requireStatus(order, JointOrderStatus.DRAFT, 'only a DRAFT order can be submitted for approval');
    const lines = await tx.findBy(OrderLine, { orderId });
    const allocated = new Set((await tx.findBy(Allocation, { orderId })).map((a) => a.lineId));
    const empty = lines.filter((line) => !allocated.has(line.id)).map((line) => line.nsn);
    if (lines.length === 0 || empty.length > 0) {
      throw ruleBroken(Rule.ORDER_EMPTY, lines.length === 0 ? `Joint order ${order.reference} has no lines to approve` : `Lines without any allocation: ${empty.join(', ')}; allocate or remove them first`, {
        orderId: String(order.id),
      });
    }
    requireOfferValid(order, ctx.clock.today());
    const requestedAt = ctx.clock.now();
    const participants = await participantsOf(tx, orderId);
    await tx.insert(
      Approval,
      participants.map((code) => ({ orderId, countryCode: code, version: order.version, decision: ApprovalDecision.PENDING, decidedBy: null, comment: null, requestedAt, decidedAt: null })),
    );
    order.status = JointOrderStatus.IN_APPROVAL;
    await tx.update(JointOrder, { id: orderId }, { status: order.status });
    return order;
  });
}

export interface DecisionInput {
  decision: Decision;
  decidedBy: string;
  comment?: string | null;
  /** The version the ministry looked at; refused if the order has moved on. */
  version?: number | null;
}

export function checkDecision(input: DecisionInput): { decidedBy: string; comment: string | null } {
  const decidedBy = input.decidedBy.trim();
  if (!decidedBy || decidedBy.length > 120) throw badInput('decidedBy', 'must name the deciding official, 1 to 120 characters');
  const comment = input.comment?.trim() || null;
  if (input.decision === Decision.REJECTED && !comment) throw badInput('comment', 'must give the reason for a rejection');
  if (comment && comment.length > 2000) throw badInput('comment', 'must be at most 2000 characters');
  return { decidedBy, comment };
}

/** Records the acting member's decision and moves the order on when it settles the round. */
export async function recordApproval(ctx: ProcurementContext, country: string, orderId: number, input: DecisionInput): Promise<Approval> {
  const { decidedBy, comment } = checkDecision(input);
  return writeTransaction(ctx.dataSource, async (tx) => {
    // Not a change of the order's terms: decisions queue for the order row, and only settling the round changes it.
    const order = await holdOrder(tx, orderId);
    await requireParticipant(tx, order, country);
    requireStatus(order, JointOrderStatus.IN_APPROVAL);
    requireCurrentVersion(`Joint order ${order.reference}`, order.version, input.version, country);
    const now = ctx.clock.now();
    const decision = input.decision === Decision.APPROVED ? ApprovalDecision.APPROVED : ApprovalDecision.REJECTED;
    const approval = tx.create(Approval, { orderId, countryCode: country, version: order.version, decision, decidedBy, comment, requestedAt: now, decidedAt: now });
    await tx.insert(Approval, approval);

    if (input.decision === Decision.REJECTED) {
      await changeOrder(tx, order, { status: JointOrderStatus.DRAFT });
    } else {
      const participants = await participantsOf(tx, orderId);
      const history = await tx.find(Approval, { where: { orderId, version: order.version } });
      if (approvedBy(history, order.version, participants).length === participants.length) await changeOrder(tx, order, { status: JointOrderStatus.APPROVED });
    }
    return approval;
  });
}

/** Takes a submitted or approved order back to DRAFT so its contents can change. */
export async function reopenJointOrder(ctx: ProcurementContext, country: string, orderId: number): Promise<JointOrder> {
  return writeTransaction(ctx.dataSource, async (tx) => {
    const order = await claimOrder(tx, orderId);
    await requireParticipant(tx, order, country);
    if (order.status !== JointOrderStatus.IN_APPROVAL && order.status !== JointOrderStatus.APPROVED) {
      throw ruleBroken(Rule.ORDER_NOT_REOPENABLE, `Joint order ${order.reference} is ${order.status}: only an order IN_APPROVAL or APPROVED can be reopened`, {
        orderId: String(order.id),
        status: order.status,
      });
    }
    order.status = JointOrderStatus.DRAFT;
    await tx.update(JointOrder, { id: orderId }, { status: order.status });
    return order;
  });
}
