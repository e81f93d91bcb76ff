import { formatMoney, label } from './format';
import type { OrderListItem } from './queries';

interface OrderListProps {
  orders: OrderListItem[];
  selectedId: string | null;
  onSelect(id: string): void;
  /** Members the token acts for: their orders are marked (and listed first by the page). */
  perspective: readonly string[];
}

/** Every joint order with its status and value; a row selects the order shown on the right. */
export function OrderList({ orders, selectedId, onSelect, perspective }: OrderListProps) {
  if (orders.length === 0) return <p className="empty">No joint orders yet.</p>;
  return (
    <table className="orders" data-testid="orders">
      <thead>
        <tr>
          <th>Order</th>
          <th>Status</th>
          <th className="num">Value</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr
            key={order.id}
            className={order.id === selectedId ? 'selected' : undefined}
            data-testid="order-row"
            data-order-id={order.id}
            aria-selected={order.id === selectedId}
            tabIndex={0}
            onClick={() => onSelect(order.id)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') onSelect(order.id);
            }}
          >
            <td>
              <div className="order-reference">{order.reference}</div>
              <div className="order-title">{order.title}</div>
              {order.participants.some((p) => perspective.includes(p.code)) && <span className="badge yours-badge">yours</span>}
            </td>
            <td>
              <span className={`badge status-${order.status.toLowerCase()}`} data-field="status">
                {label(order.status)}
              </span>
            </td>
            <td className="num" data-field="totalValue">
              {formatMoney(order.totalValue)}
              <div className="order-saves">
                saves <span data-field="savingsPercent">{order.savingsPercent}</span> %
              </div>
              {order.estimated && <div className="estimate">estimate</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
