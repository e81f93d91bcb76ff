/**
 * Is a member's subgraph serving the contract? Its `_service { sdl }` is
 * checked against the committed contract with the same check as
 * `jpg subgraph check` (lib/schemaCheck): safe changes (descriptions, added
 * fields) and dangerous ones are accepted, since the gateway plans only over
 * the contract; a breaking change or an invalid SDL refuses the member, named
 * in the reason, so it can never break the graph under everyone else.
 */
import fs from 'node:fs';
import { SERVICE_DEFINITION_QUERY } from '@apollo/gateway';
import { normalizeSubgraphSdl } from '../../lib/graphql/subgraphSdl';
import type { SchemaChange } from '../../lib/schemaCheck';
import type { SubgraphDataSource } from '../datasources/subgraphDataSource';
import { RequestKind } from '../datasources/requestKinds';

export type ContractVerdict =
  /** Serves the contract, or a compatible version of it (its changes listed, none breaking). */
  | { matches: true; changes: SchemaChange[] }
  | { matches: false; reason: string };

export class Contract {
  readonly sdl: string;
  private readonly normalized: string;

  constructor(readonly file: string) {
    this.sdl = fs.readFileSync(file, 'utf8');
    this.normalized = normalizeSubgraphSdl(this.sdl);
  }

  /** Checks a served SDL against the contract; the reason names the first breaking change or error. */
  async compare(servedSdl: string): Promise<ContractVerdict> {
    // The usual case, exactly the contract, without a diff.
    try {
      if (normalizeSubgraphSdl(servedSdl) === this.normalized) return { matches: true, changes: [] };
    } catch {
      // Not buildable: checkSubgraph says why.
    }
    // Loaded only for a member whose SDL differs: the schema diff (@graphql-inspector) is not needed otherwise.
    const { checkSubgraph, firstProblem } = require('../../lib/schemaCheck') as typeof import('../../lib/schemaCheck');
    const check = await checkSubgraph({ name: 'contract', baselineSdl: this.sdl, proposedSdl: servedSdl });
    return check.passed ? { matches: true, changes: check.changes } : { matches: false, reason: firstProblem(check) ?? check.verdict };
  }
}

/** Asks the member for its SDL (through its data source, so it is signed like every request) and compares. */
export async function checkContract(dataSource: SubgraphDataSource, contract: Contract): Promise<ContractVerdict> {
  const response = await dataSource.process({
    kind: RequestKind.LOADING_SCHEMA,
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
