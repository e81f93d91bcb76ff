/** The case mutations' arguments: the acting member first (`country`, the purchaser), as every mutation takes it. */
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { ActingMemberArgs, DecisionArgs, OrderActionArgs } from '../types/args';

@ArgsType()
export class RequestCaseArgs extends OrderActionArgs {
  @Field({ description: "The letter of request's own reference, as the purchaser numbered it (1-60 characters)." })
  requestReference: string;

  @Field({ description: 'The official who signed the letter of request.' })
  requestedBy: string;

  @Field(() => String, { nullable: true, description: 'The case designator, starting with the purchaser\'s code, e.g. "AL-B-ZAM"; by default the joint order\'s designator with the purchaser\'s code first.' })
  reference?: string | null;
}

@ArgsType()
export class CaseActionArgs extends ActingMemberArgs {
  @Field(() => ID, { description: 'The case; it must be the acting member\'s own.' })
  caseId: string;
}

@ArgsType()
export class OfferCaseArgs extends CaseActionArgs {
  @Field(() => LocalDateScalar, { description: 'The last day the purchaser can sign the offer; not in the past.' })
  expiresOn: string;

  @Field({ description: 'What is offered (1-2000 characters).' })
  description: string;
}

@ArgsType()
export class RecordCaseDecisionArgs extends DecisionArgs(CaseActionArgs, 'case') {}

@ArgsType()
export class ChangeCaseArgs extends CaseActionArgs {
  @Field({ description: 'What changes and why (1-2000 characters).' })
  description: string;

  @Field({ description: "The case's new estimate in the order's currency, an exact decimal string, e.g. \"1250000.00\"." })
  estimate: string;
}

@ArgsType()
export class AmendCaseArgs extends ChangeCaseArgs {
  @Field(() => LocalDateScalar, { description: 'The last day the purchaser can sign the amendment.' })
  expiresOn: string;
}

@ArgsType()
export class CloseCaseArgs extends CaseActionArgs {
  @Field({ defaultValue: '0.00', description: 'Charges on the final bill beyond the goods at their placed prices (transport, handling), an exact decimal string.' })
  additionalCharges: string;
}

@InputType({ description: 'One payment of a schedule.' })
export class ScheduledPaymentInput {
  @Field(() => LocalDateScalar, { description: 'The day it is due; not before the payment before it.' })
  dueOn: string;

  @Field({ description: "The amount in the case's currency, an exact decimal string." })
  amount: string;
}

@ArgsType()
export class SetPaymentScheduleArgs extends CaseActionArgs {
  @Field(() => [ScheduledPaymentInput], { description: 'The unpaid payments, in order; the first of a new schedule is the initial deposit. With what is paid they add up to the estimate.' })
  payments: ScheduledPaymentInput[];
}

@ArgsType()
export class RecordCasePaymentArgs extends ActingMemberArgs {
  @Field(() => ID, { description: 'The payment.' })
  paymentId: string;

  @Field(() => LocalDateScalar, { description: 'The day it was paid; not in the future.' })
  paidOn: string;
}
