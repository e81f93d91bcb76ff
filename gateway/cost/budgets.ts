/**
 * Cost budgets by role: how costly an operation each kind of caller may run.
 * Analysts write ad-hoc overview questions and get the largest budget; a
 * caller without a token (AUTH_ALLOW_ANONYMOUS_READ, demos) the smallest.
 * A caller with several roles gets the largest of their budgets.
 */
import type { Identity } from '../../lib/security/roles';

export const BUDGET_NAMES = ['default', 'anonymous', 'analyst', 'procurement', 'ministry'] as const;
export type BudgetName = (typeof BUDGET_NAMES)[number];
export type CostBudgets = Record<BudgetName, number>;

/**
 * Sized on the demo questions (README "Security"): the dashboard's operations
 * estimate 150-4,500, the saved examples up to about 6,000, an analyst's overview
 * of every order with lines, allocations, price tiers and deliveries about
 * 9,600 (each list at its assumed size: 20 orders, 10 lines, 10 members…).
 */
export const DEFAULT_COST_BUDGETS: CostBudgets = { default: 5000, anonymous: 5000, analyst: 25000, procurement: 25000, ministry: 10000 };

export interface Budget {
  name: BudgetName;
  maximum: number;
}

/** The budget of a caller (the identity authenticate() admitted): its roles' largest; `default` for a caller with no budgeted role. */
export function budgetFor(identity: Identity | undefined, budgets: CostBudgets): Budget {
  if (identity?.anonymous) return { name: 'anonymous', maximum: budgets.anonymous };
  let best: Budget | undefined;
  for (const role of identity?.roles ?? []) {
    const name: BudgetName = role === 'analyst' || role === 'procurement' ? role : 'ministry';
    if (!best || budgets[name] > best.maximum) best = { name, maximum: budgets[name] };
  }
  return best ?? { name: 'default', maximum: budgets.default };
}

/** Parses "analyst=25000,anonymous=2000" (GRAPHQL_COST_BUDGETS); throws naming the bad entry. */
export function parseBudgets(text: string, source: string): Partial<CostBudgets> {
  const budgets: Partial<CostBudgets> = {};
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [name, value] = entry.split('=').map((part) => part?.trim());
    const maximum = Number(value);
    if (!(BUDGET_NAMES as readonly string[]).includes(name)) throw new Error(`${source}: "${entry}": the budget must be one of ${BUDGET_NAMES.join(', ')}`);
    if (!Number.isSafeInteger(maximum) || maximum < 1) throw new Error(`${source}: "${entry}": the maximum must be a positive integer`);
    budgets[name as BudgetName] = maximum;
  }
  return budgets;
}
