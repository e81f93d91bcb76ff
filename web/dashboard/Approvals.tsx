import { formatDateTime, label } from './format';
import type { Approval, OrderDetail } from './queries';

interface MinistryApproval {
  code: string;
  name: string;
  current: Approval | null;
  earlier: number;
}

/**
 * Approvals are append-only history (issue 3): a participant's state is its
 * newest record — the highest order version, and within it the last one
 * recorded (the graph lists them in the order they were recorded).
 */
export function currentApprovals(order: Pick<OrderDetail, 'participants' | 'approvals'>): MinistryApproval[] {
  return order.participants.map((participant) => {
    const history = order.approvals.filter((a) => a.country.code === participant.code);
    let current: Approval | null = null;
    for (const approval of history) {
      if (current === null || approval.version >= current.version) current = approval;
    }
    return { code: participant.code, name: participant.name, current, earlier: Math.max(0, history.length - 1) };
  });
}

/** The approval state of every participating ministry for the order's current version. */
export function Approvals({ order }: { order: OrderDetail }) {
  const rows = currentApprovals(order);
  return (
    <ul className="approvals" data-testid="approvals">
      {rows.map(({ code, name, current, earlier }) => {
        const decision = current?.decision ?? 'NOT_SUBMITTED';
        const ministry = current?.country.ministry?.name;
        return (
          <li key={code} data-testid="approval" data-country={code} data-decision={decision}>
            <div className="approval-who">
              <div className="approval-country">{name}</div>
              <div className="approval-ministry">{ministry ?? (current ? 'ministry name unavailable' : '')}</div>
            </div>
            <div className="approval-state">
              <span className={`badge decision-${decision.toLowerCase()}`}>{decision === 'NOT_SUBMITTED' ? 'Not submitted' : label(decision)}</span>
              {current && <span className="approval-version">v{current.version}</span>}
            </div>
            {current?.decidedAt && (
              <div className="approval-when">
                {formatDateTime(current.decidedAt)}
                {current.decidedBy && <> · {current.decidedBy}</>}
              </div>
            )}
            {current?.comment && <div className="approval-comment">“{current.comment}”</div>}
            {earlier > 0 && <div className="approval-history">{earlier} earlier record{earlier > 1 ? 's' : ''}</div>}
          </li>
        );
      })}
    </ul>
  );
}
