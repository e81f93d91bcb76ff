/**
 * How long this subgraph's lists are assumed to be when the gateway estimates
 * an operation's cost (`@listSize`, gateway/cost). Sized for the federation as
 * it will grow, not the demo: about 10 members, a few dozen joint orders, each
 * with about 10 lines and a share per member on each line.
 */
import { listSize } from '../../lib/graphql/costDirectives';

/** Members and invited countries; participants, approvers, per-member figures of one order or plan. */
export const MEMBERS = listSize({ assumedSize: 10 });
/** Items of the shared catalogue. */
export const CATALOGUE = listSize({ assumedSize: 50 });
/** NATO standards one catalogue item is built to. */
export const STANDARDS = listSize({ assumedSize: 3 });
/** Volume tiers of one catalogue item. */
export const PRICE_TIERS = listSize({ assumedSize: 5 });
/** Joint orders: all of them, a member's, or a plan's. */
export const JOINT_ORDERS = listSize({ assumedSize: 20 });
/** Orders one implementation plan covers. */
export const ORDERS_PER_PLAN = listSize({ assumedSize: 5 });
/** Lines of one joint order. */
export const LINES_PER_ORDER = listSize({ assumedSize: 10 });
/** Allocations of one line (one per member) or serving one requirement. */
export const ALLOCATIONS_PER_LINE = listSize({ assumedSize: 10 });
export const ALLOCATIONS_PER_REQUIREMENT = listSize({ assumedSize: 5 });
/** A member's allocations across every order. */
export const ALLOCATIONS_PER_MEMBER = listSize({ assumedSize: 50 });
/** Deliveries of one order (each line shipped to each member in a few batches) and of one line. */
export const DELIVERIES_PER_ORDER = listSize({ assumedSize: 20 });
export const DELIVERIES_PER_LINE = listSize({ assumedSize: 10 });
/** An order's or a plan's whole decision history, every version. */
export const APPROVAL_HISTORY = listSize({ assumedSize: 30 });
/** Implementation plans, and the versions of one. */
export const PLANS = listSize({ assumedSize: 10 });
export const PLAN_VERSIONS = listSize({ assumedSize: 5 });

/** Purchasers' cases: all of them, one order's (one per participant), one member's. */
export const CASES = listSize({ assumedSize: 100 });
export const CASES_PER_ORDER = listSize({ assumedSize: 10 });
export const CASES_PER_MEMBER = listSize({ assumedSize: 20 });
/** Versions of one case (offer, re-offers, amendments, modifications), its payments, its stages. */
export const CASE_VERSIONS = listSize({ assumedSize: 5 });
export const CASE_PAYMENTS = listSize({ assumedSize: 8 });
export const CASE_STAGES = listSize({ assumedSize: 6 });
/** Recorded reference rates, and those one comparison uses (one per currency involved). */
export const EXCHANGE_RATES = listSize({ assumedSize: 100 });
export const CURRENCIES = listSize({ assumedSize: 3 });
/** Requirements members share with procurement: one member's open ones, or all of them. */
export const SHARED_REQUIREMENTS = listSize({ assumedSize: 50 });
/** Items several members still need: pooling candidates. */
export const POOLING_CANDIDATES = listSize({ assumedSize: 20 });
/** Versions of one item's price tiers: the catalogue's price audit trail (a change or two a year). */
export const PRICE_VERSIONS = listSize({ assumedSize: 10 });
