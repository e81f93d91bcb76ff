import { IsISO4217CurrencyCode, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { IsDecimalAmount, NotAbove, YEAR_RANGE } from '../validation';

const YEAR_MESSAGE = { message: `must be a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}` };

@InputType({ description: "Sets (or replaces) one year's defence budget." })
export class SetBudgetInput {
  @Field(() => Int, { description: 'The budget year (2000-2100): the key, so setting it again replaces it.' })
  @Min(YEAR_RANGE.min, YEAR_MESSAGE)
  @Max(YEAR_RANGE.max, YEAR_MESSAGE)
  year: number;

  @Field({ description: 'Exact decimal string, e.g. "201500000.00".' })
  @IsDecimalAmount()
  defenceTotal: string;

  @Field({ description: 'The part of defenceTotal for procurement; exact decimal string, not above defenceTotal.' })
  @IsDecimalAmount()
  @NotAbove('defenceTotal')
  procurement: string;

  @Field({ description: 'ISO 4217 code, e.g. "EUR".' })
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as "EUR"' })
  currency: string;
}
