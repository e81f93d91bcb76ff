/**
 * What one field costs by the IBM GraphQL Cost Directive specification, as
 * Apollo Router's demand control and Hive Gateway count it: its `@cost`
 * weight, else its type's `@cost` weight, else 1 for an object, interface or
 * union and 0 for a scalar or enum; plus the `@cost` of each argument given.
 * A list multiplies its items' cost (weight and selections) by its size. A
 * mutation costs 10 more. Introspection (`__schema`, `__type`, `__typename`)
 * is free: the gateway answers it from memory and graphql-js bounds its depth.
 */
import { getArgumentValues, getNamedType, isCompositeType, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { CostModel } from './costModel';

export const MUTATION_COST = 10;

/** What both the estimate and the actual cost read: the schema and its cost model, the operation and its variables (coerced). */
export interface CostInput {
  schema: GraphQLSchema;
  model: CostModel;
  operation: OperationDefinitionNode;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>>;
}

export function fieldWeight(model: CostModel, parent: string, field: GraphQLField<unknown, unknown>): number {
  const type = getNamedType(field.type);
  return model.weights.get(`${parent}.${field.name}`) ?? model.weights.get(type.name) ?? (isCompositeType(type) ? 1 : 0);
}

/** The arguments as the resolver will get them (defaults applied); undefined when they cannot be coerced (execution refuses those). */
export function argumentValues(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  try {
    return getArgumentValues(field, node, variables as Record<string, unknown>);
  } catch {
    return undefined;
  }
}

export function argumentsWeight(model: CostModel, coordinate: string, args: Record<string, unknown> | undefined): number {
  if (!args || model.weights.size === 0) return 0;
  let weight = 0;
  for (const name of Object.keys(args)) weight += model.weights.get(`${coordinate}(${name}:)`) ?? 0;
  return weight;
}
