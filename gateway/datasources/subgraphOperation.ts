/**
 * A subgraph operation as the value router needs to see it: its root fields
 * (through root-level fragments), which of them is `_entities`, which fields
 * an entity fetch selects per type, and the same operation cut down to some
 * of its root fields (unused fragments and variables pruned, since a subgraph
 * would refuse them). The query planner sends the same few operation texts
 * again and again, so analyses are cached by text.
 */
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  InlineFragmentNode,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
  parse,
  print,
  SelectionNode,
  SelectionSetNode,
  ValueNode,
  visit,
} from 'graphql';

export interface RootField {
  /** The alias if any, else the field name: what the field is called in `data`. */
  responseKey: string;
  name: string;
  /** The value of the argument naming the member (literal or variable), if the field has it. */
  memberArgument: ValueNode | undefined;
}

const ENTITIES_FIELD = '_entities';
const TYPENAME = '__typename';

export class SubgraphOperation {
  readonly operation: OperationDefinitionNode;
  readonly kind: OperationTypeNode;
  /** Root fields other than `__typename`, in document order. */
  readonly rootFields: RootField[];
  /** True when the operation is an entity fetch: `_entities(representations: …) { … }`. */
  readonly isEntityFetch: boolean;
  private readonly fragments: Map<string, FragmentDefinitionNode>;
  private readonly entityKeysByType = new Map<string, string[]>();
  private readonly splits = new Map<string, { query: string; variables: string[] }>();

  constructor(document: DocumentNode, memberArgument: string) {
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1) throw new Error(`A subgraph operation must hold exactly one operation (got ${operations.length})`);
    this.operation = operations[0];
    this.kind = this.operation.operation;
    this.fragments = new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
    );
    this.rootFields = this.fieldsOf(this.operation.selectionSet)
      .filter((f) => f.name.value !== TYPENAME)
      .map((f) => ({
        responseKey: f.alias?.value ?? f.name.value,
        name: f.name.value,
        memberArgument: f.arguments?.find((a) => a.name.value === memberArgument)?.value,
      }));
    this.isEntityFetch = this.rootFields.length === 1 && this.rootFields[0].name === ENTITIES_FIELD;
  }

  /**
   * The response keys an entity fetch selects on entities of `typename` (no
   * `__typename`): the fields that stay null when the entity's member fails.
   */
  entityKeys(typename: string): string[] {
    let keys = this.entityKeysByType.get(typename);
    if (!keys) {
      const entities = this.fieldsOf(this.operation.selectionSet).find((f) => f.name.value === ENTITIES_FIELD);
      const selected = entities?.selectionSet ? this.fieldsOf(entities.selectionSet, typename) : [];
      keys = [...new Set(selected.filter((f) => f.name.value !== TYPENAME).map((f) => f.alias?.value ?? f.name.value))];
      this.entityKeysByType.set(typename, keys);
    }
    return keys;
  }

  /**
   * This operation with only the root fields whose response keys are given
   * (`__typename` stays), and the names of the variables it still uses.
   */
  only(responseKeys: ReadonlySet<string>): { query: string; variables: string[] } {
    const cacheKey = [...responseKeys].sort().join('\u0000');
    let split = this.splits.get(cacheKey);
    if (!split) {
      split = this.buildSplit(responseKeys);
      this.splits.set(cacheKey, split);
    }
    return split;
  }

  private buildSplit(responseKeys: ReadonlySet<string>): { query: string; variables: string[] } {
    const selectionSet = this.keepRootFields(this.operation.selectionSet, (f) => f.name.value === TYPENAME || responseKeys.has(f.alias?.value ?? f.name.value));
    if (!selectionSet) throw new Error(`None of the root fields ${[...responseKeys].join(', ')} is in the operation`);
    const fragments = this.fragmentsUsedBy(selectionSet);
    const used = new Set<string>();
    const collect = { Variable: (node: { name: { value: string } }) => void used.add(node.name.value) };
    visit(selectionSet, collect);
    for (const fragment of fragments) visit(fragment, collect);
    const operation: OperationDefinitionNode = {
      ...this.operation,
      selectionSet,
      variableDefinitions: this.operation.variableDefinitions?.filter((v) => used.has(v.variable.name.value)),
    };
    return { query: print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }), variables: [...used] };
  }

  /** Fields of a selection set through inline fragments and fragment spreads (those for `typename`, if given). */
  private fieldsOf(selectionSet: SelectionSetNode, typename?: string): FieldNode[] {
    const fields: FieldNode[] = [];
    const walk = (selections: readonly SelectionNode[]) => {
      for (const selection of selections) {
        if (selection.kind === Kind.FIELD) fields.push(selection);
        else {
          const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragment(selection.name.value);
          if (typename === undefined || !fragment.typeCondition || fragment.typeCondition.name.value === typename) walk(fragment.selectionSet.selections);
        }
      }
    };
    walk(selectionSet.selections);
    return fields;
  }

  /** Root selections cut to the fields kept; root-level fragment spreads become inline fragments (their fragment may be cut differently per member). */
  private keepRootFields(selectionSet: SelectionSetNode, keep: (field: FieldNode) => boolean): SelectionSetNode | undefined {
    const selections: SelectionNode[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (keep(selection)) selections.push(selection);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragment(selection.name.value);
      const inner = this.keepRootFields(fragment.selectionSet, keep);
      if (!inner) continue;
      const inline: InlineFragmentNode = { kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: selection.directives, selectionSet: inner };
      selections.push(inline);
    }
    // Only __typename left means none of the kept fields is here.
    const meaningful = selections.some((s) => s.kind !== Kind.FIELD || s.name.value !== TYPENAME);
    return meaningful ? { kind: Kind.SELECTION_SET, selections } : undefined;
  }

  private fragmentsUsedBy(selectionSet: SelectionSetNode): FragmentDefinitionNode[] {
    const used = new Map<string, FragmentDefinitionNode>();
    const visitSpreads = (node: SelectionSetNode | FragmentDefinitionNode) =>
      visit(node, {
        FragmentSpread: (spread) => {
          const name = spread.name.value;
          if (used.has(name)) return;
          const fragment = this.fragment(name);
          used.set(name, fragment);
          visitSpreads(fragment);
        },
      });
    visitSpreads(selectionSet);
    return [...used.values()];
  }

  private fragment(name: string): FragmentDefinitionNode {
    const fragment = this.fragments.get(name);
    if (!fragment) throw new Error(`Fragment "${name}" is not defined in the operation`);
    return fragment;
  }
}

/** Analyses by operation text, least recently used dropped first. */
export class SubgraphOperationCache {
  private readonly entries = new Map<string, SubgraphOperation>();

  constructor(
    private readonly memberArgument: string,
    private readonly capacity = 1000,
  ) {}

  get(query: string, document?: DocumentNode): SubgraphOperation {
    let operation = this.entries.get(query);
    if (operation) {
      this.entries.delete(query);
    } else {
      operation = new SubgraphOperation(document ?? parse(query), this.memberArgument);
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(query, operation);
    return operation;
  }
}
