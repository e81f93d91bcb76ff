/**
 * Demand control through the real gateway over the demo federation: the cost
 * directives of the committed subgraph SDLs (@listSize on every list), budgets
 * by role (one set in the federation config), refusals that name the
 * costliest fields, the estimate next to the actual cost counted from the
 * response (`jpg-cost: true`), and the cost metrics.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Federation, startFederation } from '../../test/testkit/federation';
import { scrape } from '../../test/testkit/metrics';
import { COST_HEADER, type CostReport } from '../cost/costPlugin';
import { DEFAULT_COST_BUDGETS } from '../cost/budgets';
import * as dashboard from '../../web/dashboard/queries';
import { EXAMPLES_DIR, exampleNames } from './support';
import { startFixtureFederation } from './federation/fixtureFederation';

/** The ministries' budget in this federation's config: below the overview's estimate, above the dashboard's. */
const MINISTRY_BUDGET = 3000;

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation({
    members: ['XK', 'AL', 'HR', 'BG'],
    configure: (config) => ({ ...config, cost: { budgets: { ministry: MINISTRY_BUDGET } } }),
    gateway: { webApps: false },
  });
}, 240_000);

afterAll(() => federation?.stop());

/** An analyst's overview of every joint order: lines with items and their price tiers, allocations, deliveries. */
const OVERVIEW = /* GraphQL */ `
  query CostOverview {
    jointOrders {
      reference title status
      participants { code name }
      totalValue { amount currency }
      lines {
        quantity
        unitPrice { amount currency }
        item { nsn name priceTiers { minQuantity unitPrice { amount currency } } }
        allocations { quantity country { code name } requirement { reference priority } }
      }
      deliveries { quantity plannedDate status late country { code } }
    }
  }
`;

const withCost = { headers: { [COST_HEADER]: 'true' } };

/** The actual cost by the spec's default weights (no @cost in our schemas): one per object in the answer, scalars free. */
function objectsIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + objectsIn(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Object.values(value).reduce((sum: number, inner) => sum + objectsIn(inner), 0);
}

const costOf = (answer: { extensions?: Record<string, unknown> }) => answer.extensions?.cost as CostReport | undefined;

describe('the analyst overview', () => {
  it('passes the default analyst budget on the demo data, and reports estimate against actual when asked', async () => {
    const answer = await federation.query(OVERVIEW, {}, { as: 'analyst', ...withCost });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.jointOrders.length).toBeGreaterThan(0);
    const cost = costOf(answer as never)!;
    expect(cost).toMatchObject({ maximum: DEFAULT_COST_BUDGETS.analyst, budget: 'analyst' });
    expect(cost.estimated).toBeLessThanOrEqual(cost.maximum);
    // Counted from the response: every object in it (the root `data` itself is not a field).
    expect(cost.actual).toBe(objectsIn(answer.data) - 1);
    // Four demo orders against 20 assumed: the estimate bounds what ran.
    expect(cost.actual).toBeLessThan(cost.estimated);
    expect(cost.costliest.map((f) => f.path)).toEqual(['jointOrders', 'jointOrders.lines', 'jointOrders.lines.allocations']);
  });

  it('answers without extensions.cost when the header is not sent', async () => {
    const answer = (await federation.query(OVERVIEW, {}, { as: 'analyst' })) as { errors?: unknown; extensions?: Record<string, unknown> };
    expect(answer.errors).toBeUndefined();
    expect(answer.extensions?.cost).toBeUndefined();
  });

  it('is refused over a smaller budget (the ministries\' in this config), naming the maximum, the estimate and the three costliest fields with how to cut them', async () => {
    const { estimated } = costOf((await federation.query(OVERVIEW, {}, { as: 'analyst', ...withCost })) as never)!;
    const { status, data, errors } = await federation.query(OVERVIEW, {}, { as: 'ministry:XK' });
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors).toHaveLength(1);
    const [error] = errors!;
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COST_LIMIT_EXCEEDED', limit: 'maxCost', maximum: MINISTRY_BUDGET, estimated, budget: 'ministry' });
    const costliest = error.extensions!.costliest as CostReport['costliest'];
    expect(costliest.map((f) => f.path)).toEqual(['jointOrders', 'jointOrders.lines', 'jointOrders.lines.allocations']);
    expect(costliest[0]).toMatchObject({ field: 'Query.jointOrders', cost: estimated, listSize: 20, sizeFrom: 'assumed' });
    expect(costliest[1]).toMatchObject({ field: 'JointOrder.lines', listSize: 10 });
    expect(costliest.every((f, i) => i === 0 || f.cost <= costliest[i - 1].cost)).toBe(true);
    expect(error.message).toContain(`Query cost ${estimated} exceeds the maximum of ${MINISTRY_BUDGET} (budget ministry)`);
    for (const field of costliest) expect(error.message).toContain(`${field.path} ${field.cost} (${field.cut})`);
    expect(costliest[0].cut).toBe('counted as 20 items (assumed): select fewer fields under it, or leave it out');
  });
});

