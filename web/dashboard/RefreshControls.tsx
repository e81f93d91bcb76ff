import { REFRESH_CHOICES } from './useAutoRefresh';

interface RefreshControlsProps {
  /** When the oldest answer on the page arrived; null until everything has loaded once. */
  updatedAt: Date | null;
  seconds: number;
  onSecondsChange(seconds: number): void;
  onRefresh(): void;
}

const time = (date: Date): string => date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** "Refresh", when the figures were last fetched, and how often they are fetched again. */
export function RefreshControls({ updatedAt, seconds, onSecondsChange, onRefresh }: RefreshControlsProps) {
  const choices = REFRESH_CHOICES.some((c) => c.seconds === seconds) ? REFRESH_CHOICES : [...REFRESH_CHOICES, { seconds, label: `every ${seconds} s` }];
  return (
    <div className="refresh-controls">
      <button type="button" className="refresh" onClick={onRefresh}>
        Refresh
      </button>
      <span className="updated" data-testid="last-updated" data-updated-at={updatedAt?.toISOString() ?? ''}>
        {updatedAt ? <>Updated {time(updatedAt)}</> : 'Loading…'}
      </span>
      <label className="auto-refresh">
        <span>Auto</span>
        <select value={seconds} onChange={(event) => onSecondsChange(Number(event.target.value))} data-testid="refresh-interval">
          {choices.map((choice) => (
            <option key={choice.seconds} value={choice.seconds}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
