import type { ReactNode } from 'react';
import { formatLocalDate, formatMoney, label, type Money } from './format';
import type { OrderDetail } from './queries';

const NOT_YET_PLACED = ['DRAFT', 'IN_APPROVAL', 'APPROVED'];

interface OrderSummaryProps {
  order: OrderDetail;
  onExportCsv(): void;
  onPrint(): void;
}

/** The selected order's identity, its headline figures (savings also in percent of the price alone), export and print. */
export function OrderSummary({ order, onExportCsv, onPrint }: OrderSummaryProps) {
  const facts: [string, ReactNode][] = [
    ['Supplier', order.supplier],
    ['Cases', order.cases.length === 0 ? 'no letter of request yet' : order.cases.map((c) => c.reference).join(', ')],
    ['Model', label(order.model)],
    [
      'Offer expires',
      <>
        {formatLocalDate(order.offerExpiresOn)}
        {/* A lapsed offer matters only until the order is placed. */}
        {order.offerExpired && NOT_YET_PLACED.includes(order.status) && <span className="badge offer-lapsed">lapsed</span>}
      </>,
    ],
    ['Version', order.version],
    ['Participants', order.participants.map((p) => p.name).join(', ')],
  ];
  const figures: { title: string; money: Money; testId: string; className?: string }[] = [
    { title: 'Joint order value', money: order.totalValue, testId: 'order-total' },
    { title: 'Would cost ordered alone', money: order.individualValue, testId: 'order-individual' },
    { title: 'Saved together', money: order.savings, testId: 'order-savings', className: 'figure-savings' },
  ];
  return (
    <section className="order-summary" data-testid="order-summary" data-order-id={order.id}>
      <div className="order-heading">
        <h2>
          {order.reference} · {order.title}
        </h2>
        <span className={`badge status-${order.status.toLowerCase()}`}>{label(order.status)}</span>
        {order.estimated && <span className="badge estimate-badge">figures are estimates</span>}
        <div className="order-actions">
          <button type="button" onClick={onExportCsv} data-testid="export-csv">
            Export lines (CSV)
          </button>
          <button type="button" onClick={onPrint} data-testid="print">
            Print briefing
          </button>
        </div>
      </div>
      <dl className="order-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="figures">
        {figures.map(({ title, money, testId, className }) => (
          <div key={testId} className={`figure ${className ?? ''}`}>
            <div className="figure-label">{title}</div>
            <div className="figure-value" data-testid={testId}>
              {formatMoney(money)}
            </div>
            {testId === 'order-savings' && (
              <div className="figure-percent">
                <span data-testid="order-savings-percent">{order.savingsPercent}</span> % of the price alone
              </div>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
