/**
 * The estimated cost of an operation before it runs (the IBM GraphQL Cost
 * Directive specification's static analysis, see weights.ts), with each
 * field's share so a refusal can name the costliest ones and how to cut them.
 *
 * A list field's size, first found wins:
 *   1. its `@listSize` slicing arguments given (or defaulted) in the query, e.g. `first: 20` → 20;
 *   2. a parent connection's slicing argument, when the parent names it in `sizedFields`;
 *   3. its `@listSize(assumedSize:)`;
 *   4. the gateway's default list size (GRAPHQL_DEFAULT_LIST_SIZE).
 * With `requireOneSlicingArgument` (the spec's default), a query must give
 * exactly one of the slicing arguments, or it is refused.
 */
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type SelectionSetNode,
} from 'graphql';
import type { ListSizeRule } from './costModel';
import { Selections, subSelections } from './selections';
import { argumentsWeight, argumentValues, fieldWeight, MUTATION_COST, type CostInput } from './weights';

export interface FieldCost {
  /** Response path without list indexes, e.g. "jointOrders.lines.allocations". */
  path: string;
  /** Schema coordinate, e.g. "OrderLine.allocations". */
  field: string;
  /** What the field adds to the operation's cost: its items, their selections and its arguments, times the sizes of the lists above it. */
  cost: number;
  /** A list's size as counted, and where it came from ("first: 20", "assumed", "default"). */
  listSize?: number;
  sizeFrom?: string;
  /** How to make it cheaper, e.g. "pass first: N (now 100)". */
  cut: string;
}

export interface CostEstimate {
  total: number;
  fields: FieldCost[];
}

export class SlicingArgumentError extends Error {
  constructor(
    readonly path: string,
    readonly field: string,
    readonly slicingArguments: string[],
    given: number,
  ) {
    super(`Field ${path} (${field}) needs exactly one of its slicing arguments ${slicingArguments.join(', ')} to be costed; ${given} given`);
  }
}

export interface EstimateInput extends CostInput {
  /** Size of a list without @listSize. */
  defaultListSize: number;
}

/** The nearest list above (or at) a field that a slicing argument bounds: where to cut. */
interface Slicer {
  path: string;
  argument: string;
  size: number;
}

interface Size {
  value: number;
  from: string;
  slicer?: Slicer;
}

class Estimator {
  readonly selections: Selections;

  constructor(private readonly input: EstimateInput) {
    this.selections = new Selections(input.schema, input.fragments, input.variables);
  }

  /** Slicing arguments given (defaults included); requireOneSlicingArgument enforced. */
  private sliced(rule: ListSizeRule | undefined, args: Record<string, unknown> | undefined, path: string, coordinate: string): { value: number; argument: string } | undefined {
    if (!rule?.slicingArguments) return undefined;
    const given = rule.slicingArguments.filter((name) => typeof args?.[name] === 'number');
    if (rule.requireOneSlicingArgument && args && given.length !== 1) throw new SlicingArgumentError(path, coordinate, rule.slicingArguments, given.length);
    if (given.length === 0) return undefined;
    const argument = given.reduce((largest, name) => ((args![name] as number) > (args![largest] as number) ? name : largest));
    return { value: Math.max(0, args![argument] as number), argument };
  }

  private cutFor(path: string, slicer: Slicer | undefined, size: Size | undefined): string {
    if (slicer) return `pass ${slicer.argument}: N smaller than ${slicer.size}${slicer.path === path ? '' : ` on ${slicer.path}`}`;
    if (size) return `counted as ${size.value} items (${size.from}): select fewer fields under it, or leave it out`;
    return 'select fewer fields under it, or leave it out';
  }

