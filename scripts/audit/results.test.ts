/** The Federation Gateway Audit's results file, read as `npm run audit:federation` reads it. */
import { parseAuditResults, summariseAudit } from './results';

// The shape the audit's `test --write` command writes (cli.ts): suite id, then one character per case, then a footer.
const RESULTS = ['abstract-types', '....', 'keys-mashup', 'X', 'requires-with-argument', '..XXX', '', '---', 'Total: 10', 'Passed: 6', 'Failed: 4'].join('\n');

it('counts cases and suites and names each failing case as the audit does (<suite>_<index>)', () => {
  expect(summariseAudit(parseAuditResults(RESULTS))).toEqual({
    cases: 10,
    casesPassed: 6,
    suites: 3,
    suitesPassed: 1,
    failing: ['keys-mashup_0', 'requires-with-argument_2', 'requires-with-argument_3', 'requires-with-argument_4'],
  });
});

it('counts a suite whose gateway never answered (no case line) as failed', () => {
  const summary = summariseAudit(parseAuditResults('typename\n......\nnode\n\n---\n'));
  expect(summary).toEqual({ cases: 6, casesPassed: 6, suites: 2, suitesPassed: 1, failing: ['node (no case ran)'] });
});

it('refuses a file that is not the audit results', () => {
  expect(() => parseAuditResults('')).toThrow('results: no suites');
  expect(() => parseAuditResults('....\n')).toThrow('a line of cases without its suite');
});
