/**
 * The Guild's federation-benchmark test query through our gateway: four
 * subgraphs, entities three levels deep, @requires and @provides. The answer
 * must equal the benchmark's expected response to the byte's meaning (deep
 * equality), which is also what `npm run bench` checks under load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GUILD_SUBGRAPHS, GUILD_TEST_QUERY } from '../../../bench/guild/subgraphs';
import { FixtureFederation, startFixtureFederation } from './fixtureFederation';

const EXPECTED = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../bench/guild/testquery-expected.json'), 'utf8'));
let federation: FixtureFederation;

beforeAll(async () => {
  // With the default limits, as in `npm run bench`: the subgraphs' @listSize keep the query within budget.
  federation = await startFixtureFederation(GUILD_SUBGRAPHS);
});

afterAll(() => federation?.stop());

it("answers the benchmark's test query exactly as expected", async () => {
  const { status, data, errors } = await federation.query(GUILD_TEST_QUERY);
  expect(status).toBe(200);
  expect({ data, errors }).toEqual({ data: EXPECTED.data, errors: undefined });
});

it('reaches every subgraph of the benchmark, inventory only for the fields it owns', async () => {
  federation.resetCalls();
  await federation.query(GUILD_TEST_QUERY);
  expect(Object.entries(federation.calls).filter(([, ops]) => ops.length === 0)).toEqual([]);
  expect(federation.calls.inventory.every((op) => op.includes('_entities'))).toBe(true);
});
