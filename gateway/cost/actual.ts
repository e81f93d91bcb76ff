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

/** One response key of an object type under some selection sets: what counting its value needs, worked out once. */
interface FieldPlan {
  key: string;
  /** The field's weight, for each item (each entry of a list). */
  weight: number;
  /** Its arguments' weights, once per value. */
  argumentsWeight: number;
  /** The named type when it is composite (its objects are counted below), else undefined. */
  composite: GraphQLCompositeType | undefined;
  /** The selection sets below it: the same array every time, so its own plans are found again. */
  below: SelectionSetNode[];
}

class Counter {
  readonly selections: Selections;
  /**
   * The plans of this response, by selection sets (the same array for every
   * object under one field) and object type: an answer of a thousand objects
   * of one type collects their fields, weights and arguments once, not a
   * thousand times (under load this counting was 10-13 % of the gateway's CPU).
   */
  private readonly plans = new Map<readonly SelectionSetNode[], Map<GraphQLObjectType, FieldPlan[]>>();

  constructor(private readonly input: ActualInput) {
    this.selections = new Selections(input.schema, input.fragments, input.variables);
  }

  /** An object of an abstract type is counted as the type its __typename names; without one, as its costliest possible type. */
  private objectTypes(type: GraphQLCompositeType, value: Value): readonly GraphQLObjectType[] {
    if (!isAbstractType(type)) return [type];
    const named = typeof value.__typename === 'string' ? this.input.schema.getType(value.__typename) : undefined;
    return named && !isAbstractType(named) && isCompositeType(named) ? [named as GraphQLObjectType] : this.selections.objectTypes(type);
  }

  private plan(object: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): FieldPlan[] {
    let byType = this.plans.get(selectionSets);
    if (!byType) this.plans.set(selectionSets, (byType = new Map()));
    let plan = byType.get(object);
    if (plan) return plan;
    plan = [];
    const { model, variables } = this.input;
    for (const [key, nodes] of this.selections.fields(object, selectionSets)) {
      const field = object.getFields()[nodes[0].name.value] as GraphQLField<unknown, unknown> | undefined;
      // Introspection and unknown fields cost nothing, whatever their value.
      if (!field || field.name.startsWith('__')) continue;
      const args = nodes[0].arguments?.length ? argumentValues(field, nodes[0], variables) : undefined;
      const type = getNamedType(field.type);
      plan.push({
        key,
        weight: fieldWeight(model, object.name, field),
        argumentsWeight: argumentsWeight(model, `${object.name}.${field.name}`, args),
        composite: isCompositeType(type) ? type : undefined,
        below: subSelections(nodes),
      });
    }
    byType.set(object, plan);
    return plan;
  }

  object(type: GraphQLCompositeType, selectionSets: readonly SelectionSetNode[], value: Value): number {
    let most = 0;
    for (const object of this.objectTypes(type, value)) {
      let total = 0;
      for (const field of this.plan(object, selectionSets)) {
        const fieldValue = value[field.key];
        // A null (a refused or failed field) costs nothing, its arguments included.
        if (fieldValue === undefined || fieldValue === null) continue;
        total += this.items(field, fieldValue) + field.argumentsWeight;
      }
      most = Math.max(most, total);
    }
    return most;
  }

  /** A field's value: its weight per item (every entry of nested lists), plus each object's own fields. */
  private items(field: FieldPlan, entry: unknown): number {
    if (Array.isArray(entry)) {
      let sum = 0;
      for (const inner of entry) sum += this.items(field, inner);
      return sum;
    }
    if (entry === null || entry === undefined) return 0;
    return field.weight + (field.composite && typeof entry === 'object' ? this.object(field.composite, field.below, entry as Value) : 0);
  }
}

export function actualCost(input: ActualInput): number {
  if (!input.data) return 0;
  const root = input.schema.getRootType(input.operation.operation);
  if (!root) return 0;
  const counter = new Counter(input);
  return counter.object(root, [input.operation.selectionSet], input.data) + (input.operation.operation === 'mutation' ? MUTATION_COST : 0);
}
