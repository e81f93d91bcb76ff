/** GraphQL input objects. Their values are checked in workflow/, where each problem names its field. */
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { PurchasingModel, RequirementStatus } from './enums';

@InputType({ description: 'A new joint order. The acting member takes part and may invite other members.' })
export class CreateJointOrderInput {
  @Field({ description: 'What is bought and why, e.g. "Javelin anti-armour capability 2026".' })
  title: string;

  @Field({ description: 'The supplier, as named in the catalogue; every line must come from it.' })
  supplier: string;

  @Field({ description: 'FMS case designator, e.g. "AL-B-ZAF"; unique.' })
  caseReference: string;

  @Field(() => PurchasingModel, { description: 'How the order is bought: each member for itself (COORDINATED_NATIONAL) or one for all (LEAD_NATION).' })
  model: PurchasingModel;

  @Field(() => ID, { nullable: true, description: 'Required for LEAD_NATION: the participant that buys for all.' })
  leadNation?: string | null;

  @Field(() => LocalDateScalar, { description: "Last day the supplier's offer holds." })
  offerExpiresOn: string;

  @Field(() => [ID], { nullable: true, description: 'Other members taking part.' })
  participants?: string[] | null;
}

@InputType({ description: 'A new implementation plan covering some joint orders.' })
export class CreateImplementationPlanInput {
  @Field({ description: 'What the plan is for, e.g. "Anti-armour capability 2026-2027".' })
  title: string;

  @Field({ description: 'The text of version 1.' })
  summary: string;

  @Field(() => [ID], { description: 'The joint orders it covers (ids); the acting member must take part in each.' })
  orderIds: string[];
}

@InputType({ description: "One of the ministry's requirements as its country subgraph holds it, shared so allocations can serve it and pooling can find it." })
export class SharedRequirementInput {
  @Field(() => ID, { description: "The requirement's id in the member's country subgraph." })
  id: string;

  @Field({ description: "The ministry's own reference for it." })
  reference: string;

  @Field(() => ID, { description: 'NSN of the catalogue item needed.' })
  nsn: string;

  @Field(() => Int, { description: 'How many are needed (1 to 1,000,000); never fewer than already allocated.' })
  quantity: number;

  @Field(() => LocalDateScalar, { description: 'The date by which it must be met.' })
  neededBy: string;

  @Field(() => RequirementStatus, { description: 'Where it stands; DRAFT and SUBMITTED requirements are open for pooling, WITHDRAWN ones cannot be allocated.' })
  status: RequirementStatus;
}

@InputType({ description: "A pooling candidate turned into a DRAFT joint order: its item, and the new order's case reference and offer." })
export class PooledOrderInput {
  @Field(() => ID, { description: 'NSN of the candidate to order.' })
  nsn: string;

  @Field({ description: 'FMS case designator, e.g. "XK-B-ZPL"; unique.' })
  caseReference: string;

  @Field(() => LocalDateScalar, { description: "Last day the supplier's offer holds." })
  offerExpiresOn: string;

  @Field(() => String, { nullable: true, description: 'Default: "Pooled purchase: " and the item\'s name.' })
  title?: string | null;

  @Field(() => PurchasingModel, { nullable: true, description: 'Default COORDINATED_NATIONAL.' })
  model?: PurchasingModel | null;

  @Field(() => ID, { nullable: true, description: 'For LEAD_NATION: the member that buys for all.' })
  leadNation?: string | null;
}

@InputType({ description: 'A volume tier of a price change: from minQuantity units on, each costs unitPrice.' })
export class PriceTierInput {
  @Field(() => Int, { description: 'The smallest quantity of the tier; the first tier starts at 1, each next one higher.' })
  minQuantity: number;

  @Field({ description: 'Exact decimal unit price in the item\'s currency, e.g. "197500.00".' })
  unitPrice: string;

  @Field(() => Int, { description: 'Days from placing the order to delivery at this tier.' })
  leadTimeDays: number;
}
