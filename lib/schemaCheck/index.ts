export { checkSubgraph, compositionErrors, firstProblem } from './checkSubgraph';
export type { SubgraphCheck, SubgraphCheckInput, SubgraphSdl } from './checkSubgraph';
export type { ChangeLevel, SchemaChange } from './schemaChanges';
