/**
 * What needs attention now, worked out from what the graph answered and
 * today's date (UTC, the day the graph decides `late` on): offers about to
 * lapse with the ministries still to approve, deliveries overdue (the
 * graph's `deliveries(late: true)` with its `daysOverdue`), and requirements
 * past their need-by date that joint orders do not cover.
 */
import { daysBetween } from './format';
import type { AlertsData, CountryRef, OrderListItem } from './queries';
import { concerningFirst } from './perspective';

/** An offer expiring within this many days is an alert. */
export const OFFER_WARNING_DAYS = 30;

/** Orders whose offer still matters: once placed, the price is agreed. */
const AWAITING_PLACEMENT = ['DRAFT', 'IN_APPROVAL', 'APPROVED'];

/** Requirements still to be met; FULFILLED and WITHDRAWN ones are history. */
const OPEN_REQUIREMENT = ['DRAFT', 'SUBMITTED'];

export interface OfferAlert {
  orderId: string;
  reference: string;
  title: string;
  status: string;
  offerExpiresOn: string;
  /** 0 = expires today (it can still be placed today). */
  daysLeft: number;
  /** Participants that have not approved the current version, with where they stand. */
  awaiting: (CountryRef & { decision: 'PENDING' | 'REJECTED' | 'NOT_SUBMITTED' })[];
}

export interface DeliveryAlert {
  orderId: string;
  reference: string;
  deliveryId: string;
  country: CountryRef;
  item: string;
  quantity: number;
  plannedDate: string;
  daysOverdue: number;
}

export interface RequirementAlert {
  country: CountryRef;
  requirementId: string;
  reference: string;
  item: string;
  nsn: string;
  priority: string;
  quantity: number;
  /** Units allocated to it in joint orders. */
  covered: number;
  neededBy: string;
  daysPast: number;
}

export interface DashboardAlerts {
  offers: OfferAlert[];
  deliveries: DeliveryAlert[];
  /** Overdue deliveries beyond the first page of each status (not listed, only counted). */
  deliveriesNotListed: number;
  requirements: RequirementAlert[];
}

export function dashboardAlerts(
  orders: readonly OrderListItem[],
  data: AlertsData | null,
  today: string,
  perspective: readonly string[] = [],
): DashboardAlerts {
  const offers = orders
    .filter((order) => AWAITING_PLACEMENT.includes(order.status))
    .map((order): OfferAlert => {
      const decisionOf = (code: string) => order.currentApprovals.find((a) => a.country.code === code)?.decision ?? 'NOT_SUBMITTED';
      return {
        orderId: order.id,
        reference: order.reference,
        title: order.title,
        status: order.status,
        offerExpiresOn: order.offerExpiresOn,
        daysLeft: daysBetween(today, order.offerExpiresOn),
        awaiting: order.participants
          .map((p) => ({ ...p, decision: decisionOf(p.code) as OfferAlert['awaiting'][number]['decision'] }))
          .filter((p) => (p.decision as string) !== 'APPROVED'),
      };
    })
    .filter((alert) => alert.daysLeft >= 0 && alert.daysLeft <= OFFER_WARNING_DAYS)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.reference.localeCompare(b.reference));

  const pages = data === null ? [] : [data.overdueScheduled, data.overdueInTransit].filter((page) => page !== null);
  const deliveries = pages
    .flatMap((page) => page.nodes)
    .map(
      (d): DeliveryAlert => ({
        orderId: d.order.id,
        reference: d.order.reference,
        deliveryId: d.id,
        country: d.country,
        item: d.line.item.name,
        quantity: d.quantity,
        plannedDate: d.plannedDate,
        daysOverdue: d.daysOverdue,
      }),
    )
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.reference.localeCompare(b.reference) || a.country.code.localeCompare(b.country.code));

  const requirements = (data?.members ?? [])
    .flatMap((member) =>
      (member.requirements ?? [])
        .filter((r) => OPEN_REQUIREMENT.includes(r.status) && r.neededBy < today)
        .map(
          (r): RequirementAlert => ({
            country: { code: member.code, name: member.name },
            requirementId: r.id,
            reference: r.reference,
            item: r.item.name,
            nsn: r.item.nsn,
            priority: r.priority,
            quantity: r.quantity,
            covered: r.allocations.reduce((sum, a) => sum + a.quantity, 0),
            neededBy: r.neededBy,
            daysPast: daysBetween(r.neededBy, today),
          }),
        )
        .filter((alert) => alert.covered < alert.quantity),
    )
    .sort((a, b) => b.daysPast - a.daysPast || a.country.code.localeCompare(b.country.code));

  return {
    offers: concerningFirst(offers, perspective, (alert, code) => alert.awaiting.some((p) => p.code === code)),
    deliveries: concerningFirst(deliveries, perspective, (alert, code) => alert.country.code === code),
    deliveriesNotListed: pages.reduce((sum, page) => sum + page.totalCount - page.nodes.length, 0),
    requirements: concerningFirst(requirements, perspective, (alert, code) => alert.country.code === code),
  };
}
