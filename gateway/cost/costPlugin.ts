/**
 * Demand control for the gateway's Apollo Server: each operation's cost is
 * estimated from the supergraph's @cost/@listSize directives (estimate.ts)
 * before anything is planned, and refused over the caller's budget
 * (budgets.ts) with the three costliest fields and how to cut them. After
 * execution the actual cost is counted from the response (actual.ts) and
 * reported (metrics), and, when the client sends `jpg-cost: true`, answered in
 * `extensions.cost` next to the estimate.
 *
 * The directives come from the supergraph Apollo Server loads (ours, a
 * `--supergraph` file, or a recomposition); a supergraph without them is
 * costed with the defaults (objects 1, scalars 0, lists GRAPHQL_DEFAULT_LIST_SIZE).
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getVariableValues, GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Identity } from '../../lib/security/roles';
import { actualCost } from './actual';
import { budgetFor, type Budget, type BudgetName, type CostBudgets } from './budgets';
import { costModelFromSchema, costModelFromSdl, EMPTY_COST_MODEL, type CostModel } from './costModel';
import { estimateCost, fragmentsOf, SlicingArgumentError, type EstimateResult, type FieldCost } from './estimate';
import { TooManySelectionsError } from './selections';

/** The request header that asks for `extensions.cost` in the answer. */
export const COST_HEADER = 'jpg-cost';

/** How many of the costliest fields a refusal (and extensions.cost) names. */
export const COSTLIEST_NAMED = 3;

export interface CostLimitOptions {
  budgets: CostBudgets;
  /** Size of a list without @listSize. */
  defaultListSize: number;
  /** Told every estimate and actual cost (metrics). */
  observe?: CostObserver;
}

export interface CostObserver {
  estimated(operation: string | undefined, budget: BudgetName, cost: number): void;
  refused(operation: string | undefined, budget: BudgetName): void;
  actual(operation: string | undefined, budget: BudgetName, cost: number): void;
}

/** What `extensions.cost` holds when asked for. */
export interface CostReport {
  estimated: number;
  actual: number;
  maximum: number;
  budget: BudgetName;
  costliest: FieldCost[];
}

/** A cost refusal is a validation failure, as the other limits' are (same code and status); `reason` tells it apart. */
function costRefusal(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COST_LIMIT_EXCEEDED', limit: 'maxCost', ...extensions, http: { status: 400 } } });
}

const describeField = (f: FieldCost): string => `${f.path} ${f.cost} (${f.cut})`;

/**
 * Estimates by document and operation, then by the values of the variables
 * that estimate read (slicing arguments, @skip/@include): the same question
 * with another `$id` is one entry. Cleared when the schema changes.
 */
class EstimateCache {
  private documents = new Map<string, { readVariables: string[]; byValues: Map<string, EstimateResult> }>();

  constructor(
    private readonly maxDocuments = 1000,
    private readonly maxVariants = 64,
  ) {}

  private static valuesKey(names: readonly string[], variables: Readonly<Record<string, unknown>>): string {
    return JSON.stringify(names.map((name) => variables[name] ?? null));
  }

  get(key: string, variables: Readonly<Record<string, unknown>>): EstimateResult | undefined {
    const entry = this.documents.get(key);
    return entry?.byValues.get(EstimateCache.valuesKey(entry.readVariables, variables));
  }

  set(key: string, variables: Readonly<Record<string, unknown>>, estimate: EstimateResult): void {
    let entry = this.documents.get(key);
    if (!entry || entry.byValues.size >= this.maxVariants) {
      if (this.documents.size >= this.maxDocuments) this.documents.delete(this.documents.keys().next().value!);
      entry = { readVariables: [...estimate.readVariables].sort(), byValues: new Map() };
      this.documents.set(key, entry);
    }
    entry.byValues.set(EstimateCache.valuesKey(entry.readVariables, variables), estimate);
  }

  clear(): void {
    this.documents.clear();
  }
}

interface Costed {
  estimate: EstimateResult;
  budget: Budget;
  operation: OperationDefinitionNode;
  document: DocumentNode;
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  refused: boolean;
}

export function costLimitPlugin(options: CostLimitOptions): ApolloServerPlugin<BaseContext> {
  let model: CostModel = EMPTY_COST_MODEL;
  const cache = new EstimateCache();
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema, coreSupergraphSdl }) {
          model = coreSupergraphSdl ? costModelFromSdl(coreSupergraphSdl) : costModelFromSchema(apiSchema);
          cache.clear();
        },
      };
    },
    async requestDidStart() {
      let costed: Costed | undefined;
      return {
        async didResolveOperation({ request, document, schema, operation, queryHash, contextValue }) {
          if (!operation) return; // no such operation in the document: refused elsewhere
          // Variables as execution will see them (their defaults applied); bad ones: execution refuses them, precisely.
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return;
          const variables = coerced.coerced;
          const budget = budgetFor((contextValue as { identity?: Identity }).identity, options.budgets);
          const name = operation.name?.value;
          const key = `${queryHash}\n${name ?? ''}`;
          let estimate = cache.get(key, variables);
          if (!estimate) {
            try {
              estimate = estimateCost({ schema, model, operation, fragments: fragmentsOf(document), variables, defaultListSize: options.defaultListSize });
            } catch (error) {
              if (error instanceof TooManySelectionsError) throw costRefusal(`Query is too large to cost (${error.message}); the maximum cost is ${budget.maximum}`, { maximum: budget.maximum, budget: budget.name });
              if (error instanceof SlicingArgumentError) {
                throw costRefusal(error.message, { reason: 'SLICING_ARGUMENT_REQUIRED', field: error.path, slicingArguments: error.slicingArguments, maximum: budget.maximum, budget: budget.name });
              }
              throw error;
            }
            cache.set(key, variables, estimate);
          }
          options.observe?.estimated(name, budget.name, estimate.total);
          costed = { estimate, budget, operation, document, schema, variables, refused: false };
          if (estimate.total <= budget.maximum) return;
          costed.refused = true;
          options.observe?.refused(name, budget.name);
          const costliest = estimate.fields.slice(0, COSTLIEST_NAMED);
          throw costRefusal(
            `Query cost ${estimate.total} exceeds the maximum of ${budget.maximum} (budget ${budget.name}). Costliest: ${costliest.map(describeField).join('; ')}`,
            { maximum: budget.maximum, found: estimate.total, estimated: estimate.total, budget: budget.name, costliest },
          );
        },
        async willSendResponse({ response, request }) {
          if (!costed || costed.refused || response.body.kind !== 'single') return;
          const { estimate, budget, operation, document, schema, variables } = costed;
          const result = response.body.singleResult;
          const actual = actualCost({ schema, model, operation, fragments: fragmentsOf(document), variables, data: result.data });
          options.observe?.actual(operation.name?.value, budget.name, actual);
          if (request.http?.headers.get(COST_HEADER)?.trim().toLowerCase() !== 'true') return;
          const report: CostReport = { estimated: estimate.total, actual, maximum: budget.maximum, budget: budget.name, costliest: estimate.fields.slice(0, COSTLIEST_NAMED) };
          result.extensions = { ...result.extensions, cost: report };
        },
      };
    },
  };
}
