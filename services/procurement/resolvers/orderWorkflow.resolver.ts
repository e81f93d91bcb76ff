/**
 * The order's workflow as mutations. Each takes the acting member as
 * `country`; the rules themselves live in workflow/.
 * Every mutation is nullable: a refused one answers null with its error, and
 * the mutations before it in the same document keep their committed results
 * in `data` (a non-null field would null the whole response).
 */
import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { ProcurementContext, write } from '../context';
import { Allocation, Approval, JointOrder, OrderLine } from '../entities';
import {
  AddOrderLineArgs,
  AllocateArgs,
  AllocationActionArgs,
  CancelOrderArgs,
  CreateJointOrderArgs,
  LineActionArgs,
  OrderActionArgs,
  RecordApprovalArgs,
  UpdateAllocationArgs,
} from '../types/args';
import { recordApproval, reopenJointOrder, submitForApproval } from '../workflow/approvals';
import { parseId } from '../workflow/guards';
import { addOrderLine, allocate, removeAllocation, removeOrderLine, updateAllocation } from '../workflow/lines';
import { cancelJointOrder, createJointOrder, joinJointOrder } from '../workflow/orders';
import { placeOrder } from '../workflow/placement';

@Resolver()
export class OrderWorkflowResolver {
  @Mutation(() => JointOrder, { nullable: true, description: 'Opens a DRAFT joint order; the acting member takes part.' })
  async createJointOrder(@Args(() => CreateJointOrderArgs) { country, input }: CreateJointOrderArgs, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return write(ctx, () => createJointOrder(ctx, country, input));
  }

  @Mutation(() => JointOrder, { nullable: true, description: 'The acting member joins a DRAFT order.' })
  async joinJointOrder(@Args(() => OrderActionArgs) { country, orderId }: OrderActionArgs, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return write(ctx, () => joinJointOrder(ctx, country, parseId(orderId, 'orderId')));
  }

  @Mutation(() => OrderLine, { nullable: true, description: "Adds a catalogue item (from the order's supplier) to a DRAFT order." })
  async addOrderLine(@Args(() => AddOrderLineArgs) { country, orderId, nsn }: AddOrderLineArgs, @Ctx() ctx: ProcurementContext): Promise<OrderLine> {
    return write(ctx, () => addOrderLine(ctx, country, parseId(orderId, 'orderId'), nsn));
  }

  @Mutation(() => JointOrder, { nullable: true, description: "Removes a line of a DRAFT order, with the acting member's own allocation on it." })
  async removeOrderLine(@Args(() => LineActionArgs) { country, lineId }: LineActionArgs, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return write(ctx, () => removeOrderLine(ctx, country, parseId(lineId, 'lineId')));
  }

  @Mutation(() => Allocation, { nullable: true, description: 'The acting member takes a quantity of a line of a DRAFT order, optionally for one of its requirements.' })
  async allocate(@Args(() => AllocateArgs) { country, lineId, quantity, requirementId }: AllocateArgs, @Ctx() ctx: ProcurementContext): Promise<Allocation> {
    return write(ctx, () => allocate(ctx, country, parseId(lineId, 'lineId'), quantity, requirementId));
  }

  @Mutation(() => Allocation, { nullable: true, description: "Changes the acting member's own allocation: its quantity and/or the requirement it serves." })
  async updateAllocation(
    @Args(() => UpdateAllocationArgs) { country, allocationId, quantity, requirementId }: UpdateAllocationArgs,
    @Ctx() ctx: ProcurementContext,
  ): Promise<Allocation> {
    return write(ctx, () => updateAllocation(ctx, country, parseId(allocationId, 'allocationId'), { quantity, requirementId: requirementId ?? undefined }));
  }

  @Mutation(() => OrderLine, { nullable: true, description: "Removes the acting member's own allocation; returns the line." })
  async removeAllocation(@Args(() => AllocationActionArgs) { country, allocationId }: AllocationActionArgs, @Ctx() ctx: ProcurementContext): Promise<OrderLine> {
    return write(ctx, () => removeAllocation(ctx, country, parseId(allocationId, 'allocationId')));
  }

  @Mutation(() => JointOrder, { nullable: true, description: 'Asks every participant to approve the current version: one PENDING approval each.' })
  async submitForApproval(@Args(() => OrderActionArgs) { country, orderId }: OrderActionArgs, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return write(ctx, () => submitForApproval(ctx, country, parseId(orderId, 'orderId')));
  }

  @Mutation(() => Approval, { nullable: true, description: "Records the acting member's own decision on the current version. A rejection (with its reason) returns the order to DRAFT." })
  async recordApproval(@Args(() => RecordApprovalArgs) args: RecordApprovalArgs, @Ctx() ctx: ProcurementContext): Promise<Approval> {
    const { country, orderId, ...decision } = args;
    return write(ctx, () => recordApproval(ctx, country, parseId(orderId, 'orderId'), decision));
  }

  @Mutation(() => JointOrder, { nullable: true, description: 'Takes an order IN_APPROVAL or APPROVED back to DRAFT to change it; changes make a new version.' })
  async reopenJointOrder(@Args(() => OrderActionArgs) { country, orderId }: OrderActionArgs, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return write(ctx, () => reopenJointOrder(ctx, country, parseId(orderId, 'orderId')));
  }

  @Mutation(() => JointOrder, { nullable: true, description: 'Places an APPROVED order with the supplier, on or before offerExpiresOn; fixes its prices.' })
  async placeOrder(@Args(() => OrderActionArgs) { country, orderId }: OrderActionArgs, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return write(ctx, () => placeOrder(ctx, country, parseId(orderId, 'orderId')));
  }

  @Mutation(() => JointOrder, { nullable: true, description: 'Cancels an order not yet placed, saying why.' })
  async cancelOrder(@Args(() => CancelOrderArgs) { country, orderId, reason }: CancelOrderArgs, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return write(ctx, () => cancelJointOrder(ctx, country, parseId(orderId, 'orderId'), reason));
  }
}
