import { dayNumber, formatLocalDate, formatMonth, isoDate, label, todayIso } from './format';
import type { Delivery } from './queries';

/** The first day of each month between two day numbers, thinned to at most eight ticks. */
function monthStarts(from: number, to: number): number[] {
  const starts: number[] = [];
  const cursor = new Date(from * 86_400_000);
  cursor.setUTCDate(1);
  cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  while (cursor.getTime() / 86_400_000 <= to) {
    starts.push(cursor.getTime() / 86_400_000);
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  const step = Math.ceil(starts.length / 8);
  return starts.filter((_, i) => i % step === 0);
}

/**
 * One row per delivery: a hollow mark on the planned date, a filled one on the
 * delivered date, the gap between them drawn; late deliveries in red.
 */
export function DeliveryTimeline({ deliveries }: { deliveries: Delivery[] }) {
  if (deliveries.length === 0) return <p className="empty">No deliveries scheduled for this order.</p>;

  const today = todayIso();
  const rows = [...deliveries].sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.country.code.localeCompare(b.country.code));
  const days = rows.flatMap((d) => [dayNumber(d.plannedDate), ...(d.deliveredDate ? [dayNumber(d.deliveredDate)] : [])]);
  days.push(dayNumber(today));
  // A week of margin each side so marks at the ends stay inside the track.
  const first = Math.min(...days) - 7;
  const width = Math.max(...days) + 7 - first;
  const at = (day: number): string => `${((day - first) / width) * 100}%`;
  const lateCount = rows.filter((d) => d.late).length;

  return (
    <div className="timeline" data-testid="deliveries">
      <div className="timeline-legend">
        <span>
          <i className="mark planned" /> planned
        </span>
        <span>
          <i className="mark delivered" /> delivered
        </span>
        <span>
          <i className="mark late" /> late
        </span>
        <span className="timeline-count">
          {rows.length} deliveries, {lateCount} late
        </span>
      </div>
      <div className="timeline-row timeline-axis" aria-hidden="true">
        <div />
        <div className="timeline-track">
          {monthStarts(first, first + width).map((day) => (
            <span key={day} className="tick" style={{ left: at(day) }}>
              {formatMonth(isoDate(day))}
            </span>
          ))}
        </div>
        <div />
      </div>
      {rows.map((delivery) => {
        const planned = dayNumber(delivery.plannedDate);
        const actual = delivery.deliveredDate ? dayNumber(delivery.deliveredDate) : null;
        // Not delivered and late: the bar runs from the planned date to today.
        const end = actual ?? (delivery.late ? dayNumber(today) : planned);
        return (
          <div
            key={delivery.id}
            className={`timeline-row${delivery.late ? ' is-late' : ''}`}
            data-testid="delivery"
            data-delivery-id={delivery.id}
            data-late={delivery.late}
          >
            <div className="timeline-label">
              <strong>{delivery.country.name}</strong>
              <div className="timeline-item" title={delivery.line.item.name}>
                {delivery.quantity} × {delivery.line.item.name}
              </div>
            </div>
            <div className="timeline-track">
              <div className="today" style={{ left: at(dayNumber(today)) }} title={`today, ${formatLocalDate(today)}`} />
              {end !== planned && (
                <div className="span" style={{ left: at(Math.min(planned, end)), width: `${(Math.abs(end - planned) / width) * 100}%` }} />
              )}
              <i className="mark planned" style={{ left: at(planned) }} title={`planned ${formatLocalDate(delivery.plannedDate)}`} />
              {actual !== null && (
                <i
                  className={`mark ${delivery.late ? 'late' : 'delivered'}`}
                  style={{ left: at(actual) }}
                  title={`delivered ${formatLocalDate(delivery.deliveredDate)}`}
                />
              )}
            </div>
            <div className="timeline-status">
              <span className={`badge delivery-${delivery.status.toLowerCase()}`}>{label(delivery.status)}</span>
              {delivery.late && <span className="badge late-badge">LATE</span>}
              <div className="timeline-dates">
                planned {formatLocalDate(delivery.plannedDate)}
                {delivery.deliveredDate && <> · delivered {formatLocalDate(delivery.deliveredDate)}</>}
              </div>
            </div>
          </div>
        );
      })}
      <div className="timeline-today-note">The thin vertical line is today, {formatLocalDate(today)}.</div>
    </div>
  );
}
