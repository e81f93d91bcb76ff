import { useState, type ReactNode } from 'react';
import type { DashboardAlerts } from './alerts';
import { OFFER_WARNING_DAYS } from './alerts';
import { formatLocalDate, label } from './format';

interface AlertsProps {
  alerts: DashboardAlerts;
  /** Members the token acts for: their alerts come first and are marked. */
  perspective: readonly string[];
  onSelectOrder(id: string): void;
  /** Deliveries or requirements could not all be read (e.g. a member down): say so rather than claim there are none. */
  incomplete: boolean;
}

const days = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

const AWAITING: Record<string, string> = { PENDING: 'pending', REJECTED: 'rejected', NOT_SUBMITTED: 'not yet asked' };

/** What needs attention now, at the top of the page: lapsing offers, overdue deliveries, uncovered requirements. */
export function Alerts({ alerts, perspective, onSelectOrder, incomplete }: AlertsProps) {
  const { offers, deliveries, deliveriesNotListed, requirements } = alerts;
  const total = offers.length + deliveries.length + deliveriesNotListed + requirements.length;
  const mine = (code: string) => perspective.includes(code);
  return (
    <section className="card alerts" data-testid="alerts" aria-labelledby="alerts-title">
      <h2 className="card-title" id="alerts-title">
        Needs attention <span className="count">{total}</span>
      </h2>
      {total === 0 && <p className="empty">Nothing needs attention: no offer lapses within {OFFER_WARNING_DAYS} days, no delivery is overdue, every requirement past its date is covered.</p>}
      <div className="alert-groups">
        {offers.length > 0 && (
          <AlertGroup title={`Offers expiring within ${OFFER_WARNING_DAYS} days`} count={offers.length}>
              {offers.map((offer) => (
                <li key={offer.orderId} className="alert alert-offer" data-testid="alert" data-kind="offer" data-order-id={offer.orderId} data-days={offer.daysLeft}>
                  <button type="button" className="alert-link" onClick={() => onSelectOrder(offer.orderId)}>
                    {offer.reference}
                  </button>{' '}
                  {offer.title}: the offer expires <strong>{offer.daysLeft === 0 ? 'today' : `in ${days(offer.daysLeft)}`}</strong> ({formatLocalDate(offer.offerExpiresOn)}).{' '}
                  {offer.awaiting.length === 0 ? (
                    <>Every ministry approved; it is {label(offer.status).toLowerCase()} and must be placed by then.</>
                  ) : (
                    <>
                      Awaiting approval:{' '}
                      {offer.awaiting.map((p, i) => (
                        <span key={p.code} data-testid="awaiting" data-country={p.code} className={mine(p.code) ? 'yours' : undefined}>
                          {i > 0 && ', '}
                          {p.name} ({AWAITING[p.decision]})
                        </span>
                      ))}
                    </>
                  )}
                </li>
              ))}
          </AlertGroup>
        )}
        {deliveries.length > 0 && (
          <AlertGroup title="Deliveries overdue" count={deliveries.length}>
              {deliveries.map((d) => (
                <li key={d.deliveryId} className={`alert alert-delivery${mine(d.country.code) ? ' yours' : ''}`} data-testid="alert" data-kind="delivery" data-delivery-id={d.deliveryId} data-country={d.country.code} data-days={d.daysOverdue}>
                  <strong>{days(d.daysOverdue)} overdue</strong>: {d.quantity} × {d.item} for {d.country.name}, planned {formatLocalDate(d.plannedDate)} (
                  <button type="button" className="alert-link" onClick={() => onSelectOrder(d.orderId)}>
                    {d.reference}
                  </button>
                  )
                </li>
              ))}
          </AlertGroup>
        )}
        {requirements.length > 0 && (
          <AlertGroup title="Requirements past their need-by date, not covered" count={requirements.length}>
              {requirements.map((r) => (
                <li
                  key={`${r.country.code}-${r.requirementId}`}
                  className={`alert alert-requirement${mine(r.country.code) ? ' yours' : ''}`}
                  data-testid="alert"
                  data-kind="requirement"
                  data-country={r.country.code}
                  data-requirement-id={r.requirementId}
                  data-days={r.daysPast}
                >
                  {r.country.name} {r.reference}: {r.quantity} × {r.item} needed by {formatLocalDate(r.neededBy)} (<strong>{days(r.daysPast)} ago</strong>),{' '}
                  {r.covered === 0 ? 'none' : r.covered} covered by joint orders · {label(r.priority).toLowerCase()}
                </li>
              ))}
          </AlertGroup>
        )}
      </div>
      {deliveriesNotListed > 0 && <p className="muted">{deliveriesNotListed} more overdue deliveries are not listed here.</p>}
      {incomplete && <p className="load-error">Overdue deliveries or requirements could not all be read; some may be missing here.</p>}
    </section>
  );
}

/** One kind of alert: the first three show and a button shows the rest (CSS hides them, so print shows all). */
function AlertGroup({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const [expanded, setExpanded] = useState(false);
  return (
    <div className={`alert-group${expanded ? ' expanded' : ''}`}>
      <h3>{title}</h3>
      <ul>{children}</ul>
      {count > 3 && (
        <button type="button" className="alert-more" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${count}`}
        </button>
      )}
    </div>
  );
}
