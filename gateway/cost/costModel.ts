/**
 * The cost directives of a schema (IBM GraphQL Cost Directive specification;
 * Federation 2.9's `@cost` and `@listSize`), read once per schema into plain
 * maps the estimator looks up by schema coordinate ("JointOrder.lines").
 *
 * A supergraph names them through its `@link(url: "https://specs.apollo.dev/cost/v0.1")`:
 * `@cost` is the feature's own directive (`@<as>` when renamed), `@listSize`
 * is `@listSize` when imported (or its import alias) and `@cost__listSize`
 * otherwise. A schema without that link (a plain subgraph, a hand-written
 * schema) is read by the spec's own names, `@cost` and `@listSize`. A schema
 * with neither gives an empty model: every weight and list size is a default.
 */
import {
  Kind,
  parse,
  print,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

export interface ListSizeRule {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
  /** The spec's default: true. */
  requireOneSlicingArgument: boolean;
}

export interface CostModel {
  /** `@cost` on a field ("Type.field"), argument ("Type.field(arg:)"), input field ("Input.field"), or type ("Type"). */
  weights: ReadonlyMap<string, number>;
  /** `@listSize` by field ("Type.field"). */
  listSizes: ReadonlyMap<string, ListSizeRule>;
}

export const EMPTY_COST_MODEL: CostModel = { weights: new Map(), listSizes: new Map() };

const COST_SPEC = /^https:\/\/specs\.apollo\.dev\/cost\/v0\.\d+$/;

interface DirectiveNames {
  cost: string;
  listSize: string;
}

function linkArgument(directive: ConstDirectiveNode, name: string): unknown {
  const argument = directive.arguments?.find((a) => a.name.value === name);
  return argument ? valueFromASTUntyped(argument.value) : undefined;
}

/** The names the cost directives go by in this document, from its `@link` to the cost spec. */
function directiveNames(document: DocumentNode): DirectiveNames {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link' || !COST_SPEC.test(String(linkArgument(link, 'url')))) continue;
      const prefix = String(linkArgument(link, 'as') ?? 'cost').replace(/^@/, '');
      const names: DirectiveNames = { cost: prefix, listSize: `${prefix}__listSize` };
      const imports = linkArgument(link, 'import');
      for (const entry of Array.isArray(imports) ? imports : []) {
        const { name, as } = typeof entry === 'string' ? { name: entry, as: entry } : (entry as { name: string; as?: string });
        const local = String(as ?? name).replace(/^@/, '');
        if (name === '@cost') names.cost = local;
        if (name === '@listSize') names.listSize = local;
      }
      return names;
    }
  }
  return { cost: 'cost', listSize: 'listSize' };
}

function readWeight(directives: readonly ConstDirectiveNode[] | undefined, names: DirectiveNames): number | undefined {
  const cost = directives?.find((d) => d.name.value === names.cost);
  if (!cost) return undefined;
  // The IBM draft spells the weight as a string ("2.5"), Federation as an Int: both are read as a number.
  const weight = Number(linkArgument(cost, 'weight'));
  return Number.isFinite(weight) && weight >= 0 ? weight : undefined;
}

function readListSize(directives: readonly ConstDirectiveNode[] | undefined, names: DirectiveNames): ListSizeRule | undefined {
  const directive = directives?.find((d) => d.name.value === names.listSize);
  if (!directive) return undefined;
  const assumedSize = linkArgument(directive, 'assumedSize');
  const slicing = linkArgument(directive, 'slicingArguments');
  const sized = linkArgument(directive, 'sizedFields');
  const requireOne = linkArgument(directive, 'requireOneSlicingArgument');
  return {
    ...(typeof assumedSize === 'number' && assumedSize >= 0 ? { assumedSize } : {}),
    ...(Array.isArray(slicing) && slicing.length > 0 ? { slicingArguments: slicing.map(String) } : {}),
    ...(Array.isArray(sized) && sized.length > 0 ? { sizedFields: sized.map(String) } : {}),
    requireOneSlicingArgument: requireOne !== false,
  };
}

function readDefinition(definition: DefinitionNode, names: DirectiveNames, weights: Map<string, number>, listSizes: Map<string, ListSizeRule>): void {
  if (!('name' in definition) || !definition.name || !('directives' in definition)) return;
  const type = definition.name.value;
  const typeWeight = readWeight(definition.directives as readonly ConstDirectiveNode[] | undefined, names);
  if (typeWeight !== undefined) weights.set(type, typeWeight);
  if (definition.kind === Kind.ENUM_TYPE_DEFINITION || definition.kind === Kind.SCALAR_TYPE_DEFINITION) return;
  if (!('fields' in definition) || !definition.fields) return;
  for (const field of definition.fields) {
    const coordinate = `${type}.${field.name.value}`;
    const weight = readWeight(field.directives, names);
    if (weight !== undefined) weights.set(coordinate, weight);
    if (field.kind === Kind.FIELD_DEFINITION) {
      const rule = readListSize(field.directives, names);
      if (rule) listSizes.set(coordinate, rule);
      for (const argument of field.arguments ?? []) {
        const argumentWeight = readWeight(argument.directives, names);
        if (argumentWeight !== undefined) weights.set(`${coordinate}(${argument.name.value}:)`, argumentWeight);
      }
    }
  }
}

/** The cost model of an SDL: a supergraph (cost spec names from its @link) or any schema using @cost/@listSize. */
export function costModelFromSdl(sdl: string | DocumentNode): CostModel {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const names = directiveNames(document);
  const weights = new Map<string, number>();
  const listSizes = new Map<string, ListSizeRule>();
  for (const definition of document.definitions) readDefinition(definition, names, weights, listSizes);
  return { weights, listSizes };
}

/** The cost model of a schema built from SDL (its AST nodes keep the directives); empty for one built in code. */
export function costModelFromSchema(schema: GraphQLSchema): CostModel {
  const nodes = Object.values(schema.getTypeMap()).flatMap((type) => [type.astNode, ...(type.extensionASTNodes ?? [])]).filter((node) => node !== undefined && node !== null);
  if (nodes.length === 0) return EMPTY_COST_MODEL;
  const schemaNodes = [schema.astNode, ...schema.extensionASTNodes].filter((node) => node !== undefined && node !== null);
  return costModelFromSdl(parse([...schemaNodes, ...nodes].map((node) => print(node!)).join('\n')));
}
