import { Field, ObjectType } from 'type-graphql';

/** Where an NSN sits in the NATO Supply Classification (lib/reference/supplyClassification.ts). */
@ObjectType({ description: "An item's NATO supply class: the first four digits of its NSN, within a group (the first two)." })
export class SupplyClass {
  @Field({ description: 'The four-digit class, e.g. "1410".' })
  code: string;

  @Field(() => String, { nullable: true, description: 'The class\'s official name, e.g. "Guided Missiles"; null if not recorded here.' })
  name: string | null;

  @Field({ description: 'The two-digit group, e.g. "14".' })
  groupCode: string;

  @Field(() => String, { nullable: true, description: "The group's official name; null if not recorded here." })
  groupName: string | null;
}
