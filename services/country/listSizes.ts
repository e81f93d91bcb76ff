/**
 * How long a member's lists are assumed to be when the gateway estimates an
 * operation's cost (`@listSize`, gateway/cost): a ministry's inventory runs to
 * about a hundred lines, its open requirements to a few dozen.
 */
import { listSize } from '../../lib/graphql/costDirectives';

/** Inventory lines of one member (all, or of one category). */
export const HOLDINGS = listSize({ assumedSize: 100 });
/** Requirements of one member. */
export const REQUIREMENTS = listSize({ assumedSize: 50 });
/** Budget years on record. */
export const BUDGET_YEARS = listSize({ assumedSize: 10 });
/** A page of the audit trail: as many entries as `first` asks (its default when left out), in `entries` (deprecated), `edges` and `nodes`. */
export const AUDIT_PAGE = listSize({ slicingArguments: ['first'], sizedFields: ['entries', 'edges', 'nodes'] });
/** The entries of one audit page, should they be reached without its slicing argument: auditEntries' default page (50). */
export const AUDIT_ENTRIES = listSize({ assumedSize: 50 });
