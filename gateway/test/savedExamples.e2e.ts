/**
 * Every saved example (examples/queries, the playground's) runs as the
 * playground would send it — its saved variables, a token holding ONLY the
 * role its header declares — through the real gateway over every member's
 * subgraph and procurement on the demo data, and answers without errors and
 * with data. A new example that forgets its role, or needs more than it says,
 * fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseRoles, type Role } from '../../lib/security/roles';
import { Federation, startFederation } from '../../test/testkit/federation';
import { exampleHeader, rolesMeet } from '../../web/playground/exampleHeader';
import { EXAMPLES_DIR, exampleNames, runExample } from './support';

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation({ members: ['XK', 'AL', 'HR', 'BG'] });
}, 240_000);

afterAll(() => federation?.stop());

const declaredRole = (name: string): string | undefined => exampleHeader(fs.readFileSync(path.join(EXAMPLES_DIR, `${name}.graphql`), 'utf8')).role;

/** Root fields that answered nothing: null, or an empty list (the demo has data for every question). */
const emptyRootFields = (data: Record<string, unknown> | undefined): string[] =>
  Object.entries(data ?? {})
    .filter(([, value]) => value === null || (Array.isArray(value) && value.length === 0))
    .map(([field]) => field);

describe('the saved examples, each with the role it declares', () => {
  it('there are examples, and each declares one role of this graph', () => {
    expect(exampleNames().length).toBeGreaterThan(0);
    for (const name of exampleNames()) {
      const role = declaredRole(name);
      expect({ name, role }).toEqual({ name, role: expect.any(String) });
      expect({ name, ...parseRoles(role) }).toEqual({ name, roles: [role], rejected: [] });
    }
  });

  it.each(exampleNames())('%s answers without errors and with data', async (name) => {
    const role = declaredRole(name) as Role;
    const { status, data, errors } = await runExample(federation, name, undefined, role);
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(emptyRootFields(data)).toEqual([]);
  });

  // The declaration is what the examples need, not more: the budget questions are the procurement office's.
  it('the examples an analyst may not run are refused to an analyst, and say so in their header', async () => {
    const needMore = exampleNames().filter((name) => !rolesMeet(['analyst'], declaredRole(name) ?? ''));
    expect(needMore).toEqual(['budget-vs-committed', 'order-savings-and-budgets']);
    for (const name of needMore) {
      const { errors = [] } = await runExample(federation, name, undefined, 'analyst');
      expect(errors.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    }
  });
});
