/**
 * The Federation Gateway Audit's results file, as its `test --write` command
 * writes it: per suite a line with the suite's id, then a line with one
 * character per case ("." passed, "X" failed), then a "---" footer.
 */
export interface SuiteResult {
  id: string;
  /** true per passing case, in the audit's order (case `<id>_<index>`). */
  cases: boolean[];
}

export interface AuditSummary {
  cases: number;
  casesPassed: number;
  suites: number;
  suitesPassed: number;
  /** The failing cases by the audit's own names, e.g. keys-mashup_0. */
  failing: string[];
}

export function parseAuditResults(text: string): SuiteResult[] {
  const lines = text.split('\n');
  const footer = lines.indexOf('---');
  const body = (footer === -1 ? lines : lines.slice(0, footer)).filter((line) => line.trim() !== '');
  const suites: SuiteResult[] = [];
  for (const line of body) {
    if (/^[.X]+$/.test(line)) {
      const suite = suites[suites.length - 1];
      if (!suite || suite.cases.length > 0) throw new Error(`results: a line of cases without its suite: "${line}"`);
      suite.cases = [...line].map((c) => c === '.');
    } else {
      suites.push({ id: line.trim(), cases: [] });
    }
  }
  if (suites.length === 0) throw new Error('results: no suites');
  return suites;
}

export function summariseAudit(suites: SuiteResult[]): AuditSummary {
  const failing = suites.flatMap((s) => s.cases.flatMap((passed, i) => (passed ? [] : [`${s.id}_${i}`])));
  // A suite whose gateway never answered has no case line at all: it counts as failed.
  const passedSuites = suites.filter((s) => s.cases.length > 0 && s.cases.every(Boolean));
  const failingSuitesWithoutCases = suites.filter((s) => s.cases.length === 0).map((s) => `${s.id} (no case ran)`);
  return {
    cases: suites.reduce((n, s) => n + s.cases.length, 0),
    casesPassed: suites.reduce((n, s) => n + s.cases.filter(Boolean).length, 0),
    suites: suites.length,
    suitesPassed: passedSuites.length,
    failing: [...failing, ...failingSuitesWithoutCases],
  };
}