  /** `scale`: how many times the selection runs (the product of the list sizes above it), for the fields' shares. */
  cost(type: GraphQLCompositeType, selectionSets: readonly SelectionSetNode[], path: string, scale: number, sized: Map<string, Size> | undefined, slicer: Slicer | undefined, report: FieldCost[]): number {
    let most = 0;
    let mostReport: FieldCost[] = [];
    // An abstract type costs what its costliest possible type costs.
    for (const object of this.selections.objectTypes(type)) {
      const branch: FieldCost[] = [];
      let total = 0;
      for (const [key, nodes] of this.selections.fields(object, selectionSets)) {
        total += this.fieldCost(object.name, object.getFields()[nodes[0].name.value], nodes, path ? `${path}.${key}` : key, scale, sized?.get(nodes[0].name.value), slicer, branch);
      }
      if (total >= most) [most, mostReport] = [total, branch];
    }
    report.push(...mostReport);
    return most;
  }

  private fieldCost(parent: string, field: GraphQLField<unknown, unknown> | undefined, nodes: FieldNode[], path: string, scale: number, sizedByParent: Size | undefined, slicer: Slicer | undefined, report: FieldCost[]): number {
    if (!field || field.name.startsWith('__')) return 0;
    const { model } = this.input;
    const coordinate = `${parent}.${field.name}`;
    const node = nodes[0];
    if (node.arguments?.length) this.selections.noteVariables(node);
    const args = argumentValues(field, node, this.input.variables);
    const rule = model.listSizes.get(coordinate);
    const slice = this.sliced(rule, args, path, coordinate);
    const isList = isListType(getNullableType(field.type));
    const sliceSize: Size | undefined = slice && { value: slice.value, from: `${slice.argument}: ${slice.value}`, slicer: { path, argument: slice.argument, size: slice.value } };
    // Where this field's cost can be cut by a slicing argument: its own, its connection's, or a list's above it.
    const cutAt = sliceSize?.slicer ?? sizedByParent?.slicer ?? slicer;

    let size: Size | undefined;
    if (isList) {
      size =
        sliceSize ??
        sizedByParent ??
        (rule?.assumedSize !== undefined ? { value: rule.assumedSize, from: 'assumed' } : { value: this.input.defaultListSize, from: 'default list size' });
    }
    // A connection: its slicing argument (or assumed size) sizes the child lists it names.
    let sizedChildren: Map<string, Size> | undefined;
    if (rule?.sizedFields) {
      const childSize = sliceSize ?? (rule.assumedSize !== undefined ? { value: rule.assumedSize, from: 'assumed' } : undefined);
      if (childSize) sizedChildren = new Map(rule.sizedFields.map((name) => [name, childSize]));
    }

    const type = getNamedType(field.type);
    const items = size ? size.value : 1;
    const children = isCompositeType(type) ? this.cost(type, subSelections(nodes), path, scale * items, sizedChildren, cutAt, report) : 0;
    const cost = items * (fieldWeight(model, parent, field) + children) + argumentsWeight(model, coordinate, args);
    if (cost > 0) report.push({ path, field: coordinate, cost: cost * scale, ...(size ? { listSize: size.value, sizeFrom: size.from } : {}), cut: this.cutFor(path, cutAt, size) });
    return cost;
  }
}

export interface EstimateResult extends CostEstimate {
  /** The variables the estimate depends on (slicing arguments, @skip/@include): a cache key needs only their values. */
  readVariables: ReadonlySet<string>;
}

export function estimateCost(input: EstimateInput): EstimateResult {
  const estimator = new Estimator(input);
  const root = input.schema.getRootType(input.operation.operation);
  const fields: FieldCost[] = [];
  const selected = root ? estimator.cost(root, [input.operation.selectionSet], '', 1, undefined, undefined, fields) : 0;
  const total = selected + (input.operation.operation === 'mutation' ? MUTATION_COST : 0);
  return { total, fields: fields.sort((a, b) => b.cost - a.cost), readVariables: estimator.selections.readVariables };
}

export const fragmentsOf = (document: { definitions: readonly { kind: string }[] }): Record<string, FragmentDefinitionNode> =>
  Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
