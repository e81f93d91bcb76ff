/**
 * The dashboard's operations against the public graph (the same schema every
 * client sees), with the shapes they answer. Budgets and ministry names come
 * from each member's own subgraph through the gateway: null, plus an error
 * naming the member, when that member is down.
 */
import type { Money } from './format';

export interface CountryRef {
  code: string;
  name: string;
}

/** A delivery as the timeline shows it. */
export interface Delivery {
  id: string;
  country: CountryRef;
  quantity: number;
  plannedDate: string;
  deliveredDate: string | null;
  status: string;
  late: boolean;
  line: { item: { name: string } };
}

export interface OrderListItem {
  id: string;
  reference: string;
  title: string;
  supplier: string;
  status: string;
  estimated: boolean;
  offerExpiresOn: string;
  totalValue: Money;
  individualValue: Money;
  savings: Money;
  /** savings as a percentage of individualValue, two decimals, as the graph computes it. */
  savingsPercent: string;
  participants: CountryRef[];
  /** Who has decided on the current version: the alerts name the ministries still to approve. */
  currentApprovals: { country: { code: string }; decision: string }[];
}

/** Every order with what the list and the offer alerts need: one request for both. */
export const ORDERS_QUERY = /* GraphQL */ `
  query DashboardOrders {
    jointOrders {
      id
      reference
      title
      supplier
      status
      estimated
      offerExpiresOn
      totalValue { amount currency }
      individualValue { amount currency }
      savings { amount currency }
      savingsPercent
      participants { code name }
      currentApprovals { country { code } decision }
    }
  }
`;

export interface CountrySavings {
  country: CountryRef;
  committed: Money;
  individual: Money;
  savings: Money;
  savingsPercent: string;
}

export interface Approval {
  country: CountryRef & { ministry: { name: string } | null };
  decision: string;
  decidedAt: string | null;
  decidedBy: string | null;
  comment: string | null;
  version: number;
}

export interface Rejection {
  country: CountryRef;
  decidedAt: string | null;
  comment: string | null;
  version: number;
}

export interface PriceTier {
  minQuantity: number;
  unitPrice: Money;
}

export interface OrderLine {
  id: string;
  item: { nsn: string; name: string };
  quantity: number;
  unitPrice: Money;
  value: Money;
  tier: PriceTier;
  nextTier: { tier: PriceTier; unitsMissing: number; savingsOnCurrentQuantity: Money; additionalCost: Money } | null;
  allocations: { id: string; country: CountryRef; quantity: number; cost: Money }[];
}

export interface OrderDetail extends OrderListItem {
  /** Each purchaser's own case (FMS: one per member that sent a letter of request), by member code. */
  cases: { reference: string; purchaser: { code: string } }[];
  model: string;
  offerExpiresOn: string;
  offerExpired: boolean;
  /** When it was placed with the supplier (its prices agreed); null before. */
  placedAt: string | null;
  version: number;
  individualValue: Money;
  savingsByCountry: CountrySavings[];
  /** Each participant's standing entry for the current version; empty before it is submitted. */
  currentApprovals: Approval[];
  lastRejection: Rejection | null;
  deliveries: Delivery[];
  lines: OrderLine[];
}

export const ORDER_QUERY = /* GraphQL */ `
  query DashboardOrder($id: ID!) {
    jointOrder(id: $id) {
      id
      reference
      title
      supplier
      status
      cases { reference purchaser { code } }
      model
      offerExpiresOn
      offerExpired
      placedAt
      version
      estimated
      totalValue { amount currency }
      individualValue { amount currency }
      savings { amount currency }
      savingsPercent
      participants { code name }
      savingsByCountry {
        country { code name }
        committed { amount currency }
        individual { amount currency }
        savings { amount currency }
        savingsPercent
      }
      currentApprovals {
        country { code name ministry { name } }
        decision
        decidedAt
        decidedBy
        comment
        version
      }
      lastRejection { country { code name } decidedAt comment version }
      lines {
        id
        item { nsn name }
        quantity
        unitPrice { amount currency }
        value { amount currency }
        tier { minQuantity unitPrice { amount currency } }
        nextTier {
          tier { minQuantity unitPrice { amount currency } }
          unitsMissing
          savingsOnCurrentQuantity { amount currency }
          additionalCost { amount currency }
        }
        allocations { id country { code name } quantity cost { amount currency } }
      }
      deliveries {
        id
        country { code name }
        quantity
        plannedDate
        deliveredDate
        status
        late
        line { item { name } }
      }
    }
  }
`;

