/**
 * The selections of an operation as execution will see them: fields merged by
 * response key, fragments applied to the object type at hand, @skip/@include
 * decided by the variables. Shared by the estimate (before execution) and the
 * actual cost (from the response). Records every variable it reads, so an
 * estimate can be cached by the values of exactly those variables.
 */
import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  Kind,
  visit,
  type ASTNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** More field selections than this (after fragments are spread) are not costed: the operation is refused as too large. */
export const MAX_COSTED_SELECTIONS = 50_000;

export class TooManySelectionsError extends Error {
  constructor() {
    super(`more than ${MAX_COSTED_SELECTIONS} field selections once fragments are spread`);
  }
}

export class Selections {
  readonly readVariables = new Set<string>();
  private visited = 0;

  constructor(
    readonly schema: GraphQLSchema,
    private readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>,
    readonly variables: Readonly<Record<string, unknown>>,
  ) {}

  /** Notes the variables a node uses (its value depends on them). */
  noteVariables(node: ASTNode): void {
    visit(node, {
      Variable: (variable) => {
        this.readVariables.add(variable.name.value);
      },
    });
  }

  private included(node: FieldNode | { directives?: FieldNode['directives'] }): boolean {
    if (!node.directives?.length) return true;
    for (const directive of node.directives) if (directive.name.value === 'skip' || directive.name.value === 'include') this.noteVariables(directive);
    const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, this.variables as Record<string, unknown>);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, this.variables as Record<string, unknown>);
    return include?.if !== false;
  }

  private applies(typeCondition: string | undefined, type: GraphQLObjectType): boolean {
    if (!typeCondition || typeCondition === type.name) return true;
    const condition = this.schema.getType(typeCondition);
    return condition !== undefined && condition !== null && isAbstractType(condition) && this.schema.isSubType(condition, type);
  }

  /** The fields `selectionSets` select on an object of `type`, by response key. */
  fields(type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
    const fields = new Map<string, FieldNode[]>();
    const spread = new Set<string>();
    const collect = (selectionSet: SelectionSetNode): void => {
      for (const selection of selectionSet.selections) {
        if (!this.included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          if (++this.visited > MAX_COSTED_SELECTIONS) throw new TooManySelectionsError();
          const key = selection.alias?.value ?? selection.name.value;
          const nodes = fields.get(key);
          if (nodes) nodes.push(selection);
          else fields.set(key, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (this.applies(selection.typeCondition?.name.value, type)) collect(selection.selectionSet);
        } else {
          const name = selection.name.value;
          const fragment = this.fragments[name];
          if (spread.has(name) || !fragment || !this.applies(fragment.typeCondition.name.value, type)) continue;
          spread.add(name);
          collect(fragment.selectionSet);
        }
      }
    };
    for (const selectionSet of selectionSets) collect(selectionSet);
    return fields;
  }

  /** The object types a value of `type` can be. */
  objectTypes(type: GraphQLCompositeType): readonly GraphQLObjectType[] {
    return isAbstractType(type) ? this.schema.getPossibleTypes(type) : [type];
  }
}

/** The selection sets of every node of one response key (merged as execution merges them). */
export const subSelections = (nodes: readonly FieldNode[]): SelectionSetNode[] => nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
