/**
 * One check for a subgraph SDL against its committed schema, used by
 * `jpg subgraph check` and by the gateway's contract check alike:
 *
 *   1. it must be a valid subgraph schema (parsed and built as the federation builds it);
 *   2. its changes against the committed SDL, each breaking, dangerous or safe;
 *   3. with `others`, it must compose with the rest of the federation (@apollo/composition).
 *
 * It passes when nothing is breaking and it composes: description-only and
 * other safe changes are accepted, dangerous ones reported.
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildSubgraphFromSdl, SchemaChange, schemaChanges } from './schemaChanges';

export interface SubgraphSdl {
  name: string;
  sdl: string;
}

export interface SubgraphCheckInput {
  /** The subgraph's name in the federation, e.g. "country". */
  name: string;
  /** What it must stay compatible with: the committed SDL (for a member, the contract). */
  baselineSdl: string;
  /** What is served or proposed. */
  proposedSdl: string;
  /** The federation's other subgraphs, to compose with; none: no composition. */
  others?: SubgraphSdl[];
}

export interface SubgraphCheck {
  /** Problems that make the SDL unusable: not a valid subgraph schema, or not composing with the rest. */
  errors: string[];
  changes: SchemaChange[];
  passed: boolean;
  /** One line: PASS or FAIL and why (the first breaking change or error named). */
  verdict: string;
}

export async function checkSubgraph(input: SubgraphCheckInput): Promise<SubgraphCheck> {
  let proposed;
  try {
    proposed = buildSubgraphFromSdl(input.proposedSdl);
  } catch (error) {
    return conclude([`not a valid subgraph schema: ${firstLine(error)}`], []);
  }
  const changes = await schemaChanges(buildSubgraphFromSdl(input.baselineSdl), proposed);
  const errors = input.others ? compositionErrors([...input.others, { name: input.name, sdl: input.proposedSdl }]) : [];
  return conclude(errors, changes);
}

/** Composition errors of these subgraphs together (URLs do not matter to composition). */
export function compositionErrors(subgraphs: SubgraphSdl[]): string[] {
  const result = composeServices(subgraphs.map(({ name, sdl }) => ({ name, url: `http://${name}.check.invalid/graphql`, typeDefs: parse(sdl) })));
  return (result.errors ?? []).map((e) => `composition: ${e.message}`);
}

/** The first reason a check failed, in one line (for the gateway's log and /ready). */
export function firstProblem(check: SubgraphCheck): string | undefined {
  if (check.errors.length > 0) return check.errors[0];
  const breaking = check.changes.find((c) => c.level === 'breaking');
  return breaking && `breaking change ${breaking.kind} at ${breaking.location}: ${breaking.message}`;
}

function conclude(errors: string[], changes: SchemaChange[]): SubgraphCheck {
  const count = (level: SchemaChange['level']) => changes.filter((c) => c.level === level).length;
  const breaking = count('breaking');
  const passed = errors.length === 0 && breaking === 0;
  const tally = `${breaking} breaking, ${count('dangerous')} dangerous, ${count('safe')} safe`;
  const problem = firstProblem({ errors, changes, passed, verdict: '' });
  const verdict = passed ? `PASS: ${tally}` : `FAIL: ${tally}${errors.length ? `, ${errors.length} error${errors.length === 1 ? '' : 's'}` : ''}; first: ${problem}`;
  return { errors, changes, passed, verdict };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
