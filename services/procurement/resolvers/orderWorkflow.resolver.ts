/**
 * The order's workflow as mutations. Each takes the acting member as
 * `country`; the rules themselves live in workflow/.
 */
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { ProcurementContext, write } from '../context';
import { Allocation, Approval, JointOrder, OrderLine } from '../entities';
import { Decision } from '../types/enums';
import { CreateJointOrderInput } from '../types/inputs';
import { recordApproval, reopenJointOrder, submitForApproval } from '../workflow/approvals';
import { parseId } from '../workflow/guards';
import { addOrderLine, allocate, removeAllocation, removeOrderLine, updateAllocation } from '../workflow/lines';
import { cancelJointOrder, createJointOrder, joinJointOrder } from '../workflow/orders';
import { placeOrder } from '../workflow/placement';

@Resolver()
export class OrderWorkflowResolver {
  @Mutation(() => JointOrder, { description: 'Opens a DRAFT joint order; the acting member takes part.' })
  async createJointOrder(
    @Arg('country', () => ID) country: string,
    @Arg('input', () => CreateJointOrderInput) input: CreateJointOrderInput,
    @Ctx() ctx: ProcurementContext,
  ): Promise<JointOrder> {
    return write(ctx, () => createJointOrder(ctx, country, input));
  }

  @Mutation(() => JointOrder, { description: 'The acting member joins a DRAFT order.' })
  async joinJointOrder(@Arg('country', () => ID) country: string, @Arg('orderId', () => ID) orderId: string, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return write(ctx, () => joinJointOrder(ctx, country, parseId(orderId, 'orderId')));
  }

  @Mutation(() => OrderLine, { description: 'Adds a catalogue item (from the order’s supplier) to a DRAFT order.' })
  async addOrderLine(
    @Arg('country', () => ID) country: string,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('nsn', () => ID) nsn: string,
    @Ctx() ctx: ProcurementContext,
  ): Promise<OrderLine> {
    return write(ctx, () => addOrderLine(ctx, country, parseId(orderId, 'orderId'), nsn));
  }

  @Mutation(() => JointOrder, { description: "Removes a line of a DRAFT order, with the acting member's own allocation on it." })
  async removeOrderLine(@Arg('country', () => ID) country: string, @Arg('lineId', () => ID) lineId: string, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return write(ctx, () => removeOrderLine(ctx, country, parseId(lineId, 'lineId')));
  }

  @Mutation(() => Allocation, { description: 'The acting member takes a quantity of a line, optionally for one of its requirements.' })
  async allocate(
    @Arg('country', () => ID) country: string,
    @Arg('lineId', () => ID) lineId: string,
    @Arg('quantity', () => Int) quantity: number,
    @Arg('requirementId', () => ID, { nullable: true }) requirementId: string | null,
    @Ctx() ctx: ProcurementContext,
  ): Promise<Allocation> {
    return write(ctx, () => allocate(ctx, country, parseId(lineId, 'lineId'), quantity, requirementId));
  }

  @Mutation(() => Allocation, { description: "Changes the acting member's own allocation: its quantity and/or the requirement it serves." })
  async updateAllocation(
    @Arg('country', () => ID) country: string,
    @Arg('allocationId', () => ID) allocationId: string,
    @Arg('quantity', () => Int, { nullable: true }) quantity: number | null,
    @Arg('requirementId', () => ID, { nullable: true }) requirementId: string | null,
    @Ctx() ctx: ProcurementContext,
  ): Promise<Allocation> {
    return write(ctx, () => updateAllocation(ctx, country, parseId(allocationId, 'allocationId'), { quantity, requirementId: requirementId ?? undefined }));
  }

  @Mutation(() => OrderLine, { description: "Removes the acting member's own allocation; returns the line." })
  async removeAllocation(@Arg('country', () => ID) country: string, @Arg('allocationId', () => ID) allocationId: string, @Ctx() ctx: ProcurementContext): Promise<OrderLine> {
    return write(ctx, () => removeAllocation(ctx, country, parseId(allocationId, 'allocationId')));
  }

  @Mutation(() => JointOrder, { description: 'Asks every participant to approve the current version: one PENDING approval each.' })
  async submitForApproval(@Arg('country', () => ID) country: string, @Arg('orderId', () => ID) orderId: string, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return write(ctx, () => submitForApproval(ctx, country, parseId(orderId, 'orderId')));
  }

  @Mutation(() => Approval, { description: "Records the acting member's own decision on the current version. A rejection (with its reason) returns the order to DRAFT." })
  async recordApproval(
    @Arg('country', () => ID) country: string,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('decision', () => Decision) decision: Decision,
    @Arg('decidedBy', { description: 'The deciding official.' }) decidedBy: string,
    @Arg('comment', () => String, { nullable: true, description: 'Required for a rejection.' }) comment: string | null,
    @Arg('version', () => Int, { nullable: true, description: 'The version reviewed; refused (STALE_VERSION) if the order has moved on.' }) version: number | null,
    @Ctx() ctx: ProcurementContext,
  ): Promise<Approval> {
    return write(ctx, () => recordApproval(ctx, country, parseId(orderId, 'orderId'), { decision, decidedBy, comment, version }));
  }

  @Mutation(() => JointOrder, { description: 'Takes an order IN_APPROVAL or APPROVED back to DRAFT to change it; changes make a new version.' })
  async reopenJointOrder(@Arg('country', () => ID) country: string, @Arg('orderId', () => ID) orderId: string, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return write(ctx, () => reopenJointOrder(ctx, country, parseId(orderId, 'orderId')));
  }

  @Mutation(() => JointOrder, { description: 'Places an APPROVED order with the supplier, on or before offerExpiresOn; fixes its prices.' })
  async placeOrder(@Arg('country', () => ID) country: string, @Arg('orderId', () => ID) orderId: string, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return write(ctx, () => placeOrder(ctx, country, parseId(orderId, 'orderId')));
  }

  @Mutation(() => JointOrder, { description: 'Cancels an order not yet placed, saying why.' })
  async cancelOrder(
    @Arg('country', () => ID) country: string,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: ProcurementContext,
  ): Promise<JointOrder> {
    return write(ctx, () => cancelJointOrder(ctx, country, parseId(orderId, 'orderId'), reason));
  }
}
