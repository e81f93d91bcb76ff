/**
 * The one subgraph check the CLI and the gateway share, on the real
 * committed schemas: safe changes pass, breaking ones fail naming the first,
 * an SDL that does not compose fails naming the composition error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkSubgraph, firstProblem } from '.';

const read = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', 'schema', `${name}.graphql`), 'utf8');
const contract = read('country');
const others = [{ name: 'procurement', sdl: read('procurement') }];

/** The contract with its first occurrence of `from` replaced (the test fails if `from` is not there). */
function altered(from: string | RegExp, to: string): string {
  const next = contract.replace(from, to);
  expect(next).not.toBe(contract);
  return next;
}

describe('checkSubgraph', () => {
  it('passes the contract itself with no change', async () => {
    const check = await checkSubgraph({ name: 'country', baselineSdl: contract, proposedSdl: contract, others });
    expect(check).toMatchObject({ passed: true, errors: [], changes: [] });
    expect(check.verdict).toBe('PASS: 0 breaking, 0 dangerous, 0 safe');
  });

  it('passes a description-only change, listed as safe with its kind and location', async () => {
    const proposed = altered('"""The member addressed (the gateway routes on it)."""', '"""The member this query is for."""');
    const check = await checkSubgraph({ name: 'country', baselineSdl: contract, proposedSdl: proposed, others });
    expect(check.passed).toBe(true);
    expect(check.changes).toEqual([expect.objectContaining({ level: 'safe', kind: 'FIELD_ARGUMENT_DESCRIPTION_CHANGED', location: 'Query.ministry.country' })]);
    expect(firstProblem(check)).toBeUndefined();
  });

  it('passes an added field as safe', async () => {
    const proposed = altered(/\n  quantity: Int!\n/, '\n  quantity: Int!\n\n  """Where it is kept."""\n  depot: String\n');
    const check = await checkSubgraph({ name: 'country', baselineSdl: contract, proposedSdl: proposed, others });
    expect(check.passed).toBe(true);
    expect(check.changes).toContainEqual(expect.objectContaining({ level: 'safe', kind: 'FIELD_ADDED', location: 'Holding.depot' }));
    expect(check.changes.every((c) => c.level === 'safe')).toBe(true);
  });

  it('fails a removed field as breaking, naming it first', async () => {
    const proposed = altered(/\n(  """[^\n]*"""\n)?  quantity: Int!\n/, '\n');
    const check = await checkSubgraph({ name: 'country', baselineSdl: contract, proposedSdl: proposed, others });
    expect(check.passed).toBe(false);
    expect(check.changes[0]).toMatchObject({ level: 'breaking', kind: 'FIELD_REMOVED', location: 'Holding.quantity' });
    expect(firstProblem(check)).toMatch(/^breaking change FIELD_REMOVED at Holding\.quantity: /);
    expect(check.verdict).toMatch(/^FAIL: 1 breaking, 0 dangerous, 0 safe; first: breaking change FIELD_REMOVED at Holding\.quantity/);
  });

  it('fails an SDL that is not a subgraph schema, naming the parse error', async () => {
    const check = await checkSubgraph({ name: 'country', baselineSdl: contract, proposedSdl: 'type Query { x: Int', others });
    expect(check.passed).toBe(false);
    expect(check.errors[0]).toMatch(/^not a valid subgraph schema: Syntax Error/);
  });

  it('fails a schema that does not compose with the rest of the federation', async () => {
    // Country.code is the key procurement resolves Country by: a member that types it differently cannot compose.
    const proposed = altered(/(type Country\n  @key\(fields: "code"\)\n\{\n(?:.*\n)*?  code: )ID!/, '$1Int!');
    const check = await checkSubgraph({ name: 'country', baselineSdl: contract, proposedSdl: proposed, others });
    expect(check.passed).toBe(false);
    expect(check.errors.some((e) => e.startsWith('composition: '))).toBe(true);
  });
});
