/**
 * A record as the audit trail stores it (before / after JSON) and as export
 * writes it: the GraphQL field names, money as exact decimal strings. One
 * place, so an audit entry reads like the record the graph answers.
 */
import { formatAmount } from '../../../lib/money';
import type { Budget, Holding, Ministry, Requirement } from '../entities';

export interface HoldingView {
  id: string;
  nsn: string;
  category: string;
  quantity: number;
  unit: string;
  status: string;
  natoStandard: boolean;
}

export interface RequirementView {
  id: string;
  reference: string;
  nsn: string;
  quantity: number;
  priority: string;
  neededBy: string;
  status: string;
  justification: string | null;
}

export interface BudgetView {
  year: number;
  currency: string;
  defenceTotal: string;
  procurement: string;
}

export type MinistryView = Pick<Ministry, 'name' | 'minister' | 'headquarters'>;

export const holdingView = (h: Holding): HoldingView => ({
  id: String(h.id),
  nsn: h.nsn,
  category: h.category,
  quantity: h.quantity,
  unit: h.unit,
  status: h.status,
  // SQLite hands booleans back as 0/1.
  natoStandard: Boolean(h.natoStandard),
});

export const requirementView = (r: Requirement): RequirementView => ({
  id: String(r.id),
  reference: r.reference,
  nsn: r.nsn,
  quantity: r.quantity,
  priority: r.priority,
  neededBy: r.neededBy,
  status: r.status,
  justification: r.justification,
});

export const budgetView = (b: Budget): BudgetView => ({
  year: b.year,
  currency: b.currency,
  defenceTotal: formatAmount(b.defenceTotalMinor),
  procurement: formatAmount(b.procurementMinor),
});

export const ministryView = (m: Ministry): MinistryView => ({ name: m.name, minister: m.minister, headquarters: m.headquarters });
