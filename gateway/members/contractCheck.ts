/**
 * Is a member's subgraph serving the contract? Its `_service { sdl }` and the
 * committed contract are both normalised (parsed, built as a subgraph schema,
 * printed) and then compared exactly: a member that adds, drops or changes
 * anything is refused, so it can never change the graph under everyone else.
 */
import fs from 'node:fs';
import { SERVICE_DEFINITION_QUERY } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { normalizeSubgraphSdl } from '../../lib/graphql/federatedSchema';
import type { SubgraphDataSource } from '../datasources/subgraphDataSource';

export type ContractVerdict =
  | { matches: true }
  | { matches: false; reason: string };

export class Contract {
  readonly sdl: string;
  private readonly normalized: string;

  constructor(readonly file: string) {
    this.sdl = fs.readFileSync(file, 'utf8');
    this.normalized = normalizeSubgraphSdl(this.sdl);
  }

  /** Compares a served SDL with the contract; the reason names the first difference. */
  compare(servedSdl: string): ContractVerdict {
    let served: string;
    try {
      served = normalizeSubgraphSdl(servedSdl);
    } catch (error) {
      return { matches: false, reason: `its SDL is not a valid subgraph schema (${(error as Error).message.split('\n')[0]})` };
    }
    if (served === this.normalized) return { matches: true };
    return { matches: false, reason: firstDifference(this.normalized, served) };
  }
}

/** Asks the member for its SDL (through its data source, so it is signed like every request) and compares. */
export async function checkContract(dataSource: SubgraphDataSource, contract: Contract): Promise<ContractVerdict> {
  const response = await dataSource.process({
    kind: GraphQLDataSourceRequestKind.LOADING_SCHEMA,
    request: { query: SERVICE_DEFINITION_QUERY },
    context: {},
  });
  const sdl = (response.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string') {
    const why = response.errors?.map((e) => e.message).join('; ') ?? 'no _service { sdl } in its answer';
    return { matches: false, reason: `it does not report its schema (${why})` };
  }
  return contract.compare(sdl);
}

function firstDifference(expected: string, served: string): string {
  const want = expected.split('\n');
  const got = served.split('\n');
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) {
      const show = (line: string | undefined) => (line === undefined ? '(end of schema)' : JSON.stringify(line.trim()));
      return `first difference at line ${i + 1} of the normalised SDL: contract has ${show(want[i])}, member serves ${show(got[i])}`;
    }
  }
  return 'the SDLs differ';
}
