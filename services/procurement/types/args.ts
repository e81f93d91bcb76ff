/**
 * Mutation arguments. Every mutation acting for a member takes it as
 * `country: ID!` first: type-graphql prints an ArgsType's inherited fields
 * before its own, so each class extends `ActingMemberArgs` (or a subclass).
 * Values are checked in workflow/, where each problem names its field.
 */
import { ArgsType, ClassType, Field, ID, Int } from 'type-graphql';
import { WithPage } from '../../../lib/graphql/pagination';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { Decision, DeliveryStatus, JointOrderStatus, NatoRelation, NatoStatus } from './enums';
import { CreateImplementationPlanInput, CreateJointOrderInput, PooledOrderInput, PriceTierInput, SharedRequirementInput } from './inputs';

@ArgsType()
export class ActingMemberArgs {
  @Field(() => ID, { description: 'The member acting (its ministry).' })
  country: string;
}

@ArgsType()
export class CreateJointOrderArgs extends ActingMemberArgs {
  @Field(() => CreateJointOrderInput, { description: 'The order to open; each field is checked, and an error names it.' })
  input: CreateJointOrderInput;
}

@ArgsType()
export class OrderActionArgs extends ActingMemberArgs {
  @Field(() => ID, { description: 'The joint order (its id).' })
  orderId: string;
}

@ArgsType()
export class LineActionArgs extends ActingMemberArgs {
  @Field(() => ID, { description: 'The order line (its id).' })
  lineId: string;
}

@ArgsType()
export class AllocationActionArgs extends ActingMemberArgs {
  @Field(() => ID, { description: 'The acting member\'s allocation (its id).' })
  allocationId: string;
}

@ArgsType()
export class AddOrderLineArgs extends OrderActionArgs {
  @Field(() => ID, { description: 'The catalogue item.' })
  nsn: string;
}

@ArgsType()
export class AllocateArgs extends LineActionArgs {
  @Field(() => Int, { description: 'How many units (at least 1).' })
  quantity: number;

  @Field(() => ID, { nullable: true, description: "The acting member's requirement this allocation serves (its id in the member's country subgraph)." })
  requirementId?: string | null;
}

@ArgsType()
export class UpdateAllocationArgs extends AllocationActionArgs {
  @Field(() => Int, { nullable: true, description: 'The new quantity (at least 1); unchanged when left out.' })
  quantity?: number | null;

  @Field(() => ID, { nullable: true, description: 'Links the allocation to this requirement of the acting member.' })
  requirementId?: string | null;
}

@ArgsType()
export class CancelOrderArgs extends OrderActionArgs {
  @Field({ description: 'Why it is cancelled (required).' })
  reason: string;
}

/** A ministry's decision on what `Base` addresses (an order, a plan or a case), after `Base`'s own arguments. */
export function DecisionArgs<Base extends ActingMemberArgs>(Base: ClassType<Base>, subject: string) {
  @ArgsType()
  class Decided extends (Base as ClassType<ActingMemberArgs>) {
    @Field(() => Decision, { description: 'APPROVED, or REJECTED with a comment saying why.' })
    decision: Decision;

    @Field({ description: 'The deciding official.' })
    decidedBy: string;

    @Field(() => String, { nullable: true, description: 'Required for a rejection: the reason.' })
    comment?: string | null;

    @Field(() => Int, { nullable: true, description: `The version reviewed; refused (STALE_VERSION) if the ${subject} has moved on.` })
    version?: number | null;
  }
  return Decided as unknown as ClassType<Base & Decided>;
}

@ArgsType()
export class RecordApprovalArgs extends DecisionArgs(OrderActionArgs, 'order') {}

@ArgsType()
export class ScheduleDeliveryArgs extends LineActionArgs {
  @Field(() => Int, { description: 'How many units of the allocation this shipment carries (at least 1).' })
  quantity: number;

  @Field(() => LocalDateScalar, { description: 'The day it is planned to arrive (not before the order was placed).' })
  plannedDate: string;
}

@ArgsType()
export class DeliveryActionArgs extends ActingMemberArgs {
  @Field(() => ID, { description: 'The delivery (its id).' })
  deliveryId: string;
}

@ArgsType()
export class UpdateDeliveryStatusArgs extends DeliveryActionArgs {
  @Field(() => DeliveryStatus, { description: 'IN_TRANSIT or SCHEDULED; DELIVERED goes through recordDelivery.' })
  status: DeliveryStatus;
}

@ArgsType()
export class RecordDeliveryArgs extends DeliveryActionArgs {
  @Field(() => LocalDateScalar, { description: 'The day it arrived.' })
  deliveredOn: string;

  @Field(() => Int, { nullable: true, description: 'What arrived, if less than scheduled; the rest stays scheduled.' })
  quantity?: number | null;
}