describe('every client query within the analyst budget', () => {
  const dashboardQueries = Object.entries(dashboard).filter(([name]) => name.endsWith('_QUERY')) as [string, string][];

  it.each(dashboardQueries)('dashboard %s', async (_name, query) => {
    const { data: orders } = await federation.query('{ jointOrders { id } }', {}, { as: 'analyst' });
    const answer = await federation.query(query, { id: orders.jointOrders[0].id, year: 2026 /* the demo budgets' year */ }, { as: 'analyst', ...withCost });
    // Budgets are not an analyst's to read (FORBIDDEN per field); no limit may refuse the operation.
    expect(answer.status).toBe(200);
    expect((answer.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN')).toEqual([]);
    const cost = costOf(answer as never)!;
    expect(cost.estimated).toBeLessThanOrEqual(DEFAULT_COST_BUDGETS.analyst);
    expect(cost.actual).toBeLessThanOrEqual(cost.estimated);
  });

  it.each(exampleNames())('saved example %s', async (name) => {
    const query = fs.readFileSync(path.join(EXAMPLES_DIR, `${name}.graphql`), 'utf8');
    const variablesFile = path.join(EXAMPLES_DIR, `${name}.variables.json`);
    const variables = fs.existsSync(variablesFile) ? JSON.parse(fs.readFileSync(variablesFile, 'utf8')) : {};
    const answer = await federation.query(query, variables, { as: 'analyst', ...withCost });
    expect(answer.status).toBe(200);
    expect((answer.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN')).toEqual([]);
    expect(costOf(answer as never)!.estimated).toBeLessThanOrEqual(DEFAULT_COST_BUDGETS.analyst);
  });
});

describe('slicing arguments and sized fields', () => {
  it('sizes a page by its `first` (the audit trail: @listSize(slicingArguments: ["first"], sizedFields: ["entries"]))', async () => {
    const page = (first: number) => `{ auditEntries(country: "XK", first: ${first}) { entries { id action } hasNextPage } }`;
    const small = costOf((await federation.query(page(5), {}, { as: 'procurement', ...withCost })) as never)!;
    const large = costOf((await federation.query(page(500), {}, { as: 'procurement', ...withCost })) as never)!;
    // The page object (1) plus `first` entries (1 each).
    expect(small.estimated).toBe(1 + 5);
    expect(large.estimated).toBe(1 + 500);
    expect(large.costliest[0]).toMatchObject({ path: 'auditEntries', cut: 'pass first: N smaller than 500' });
    expect(large.costliest[1]).toMatchObject({ path: 'auditEntries.entries', listSize: 500, sizeFrom: 'first: 500', cut: 'pass first: N smaller than 500 on auditEntries' });
  });

  it('takes the argument\'s default when it is left out, and a variable\'s value when it is one', async () => {
    const leftOut = costOf((await federation.query('{ auditEntries(country: "XK") { entries { id } } }', {}, { as: 'procurement', ...withCost })) as never)!;
    expect(leftOut.estimated).toBe(1 + 50);
    const query = 'query Page($n: Int!) { auditEntries(country: "XK", first: $n) { entries { id } } }';
    for (const n of [7, 70]) expect(costOf((await federation.query(query, { n }, { as: 'procurement', ...withCost })) as never)!.estimated).toBe(1 + n);
  });
  it('sizes a connection\'s edges and nodes by its `first` (@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"]))', async () => {
    const page = (first: number) => `{ jointOrdersPage(first: ${first}) { totalCount edges { node { reference lines { quantity } } } nodes { reference } } }`;
    const report = costOf((await federation.query(page(5), {}, { as: 'analyst', ...withCost })) as never)!;
    // The connection (1); 5 edges × (edge 1 + node 1 + lines 10 × 1); 5 nodes × 1.
    expect(report.estimated).toBe(1 + 5 * (1 + 1 + 10) + 5);
    expect(report.costliest[0]).toMatchObject({ path: 'jointOrdersPage', cut: 'pass first: N smaller than 5' });
    expect(report.costliest[1]).toMatchObject({ path: 'jointOrdersPage.edges', listSize: 5, sizeFrom: 'first: 5', cut: 'pass first: N smaller than 5 on jointOrdersPage' });
    // Left out, `first` is its default (20).
    const byDefault = costOf((await federation.query('{ jointOrdersPage { nodes { reference } } }', {}, { as: 'analyst', ...withCost })) as never)!;
    expect(byDefault.estimated).toBe(1 + 20);
  });
});

describe('the limits that stay', () => {
  it('still refuses depth, alias and token bombs, whatever the budget', async () => {
    const deep = `{ members { jointOrders { lines { allocations { order { lines { allocations { order { lines { allocations { order { lines { id } } } } } } } } } } } } }`;
    expect((await federation.query(deep, {}, { as: 'analyst' })).errors?.[0].extensions).toMatchObject({ limit: 'maxDepth' });
    const aliases = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: members { code }`).join(' ')} }`;
    expect((await federation.query(aliases, {}, { as: 'analyst' })).errors?.[0].extensions).toMatchObject({ limit: 'maxAliases' });
    const tokens = `{ members { ${'code '.repeat(2100)} } }`;
    expect((await federation.query(tokens, {}, { as: 'analyst' })).errors?.[0].extensions).toMatchObject({ limit: 'maxTokens' });
  });
});

describe('cost metrics', () => {
  it('records the estimated and the actual cost of each operation', async () => {
    const before = await scrape(federation.gatewayOrigin);
    const answer = await federation.query(OVERVIEW, {}, { as: 'analyst', ...withCost });
    const { estimated, actual } = costOf(answer as never)!;
    const after = await scrape(federation.gatewayOrigin);
    const delta = (name: string, kind: string) => after.value(name, { operation: 'CostOverview', kind, budget: 'analyst' }) - before.value(name, { operation: 'CostOverview', kind, budget: 'analyst' });
    expect(delta('jpg_graphql_operation_cost_count', 'estimated')).toBe(1);
    expect(delta('jpg_graphql_operation_cost_sum', 'estimated')).toBe(estimated);
    expect(delta('jpg_graphql_operation_cost_count', 'actual')).toBe(1);
    expect(delta('jpg_graphql_operation_cost_sum', 'actual')).toBe(actual);

    await federation.query(OVERVIEW, {}, { as: 'ministry:XK' });
    const refused = await scrape(federation.gatewayOrigin);
    expect(refused.value('jpg_graphql_cost_refusals_total', { operation: 'CostOverview', budget: 'ministry' }) - after.value('jpg_graphql_cost_refusals_total', { operation: 'CostOverview', budget: 'ministry' })).toBe(1);
  });
});

describe('a --supergraph without cost directives', () => {
  it('is costed with the defaults: objects 1, scalars 0, every list 10', async () => {
    const fixture = await startFixtureFederation([
      {
        name: 'parts',
        typeDefs: 'type Query { parts: [Part!]! }  type Part @key(fields: "id") { id: ID!  name: String  kits: [Kit!]! }  type Kit { code: String }',
        resolvers: { Query: { parts: () => [{ id: '1', name: 'bolt', kits: [{ code: 'A' }, { code: 'B' }] }] } } as never,
      },
    ]);
    try {
      expect(fs.readFileSync(fixture.supergraphFile, 'utf8')).not.toMatch(/specs\.apollo\.dev\/cost|@listSize|@cost/);
      const response = await fetch(fixture.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [COST_HEADER]: 'true', ...(await federation.authorization('analyst')) },
        body: JSON.stringify({ query: '{ parts { id kits { code } } }' }),
      });
      const answer = (await response.json()) as { data: unknown; errors?: unknown; extensions: { cost: CostReport } };
      expect(answer.errors).toBeUndefined();
      // parts 10 × (1 + kits 10 × 1) = 110; actually one part with two kits: 1 + 2 = 3.
      expect(answer.extensions.cost).toMatchObject({ estimated: 110, actual: 3, budget: 'analyst' });
    } finally {
      await fixture.stop();
    }
  });
});