/** A reference rate the comparison used: units of the currency for one euro, with its day and source. */
export interface ExchangeRate {
  currency: string;
  rateDate: string;
  source: string;
  unitsPerEuro: string;
}

/**
 * The graph's `Country.budgetComparison`: what a member committed in a fiscal
 * year (its cases' payments due that year) against its procurement budget,
 * both in one currency. The dashboard shows it as answered and computes nothing.
 */
export interface BudgetComparison {
  fiscalYear: number;
  currency: string;
  rateDate: string;
  /** The budget in the member's own currency; null when none is set for the year or the token may not read it. */
  budgetAsSet: Money | null;
  budget: Money | null;
  committedAsScheduled: Money[];
  committed: Money;
  remaining: Money | null;
  /** Two decimals, as the graph computes it; null without a (non-zero) budget. */
  committedPercent: string | null;
  rates: ExchangeRate[];
}

export interface MemberBudget {
  code: string;
  name: string;
  membership: string;
  /** The years with a budget on record (null where the token may not read them): the year selector's choices. */
  budgets: { year: number }[] | null;
  ministry: { name: string } | null;
  /** Null when the member's part could not be fetched (the error names the member). */
  budgetComparison: BudgetComparison | null;
}

export const MEMBERS_QUERY = /* GraphQL */ `
  query DashboardMembers($year: Int!) {
    members {
      code
      name
      membership
      budgets { year }
      ministry { name }
      # One currency for every member, so that the members' rows compare with each other.
      budgetComparison(fiscalYear: $year, currency: "EUR") {
        fiscalYear
        currency
        rateDate
        budgetAsSet { amount currency }
        budget { amount currency }
        committedAsScheduled { amount currency }
        committed { amount currency }
        remaining { amount currency }
        committedPercent
        rates { currency rateDate source unitsPerEuro }
      }
    }
  }
`;

export interface MemberRequirement {
  id: string;
  reference: string;
  quantity: number;
  neededBy: string;
  status: string;
  priority: string;
  item: { nsn: string; name: string };
  /** The allocations in joint orders that serve it: what they add up to is what is covered. */
  allocations: { quantity: number }[];
}

export interface MemberRequirements {
  code: string;
  name: string;
  requirements: MemberRequirement[] | null;
}

export interface OverdueDelivery {
  id: string;
  quantity: number;
  plannedDate: string;
  status: string;
  daysOverdue: number;
  country: CountryRef;
  line: { item: { name: string } };
  order: { id: string; reference: string };
}

export interface OverdueDeliveries {
  totalCount: number;
  nodes: OverdueDelivery[];
}

export interface AlertsData {
  /** Late and not delivered: still scheduled, or in transit. */
  overdueScheduled: OverdueDeliveries;
  overdueInTransit: OverdueDeliveries;
  members: MemberRequirements[];
}

/**
 * What the alerts need beyond the orders: deliveries overdue across every
 * order (the graph's late filter and days overdue), and each member's
 * requirements with what allocations cover of them.
 */
export const ALERTS_QUERY = /* GraphQL */ `
  query DashboardAlerts {
    overdueScheduled: deliveries(late: true, status: SCHEDULED, first: 50) {
      totalCount
      nodes { ...OverdueDelivery }
    }
    overdueInTransit: deliveries(late: true, status: IN_TRANSIT, first: 50) {
      totalCount
      nodes { ...OverdueDelivery }
    }
    members {
      code
      name
      requirements {
        id
        reference
        quantity
        neededBy
        status
        priority
        item { nsn name }
        allocations { quantity }
      }
    }
  }

  fragment OverdueDelivery on Delivery {
    id
    quantity
    plannedDate
    status
    daysOverdue
    country { code name }
    line { item { name } }
    order { id reference }
  }
`;
