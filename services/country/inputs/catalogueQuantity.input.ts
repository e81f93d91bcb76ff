import { Field, InputType, Int } from 'type-graphql';
import { IsCatalogueNsn, IsPositiveQuantity } from '../validation';

/** What a new holding and a new requirement both name first: a catalogue item and how many. */
@InputType()
export abstract class CatalogueQuantityInput {
  @Field({ description: 'NATO Stock Number of a catalogue item, NNNN-NN-NNN-NNNN.' })
  @IsCatalogueNsn()
  nsn: string;

  @Field(() => Int, { description: 'How many (at least 1).' })
  @IsPositiveQuantity()
  quantity: number;
}
