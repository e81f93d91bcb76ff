import { formatDateTime, label } from './format';
import type { OrderDetail } from './queries';

/**
 * The approval state of every participating ministry for the order's current
 * version (the graph's `currentApprovals`), and the last rejection's reason.
 */
export function Approvals({ order }: { order: OrderDetail }) {
  const rejection = order.lastRejection;
  return (
    <>
      {order.currentApprovals.length === 0 && (
        <p className="empty">Version {order.version} has not been submitted for approval yet.</p>
      )}
      <ul className="approvals" data-testid="approvals">
        {order.participants.map(({ code, name }) => {
          const current = order.currentApprovals.find((a) => a.country.code === code) ?? null;
          const decision = current?.decision ?? 'NOT_SUBMITTED';
          return (
            <li key={code} data-testid="approval" data-country={code} data-decision={decision}>
              <div className="approval-country">{name}</div>
              <div className="approval-ministry">{current?.country.ministry?.name ?? (current ? 'ministry name unavailable' : '')}</div>
              <div className="approval-state">
                <span className={`badge decision-${decision.toLowerCase()}`}>{current ? label(decision) : 'Not submitted'}</span>
                {current && <span className="approval-version">v{current.version}</span>}
              </div>
              {current?.decidedAt && (
                <div className="approval-when">
                  {formatDateTime(current.decidedAt)}
                  {current.decidedBy && <> · {current.decidedBy}</>}
                </div>
              )}
              {current?.comment && <div className="approval-comment">“{current.comment}”</div>}
            </li>
          );
        })}
      </ul>
      {rejection && (
        <p className="approval-rejection" data-testid="last-rejection">
          Last rejected by {rejection.country.name} (v{rejection.version}
          {rejection.decidedAt && <>, {formatDateTime(rejection.decidedAt)}</>})
          {rejection.comment && <>: “{rejection.comment}”</>}
        </p>
      )}
    </>
  );
}
