import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsNotBlank } from '../validation';

@InputType({ description: "The ministry's name, minister and headquarters." })
export class SetMinistryInput {
  @Field()
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @Field()
  @IsNotBlank()
  @MaxLength(120)
  minister: string;

  @Field()
  @IsNotBlank()
  @MaxLength(200)
  headquarters: string;
}
