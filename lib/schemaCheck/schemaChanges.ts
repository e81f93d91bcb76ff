/**
 * What changed between a subgraph's contract and a served or proposed SDL,
 * with @graphql-inspector/core: each change with its level (breaking,
 * dangerous, safe), its kind and where it is. The CLI (`jpg subgraph check`)
 * and the gateway's contract check both decide on this, so what a ministry
 * checks before deploying is what the gateway will accept.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { GraphQLSchema, parse } from 'graphql';

export type ChangeLevel = 'breaking' | 'dangerous' | 'safe';

export interface SchemaChange {
  level: ChangeLevel;
  /** graphql-inspector's change type, e.g. FIELD_REMOVED, FIELD_DESCRIPTION_CHANGED. */
  kind: string;
  /** Where: a schema coordinate such as `Holding.quantity` or `Query.holdings.category`. */
  location: string;
  message: string;
  /** Why it is breaking or dangerous, when the library says. */
  reason?: string;
}

const LEVELS: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

const ORDER: Record<ChangeLevel, number> = { breaking: 0, dangerous: 1, safe: 2 };

/** A subgraph SDL built as the federation builds it; throws with the parser's or the builder's message. */
export function buildSubgraphFromSdl(sdl: string): GraphQLSchema {
  return buildSubgraphSchema(parse(sdl));
}

/** Every change from `before` to `after`, breaking first (in schema order within a level). */
export async function schemaChanges(before: GraphQLSchema, after: GraphQLSchema): Promise<SchemaChange[]> {
  const changes = await diff(before, after);
  return changes
    .map((change) => ({
      level: LEVELS[change.criticality.level],
      kind: change.type as string,
      location: change.path ?? '(schema)',
      message: change.message,
      ...(change.criticality.reason ? { reason: change.criticality.reason } : {}),
    }))
    .sort((a, b) => ORDER[a.level] - ORDER[b.level]);
}
