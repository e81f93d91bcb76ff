import { Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Money } from '../../../lib/graphql/money.type';
import { parseAmount } from '../../../lib/money';
import { graphActor, recordChanges } from '../audit/auditTrail';
import { budgetView } from '../audit/recordViews';
import type { CountryContext } from '../context';
import { Budget } from '../entities';
import { SetBudgetInput } from '../inputs/budget.inputs';
import { MemberInputArgs } from './args';

const SetBudgetArgs = MemberInputArgs(SetBudgetInput);

@Resolver(() => Budget)
export class BudgetResolver {
  @FieldResolver(() => Money, { nullable: true, description: 'The whole defence budget of the year.' })
  defenceTotal(@Root() budget: Budget): Money {
    return Money.of(budget.defenceTotalMinor, budget.currency);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'The part of the defence budget set aside for procurement.' })
  procurement(@Root() budget: Budget): Money {
    return Money.of(budget.procurementMinor, budget.currency);
  }

  @Mutation(() => Budget, { nullable: true, description: "Sets one year's budget, replacing any set before (the year is its key: setting the same figures again changes nothing)." })
  setBudget(@Args(() => SetBudgetArgs) { input }: { input: SetBudgetInput }, @Ctx() ctx: CountryContext): Promise<Budget> {
    const key = { countryCode: ctx.member, year: input.year };
    return ctx.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(Budget, key);
      // One statement that inserts or replaces: two concurrent setBudget calls for a year cannot both insert.
      await manager.upsert(
        Budget,
        {
          ...key,
          currency: input.currency,
          defenceTotalMinor: parseAmount(input.defenceTotal, 'input.defenceTotal'),
          procurementMinor: parseAmount(input.procurement, 'input.procurement'),
        },
        ['countryCode', 'year'],
      );
      const after = await manager.findOneByOrFail(Budget, key);
      await recordChanges(manager, ctx.member, graphActor(ctx.identity, ctx.member), 'setBudget', [
        { recordType: 'Budget', recordKey: String(input.year), before: before && budgetView(before), after: budgetView(after) },
      ]);
      return after;
    });
  }
}