@ArgsType()
export class PlanActionArgs extends ActingMemberArgs {
  @Field(() => ID, { description: 'The implementation plan (its id).' })
  planId: string;
}

@ArgsType()
export class CreateImplementationPlanArgs extends ActingMemberArgs {
  @Field(() => CreateImplementationPlanInput, { description: 'The plan to draft; each field is checked, and an error names it.' })
  input: CreateImplementationPlanInput;
}

@ArgsType()
export class RevisePlanArgs extends PlanActionArgs {
  @Field({ description: 'The text of the new version.' })
  summary: string;

  @Field(() => [ID], { nullable: true, description: 'The orders the new version covers; unchanged when omitted.' })
  orderIds?: string[] | null;
}

@ArgsType()
export class RecordPlanDecisionArgs extends DecisionArgs(PlanActionArgs, 'plan') {}

@ArgsType()
export class MemberDetailsArgs {
  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code (XK for Kosovo).' })
  code: string;

  @Field({ description: 'The country\'s name, e.g. "North Macedonia".' })
  name: string;

  @Field(() => NatoRelation, { nullable: true, description: "The country's relation to NATO. Give this or natoStatus." })
  natoRelation?: NatoRelation | null;

  @Field(() => NatoStatus, { nullable: true, description: "The country's relation to NATO in the older form, without NONE.", deprecationReason: 'Use natoRelation, which can say NONE.' })
  natoStatus?: NatoStatus | null;
}

@ArgsType()
export class CatalogFilterArgs {
  @Field(() => String, { nullable: true, description: 'Only this catalogue category, e.g. "ANTI_ARMOUR".' })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this supplier\'s items, named as in the catalogue, e.g. "Colt Defense".' })
  supplier?: string | null;
}

@ArgsType()
export class CatalogPageArgs extends WithPage(CatalogFilterArgs, 'catalogue items') {}

/** The filters of a member's own joint orders (Country.jointOrdersPage: the member is the participant). */
@ArgsType()
export class MemberOrderFilterArgs {
  @Field(() => JointOrderStatus, { nullable: true, description: 'Only orders in this status.' })
  status?: JointOrderStatus | null;

  @Field(() => String, { nullable: true, description: 'Only the order with this reference, e.g. "JPO-2026-0003" (in any case).' })
  reference?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only orders with a line of this catalogue item (its NSN, NNNN-NN-NNN-NNNN).' })
  nsn?: string | null;
}

/** The filters of every joint order: a member's, and which member takes part. */
@ArgsType()
export class JointOrderFilterArgs extends MemberOrderFilterArgs {
  @Field(() => ID, { nullable: true, description: 'Only orders this member takes part in (its code, in any case).' })
  participant?: string | null;
}

@ArgsType()
export class JointOrdersPageArgs extends WithPage(JointOrderFilterArgs, 'joint orders') {}

@ArgsType()
export class MemberOrdersPageArgs extends WithPage(MemberOrderFilterArgs, 'joint orders') {}

@ArgsType()
export class JointOrderLookupArgs {
  @Field(() => ID, { nullable: true, description: "The order's id. Give the id or the reference, not both." })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'The order\'s reference, e.g. "JPO-2026-0003" (in any case). Give the id or the reference, not both.' })
  reference?: string | null;
}

@ArgsType()
export class DeliveryFilterArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: only late deliveries (see Delivery.late); false: only those on time. Leave out for all.' })
  late?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only deliveries to this member (its code, in any case).' })
  country?: string | null;

  @Field(() => DeliveryStatus, { nullable: true, description: 'Only deliveries in this status.' })
  status?: DeliveryStatus | null;
}

@ArgsType()
export class DeliveriesPageArgs extends WithPage(DeliveryFilterArgs, 'deliveries') {}

@ArgsType()
export class ShareRequirementsArgs extends ActingMemberArgs {
  @Field(() => [SharedRequirementInput], { description: 'The requirements, as the member\'s country subgraph holds them.' })
  requirements: SharedRequirementInput[];
}

@ArgsType()
export class CreatePooledOrderArgs extends ActingMemberArgs {
  @Field(() => PooledOrderInput, { description: 'The candidate (by NSN) and the new order\'s case reference and offer.' })
  input: PooledOrderInput;
}

@ArgsType()
export class ChangePriceTiersArgs {
  @Field(() => ID, { description: 'NSN of the catalogue item.' })
  nsn: string;

  @Field(() => LocalDateScalar, { description: 'The first day the new tiers apply to orders opened; after today and after the latest change\'s day.' })
  effectiveFrom: string;

  @Field(() => [PriceTierInput], { description: 'Every tier of the new price list, smallest quantity first.' })
  tiers: PriceTierInput[];

  @Field({ description: "Why, e.g. the supplier's price list of a date." })
  reason: string;
}
