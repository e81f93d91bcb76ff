import { formatMoney, groupDigits, isNegative } from './format';
import type { OrderDetail } from './queries';

const units = (n: number): string => groupDigits(String(n));

/**
 * The order's lines: the item, each member's quantity, the unit price and the
 * volume tier the combined quantity reaches, and the next tier: how many
 * units short the line is and what the units already ordered would save there.
 */
export function OrderLines({ order }: { order: OrderDetail }) {
  if (order.lines.length === 0) return <p className="empty">No lines on this order yet.</p>;
  return (
    <table className="order-lines" data-testid="order-lines">
      <thead>
        <tr>
          <th>Item</th>
          <th>Quantity per member</th>
          <th className="num">Unit price</th>
          <th>Tier reached</th>
          <th>Next tier</th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((line) => (
          <tr key={line.id} data-testid="order-line" data-line-id={line.id} data-nsn={line.item.nsn}>
            <td data-label="Item">
              <div className="line-item">{line.item.name}</div>
              <div className="code">NSN {line.item.nsn}</div>
            </td>
            <td data-label="Quantity">
              <div className="line-quantity" data-field="quantity">
                {units(line.quantity)} in all
              </div>
              <ul className="line-shares">
                {line.allocations.map((allocation) => (
                  <li key={allocation.id} data-testid="line-share" data-country={allocation.country.code} title={allocation.country.name}>
                    <span className="code">{allocation.country.code}</span> <span data-field="share-quantity">{units(allocation.quantity)}</span>
                  </li>
                ))}
              </ul>
            </td>
            <td className="num" data-label="Unit price">
              <span data-field="unitPrice">{formatMoney(line.unitPrice)}</span>
              <div className="code" data-field="value">
                {formatMoney(line.value)} in all
              </div>
            </td>
            <td data-label="Tier reached">
              <span data-field="tier">from {units(line.tier.minQuantity)} units</span>
            </td>
            <td data-label="Next tier" data-field="nextTier">
              {line.nextTier === null ? (
                <span className="muted">{order.placedAt !== null ? 'price agreed at placement' : 'highest tier reached'}</span>
              ) : (
                <>
                  <div>
                    <span data-field="nextTierFrom">from {units(line.nextTier.tier.minQuantity)}</span> at{' '}
                    <span data-field="nextTierPrice">{formatMoney(line.nextTier.tier.unitPrice)}</span>
                  </div>
                  <div className="muted">
                    {units(line.nextTier.unitsMissing)} more units would save{' '}
                    <strong className="saves" data-field="nextTierSaves">
                      {formatMoney(line.nextTier.savingsOnCurrentQuantity)}
                    </strong>{' '}
                    on the {units(line.quantity)} ordered;{' '}
                    {isNegative(line.nextTier.additionalCost.amount) ? (
                      <>and cost {formatMoney({ ...line.nextTier.additionalCost, amount: line.nextTier.additionalCost.amount.replace('-', '') })} less in all</>
                    ) : (
                      <>{formatMoney(line.nextTier.additionalCost)} more in all</>
                    )}
                  </div>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
