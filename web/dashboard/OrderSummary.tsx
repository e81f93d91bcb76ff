import { formatLocalDate, formatMoney, label } from './format';
import type { OrderDetail } from './queries';

/** The selected order's identity and its three headline figures. */
export function OrderSummary({ order }: { order: OrderDetail }) {
  return (
    <section className="order-summary" data-testid="order-summary" data-order-id={order.id}>
      <div className="order-heading">
        <h2>
          {order.reference} · {order.title}
        </h2>
        <span className={`badge status-${order.status.toLowerCase()}`}>{label(order.status)}</span>
        {order.estimated && <span className="badge estimate-badge">figures are estimates</span>}
      </div>
      <dl className="order-facts">
        <div>
          <dt>Supplier</dt>
          <dd>{order.supplier}</dd>
        </div>
        <div>
          <dt>Case</dt>
          <dd>{order.caseReference}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>{label(order.model)}</dd>
        </div>
        <div>
          <dt>Offer expires</dt>
          <dd>
            {formatLocalDate(order.offerExpiresOn)}
            {order.offerExpired && <span className="badge offer-lapsed">lapsed</span>}
          </dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{order.version}</dd>
        </div>
        <div>
          <dt>Participants</dt>
          <dd>{order.participants.map((p) => p.name).join(', ')}</dd>
        </div>
      </dl>
      <div className="figures">
        <div className="figure">
          <div className="figure-label">Joint order value</div>
          <div className="figure-value" data-testid="order-total">
            {formatMoney(order.totalValue)}
          </div>
        </div>
        <div className="figure">
          <div className="figure-label">Would cost ordered alone</div>
          <div className="figure-value" data-testid="order-individual">
            {formatMoney(order.individualValue)}
          </div>
        </div>
        <div className="figure figure-savings">
          <div className="figure-label">Saved together</div>
          <div className="figure-value" data-testid="order-savings">
            {formatMoney(order.savings)}
          </div>
        </div>
      </div>
    </section>
  );
}
