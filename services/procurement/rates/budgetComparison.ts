/**
 * A member's commitments in a fiscal year against its procurement budget, in
 * one currency. The budget comes from the member's own subgraph (the gateway
 * hands it over; procurement never stores it). What is committed in a year is
 * what its cases' payment schedules fall due in it: that is when the money
 * leaves the budget.
 */
import { Between, In } from 'typeorm';
import { Money } from '../../../lib/graphql/money.type';
import { badInput } from '../../../lib/errors';
import { assertCurrency, convertMinor, MinorUnits, parseAmount, percentOf, sumMinor } from '../../../lib/money';
import { Case } from '../cases/case.entity';
import { CasePayment } from '../cases/casePayment.entity';
import type { ProcurementContext } from '../context';
import { BudgetComparison } from './budgetComparison.type';
import { ExchangeRate } from './exchangeRate.entity';
import { perEuro, rateOn } from './rates';
import type { RequiredBudget } from './requiredBudget.type';

export interface ComparisonRequest {
  fiscalYear: number;
  currency: string;
  /** Default: the procurement clock's today. */
  rateDate?: string | null;
}

/** Payments of the member's cases due within the year, totalled per currency. */
async function dueInYear(ctx: ProcurementContext, country: string, year: number): Promise<Map<string, MinorUnits>> {
  const cases = await ctx.dataSource.getRepository(Case).find({ where: { countryCode: country }, select: { id: true } });
  const payments = cases.length
    ? await ctx.dataSource.getRepository(CasePayment).find({ where: { caseId: In(cases.map((c) => c.id)), dueOn: Between(`${year}-01-01`, `${year}-12-31`) } })
    : [];
  const totals = new Map<string, MinorUnits>();
  for (const p of payments) totals.set(p.currency, (totals.get(p.currency) ?? 0n) + p.amountMinor);
  return totals;
}

export async function compareBudget(ctx: ProcurementContext, country: string, budgets: readonly RequiredBudget[] | null | undefined, request: ComparisonRequest): Promise<BudgetComparison> {
  const currency = assertCurrency(request.currency, 'currency');
  if (!Number.isInteger(request.fiscalYear) || request.fiscalYear < 2000 || request.fiscalYear > 2100) throw badInput('fiscalYear', `must be a year from 2000 to 2100 (got ${request.fiscalYear})`);
  const rateDate = request.rateDate ?? ctx.clock.today();
  const budgetAsSet = budgets?.find((b) => b.year === request.fiscalYear)?.procurement ?? null;
  const due = await dueInYear(ctx, country, request.fiscalYear);

  const needed = [...new Set([currency, ...due.keys(), ...(budgetAsSet ? [budgetAsSet.currency] : [])])].sort();
  const rates = new Map<string, ExchangeRate | null>();
  for (const code of needed) rates.set(code, await rateOn(ctx.dataSource, code, rateDate));
  const convert = (minor: MinorUnits, from: string): MinorUnits => (from === currency ? minor : convertMinor(minor, perEuro(rates.get(from) ?? null), perEuro(rates.get(currency) ?? null)));

  const committed = sumMinor([...due].map(([from, minor]) => convert(minor, from)));
  const budget = budgetAsSet ? convert(parseAmount(budgetAsSet.amount, 'budget'), budgetAsSet.currency) : null;
  return Object.assign(new BudgetComparison(), {
    fiscalYear: request.fiscalYear,
    currency,
    rateDate,
    budgetAsSet: budgetAsSet ? Object.assign(new Money(), budgetAsSet) : null,
    budget: budget === null ? null : Money.of(budget, currency),
    committedAsScheduled: [...due].sort(([a], [b]) => a.localeCompare(b)).map(([from, minor]) => Money.of(minor, from)),
    committed: Money.of(committed, currency),
    remaining: budget === null ? null : Money.of(budget - committed, currency),
    committedPercent: budget === null || budget === 0n ? null : percentOf(committed, budget),
    rates: [...rates.values()].filter((r): r is ExchangeRate => r !== null),
  });
}
