/**
 * The dashboard's operations against the public graph (the same schema every
 * client sees), with the shapes they answer. Budgets and ministry names come
 * from each member's own subgraph through the gateway: null, plus an error
 * naming the member, when that member is down.
 */
import type { Money } from './format';

/** The seeded budgets are for 2026; the year is a variable so the query stays the same next year. */
export const BUDGET_YEAR = 2026;

export interface CountryRef {
  code: string;
  name: string;
}

export interface OrderListItem {
  id: string;
  reference: string;
  title: string;
  supplier: string;
  status: string;
  estimated: boolean;
  totalValue: Money;
  savings: Money;
  participants: CountryRef[];
}

export const ORDERS_QUERY = /* GraphQL */ `
  query DashboardOrders {
    jointOrders {
      id
      reference
      title
      supplier
      status
      estimated
      totalValue { amount currency }
      savings { amount currency }
      participants { code name }
    }
  }
`;

export interface CountrySavings {
  country: CountryRef;
  committed: Money;
  individual: Money;
  savings: Money;
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

export interface OrderDetail extends OrderListItem {
  caseReference: string;
  model: string;
  offerExpiresOn: string;
  offerExpired: boolean;
  version: number;
  individualValue: Money;
  savingsByCountry: CountrySavings[];
  /** Each participant's standing entry for the current version; empty before it is submitted. */
  currentApprovals: Approval[];
  lastRejection: Rejection | null;
  deliveries: Delivery[];
}

export const ORDER_QUERY = /* GraphQL */ `
  query DashboardOrder($id: ID!) {
    jointOrder(id: $id) {
      id
      reference
      title
      supplier
      status
      caseReference
      model
      offerExpiresOn
      offerExpired
      version
      estimated
      totalValue { amount currency }
      individualValue { amount currency }
      savings { amount currency }
      participants { code name }
      savingsByCountry {
        country { code name }
        committed { amount currency }
        individual { amount currency }
        savings { amount currency }
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

export interface MemberBudget {
  code: string;
  name: string;
  membership: string;
  totalCommitted: Money;
  budget: { procurement: Money | null } | null;
  ministry: { name: string } | null;
}

export const MEMBERS_QUERY = /* GraphQL */ `
  query DashboardMembers($year: Int!) {
    members {
      code
      name
      membership
      totalCommitted { amount currency }
      budget(year: $year) { procurement { amount currency } }
      ministry { name }
    }
  }
`;
