/** GraphQL input objects. Their values are checked in workflow/, where each problem names its field. */
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { PurchasingModel } from './enums';

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
