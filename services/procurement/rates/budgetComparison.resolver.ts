/**
 * A member's commitments compared with its budget in one currency
 * (`Country.budgetComparison`, which @requires the member's budgets from its
 * own country subgraph), at the reference rates of rates.resolver.ts.
 */
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import type { ProcurementContext } from '../context';
import { Member } from '../entities';
import { BudgetComparison } from './budgetComparison.type';
import { compareBudget } from './budgetComparison';
import { RequiredBudget } from './requiredBudget.type';

/** A member as procurement receives it for `budgetComparison`: with the budgets its own subgraph sent along. */
type MemberWithBudgets = Member & { budgets?: RequiredBudget[] | null };

@Resolver(() => Member)
export class MemberBudgetResolver {
  @Directive('@external')
  @FieldResolver(() => [RequiredBudget], { nullable: true, description: "The member's budgets, from its own country subgraph." })
  budgets(@Root() member: MemberWithBudgets): RequiredBudget[] | null {
    return member.budgets ?? null;
  }

  @Directive('@requires(fields: "budgets { year procurement { amount currency } }")')
  // Nullable: it needs the member's budgets from the member's own subgraph, and a member that is down must cost
  // only its own fields (README "Partial answers"); non-null, its absence nulled the whole members list.
  @FieldResolver(() => BudgetComparison, {
    nullable: true,
    description:
      "The member's commitments in a fiscal year (its cases' payments due that year) against its procurement budget, in one currency at the recorded reference rates. The budget part is null for a caller who may not read the member's budget; the whole comparison is null, with an error naming the member, while the member's own subgraph does not answer.",
  })
  async budgetComparison(
    @Root() member: MemberWithBudgets,
    @Ctx() ctx: ProcurementContext,
    @Arg('fiscalYear', () => Int, { description: 'The fiscal (budget) year.' }) fiscalYear: number,
    @Arg('currency', () => String, { defaultValue: 'EUR', description: 'The ISO 4217 currency to compare in.' }) currency: string,
    @Arg('rateDate', () => LocalDateScalar, { nullable: true, description: "Use the rates in force on this day (the latest on or before it); default today." }) rateDate?: string | null,
  ): Promise<BudgetComparison | null> {
    return compareBudget(ctx, member.code, member.budgets, { fiscalYear, currency, rateDate });
  }
}

