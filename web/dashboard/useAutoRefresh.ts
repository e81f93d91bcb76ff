import { useEffect, useRef } from 'react';

/**
 * Calls `refresh` every `seconds` (0: never) while the tab is visible. A
 * hidden tab asks nothing of the gateway; when it is shown again it refreshes
 * at once if a refresh fell due meanwhile, then keeps the rhythm.
 */
export function useAutoRefresh(seconds: number, refresh: () => void): void {
  const latest = useRef(refresh);
  latest.current = refresh;

  useEffect(() => {
    if (seconds <= 0) return;
    const period = seconds * 1000;
    let last = Date.now();
    let timer: number | undefined;
    const tick = () => {
      last = Date.now();
      latest.current();
    };
    const stop = () => {
      window.clearInterval(timer);
      timer = undefined;
    };
    const start = () => {
      stop();
      timer = window.setInterval(tick, period);
    };
    const onVisibility = () => {
      if (document.hidden) return stop();
      if (Date.now() - last >= period) tick();
      start();
    };
    if (!document.hidden) start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [seconds]);
}

export const REFRESH_CHOICES = [
  { seconds: 0, label: 'off' },
  { seconds: 30, label: 'every 30 s' },
  { seconds: 60, label: 'every minute' },
  { seconds: 300, label: 'every 5 min' },
  { seconds: 900, label: 'every 15 min' },
];

const STORAGE_KEY = 'jpg.dashboard.refreshSeconds';
export const DEFAULT_REFRESH_SECONDS = 300;

/**
 * The refresh interval: `?refresh=<seconds>` in the address (a wall display,
 * a test) wins, then the user's last choice, then every 5 minutes.
 */
export function initialRefreshSeconds(): number {
  const fromAddress = new URLSearchParams(window.location.search).get('refresh');
  const stored = fromAddress ?? window.localStorage.getItem(STORAGE_KEY);
  const seconds = stored === null ? NaN : Number(stored);
  return Number.isInteger(seconds) && seconds >= 0 ? seconds : DEFAULT_REFRESH_SECONDS;
}

export function saveRefreshSeconds(seconds: number): void {
  window.localStorage.setItem(STORAGE_KEY, String(seconds));
}
