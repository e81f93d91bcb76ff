/**
 * The actual cost of an executed operation, counted from its response with
 * the estimate's weights (weights.ts) but the lists' real lengths: what the
 * operation really cost, to set budgets and assumed sizes on evidence.
 * A null (a refused or failed field) costs nothing below it.
 */
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type SelectionSetNode,
} from 'graphql';
import { Selections, subSelections } from './selections';
import { argumentsWeight, argumentValues, fieldWeight, MUTATION_COST, type CostInput } from './weights';

export interface ActualInput extends CostInput {
  data: Record<string, unknown> | null | undefined;
}

type Value = Record<string, unknown>;

class Counter {
  readonly selections: Selections;

  constructor(private readonly input: ActualInput) {
    this.selections = new Selections(input.schema, input.fragments, input.variables);
  }

  /** An object of an abstract type is counted as the type its __typename names; without one, as its costliest possible type. */
  private objectTypes(type: GraphQLCompositeType, value: Value): readonly GraphQLObjectType[] {
    if (!isAbstractType(type)) return [type];
    const named = typeof value.__typename === 'string' ? this.input.schema.getType(value.__typename) : undefined;
    return named && !isAbstractType(named) && isCompositeType(named) ? [named as GraphQLObjectType] : this.selections.objectTypes(type);
  }

  object(type: GraphQLCompositeType, selectionSets: readonly SelectionSetNode[], value: Value): number {
    let most = 0;
    for (const object of this.objectTypes(type, value)) {
      let total = 0;
      for (const [key, fieldNodes] of this.selections.fields(object, selectionSets)) {
        total += this.field(object.name, object.getFields()[fieldNodes[0].name.value], fieldNodes, value[key]);
      }
      most = Math.max(most, total);
    }
    return most;
  }

  private field(parent: string, field: GraphQLField<unknown, unknown> | undefined, nodes: FieldNode[], value: unknown): number {
    if (!field || field.name.startsWith('__') || value === undefined || value === null) return 0;
    const { model } = this.input;
    const weight = fieldWeight(model, parent, field);
    const coordinate = `${parent}.${field.name}`;
    const args = nodes[0].arguments?.length ? argumentValues(field, nodes[0], this.input.variables) : undefined;
    const type = getNamedType(field.type);
    const item = (entry: unknown): number => {
      if (Array.isArray(entry)) return entry.reduce((sum: number, inner) => sum + item(inner), 0);
      if (entry === null || entry === undefined) return 0;
      return weight + (isCompositeType(type) && typeof entry === 'object' ? this.object(type, subSelections(nodes), entry as Value) : 0);
    };
    return item(value) + argumentsWeight(model, coordinate, args);
  }
}

export function actualCost(input: ActualInput): number {
  if (!input.data) return 0;
  const root = input.schema.getRootType(input.operation.operation);
  if (!root) return 0;
  const counter = new Counter(input);
  return counter.object(root, [input.operation.selectionSet], input.data) + (input.operation.operation === 'mutation' ? MUTATION_COST : 0);
}
