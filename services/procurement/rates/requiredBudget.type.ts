import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../../lib/graphql/money.type';

/**
 * A member's budget as the country subgraph owns it: procurement never
 * stores it, it only receives the fields `Country.budgetComparison` requires
 * (@external), fetched by the gateway from the member's own service.
 */
@ObjectType('Budget', { description: "One year's defence budget and the part of it set aside for procurement (owned by the member's country subgraph)." })
export class RequiredBudget {
  @Directive('@external')
  @Field(() => Int, { description: 'The budget year: the member\'s fiscal year.' })
  year: number;

  @Directive('@external')
  @Field(() => Money, { nullable: true, description: 'The part of the defence budget set aside for procurement.' })
  procurement: Money | null;
}
