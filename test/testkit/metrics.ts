/**
 * Reading a service's GET /metrics in tests:
 *
 *   const before = await scrape(federation.gatewayOrigin);
 *   …
 *   const after = await scrape(federation.gatewayOrigin);
 *   after.value('jpg_member_requests_total', { member: 'XK' }) - before.value(…)   // summed over the other labels
 */
export interface Scrape {
  text: string;
  /** The sum of every series of `name` whose labels include `labels` (0 when none). */
  value(name: string, labels?: Record<string, string>): number;
  /** Whether any series of `name` with `labels` exists. */
  has(name: string, labels?: Record<string, string>): boolean;
}

const SERIES = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseMetrics(text: string): Scrape {
  const series = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => SERIES.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, name, labels = '', value]) => ({ name, labels: Object.fromEntries([...labels.matchAll(LABEL)].map(([, k, v]) => [k, v])), value: Number(value) }));
  const matching = (name: string, labels: Record<string, string>) => series.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return {
    text,
    value: (name, labels = {}) => matching(name, labels).reduce((sum, s) => sum + s.value, 0),
    has: (name, labels = {}) => matching(name, labels).length > 0,
  };
}

/** GET <origin>/metrics (expects 200). */
export async function scrape(origin: string, headers: Record<string, string> = {}): Promise<Scrape> {
  const response = await fetch(`${origin}/metrics`, { headers });
  if (response.status !== 200) throw new Error(`GET ${origin}/metrics answered ${response.status}: ${await response.text()}`);
  return parseMetrics(await response.text());
}
