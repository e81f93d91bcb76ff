import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsNotBlank } from '../validation';

@InputType({ description: "The ministry's name, minister and headquarters." })
export class SetMinistryInput {
  @Field({ description: "The ministry's official name (at most 200 characters)." })
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @Field({ description: 'The minister in office (at most 120 characters).' })
  @IsNotBlank()
  @MaxLength(120)
  minister: string;

  @Field({ description: 'Where the ministry is seated (at most 200 characters).' })
  @IsNotBlank()
  @MaxLength(200)
  headquarters: string;
}
