/**
 * Hostile-query limits for the gateway's Apollo Server, from one typed options
 * object. Each refusal names the limit it hit — "Query depth 14 exceeds the
 * maximum of 12" — with `extensions.code` and `extensions.limit`.
 *
 * Where each limit is enforced, and why:
 * - tokens: graphql-js's own `parseOptions.maxTokens`, which stops parsing at
 *   the limit (graphql-armor's token plugin parses a second time, and throws
 *   from a hook that Apollo Server 5 turns into a 500);
 * - depth, aliases, directives: graphql-armor's validation rules;
 * - root fields: a small validation rule here (no library has one);
 * - cost: the IBM cost directives (@cost, @listSize) of the supergraph,
 *   against the caller's budget by role, after validation, when the
 *   variables are known (gateway/cost);
 * - body size, batch size, malformed JSON: express, before Apollo;
 * - field suggestions hidden, stack traces never sent, CSRF prevention on:
 *   Apollo Server's own options.
 */
import express, { type RequestHandler } from 'express';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { readBoolean, readEnv, readPositiveInteger } from '../../lib/config/env';
import { DEFAULT_COST_BUDGETS, parseBudgets, type CostBudgets } from '../cost/budgets';
import { costLimitPlugin, type CostObserver } from '../cost/costPlugin';
import { sendGraphQLHttpError } from '../../lib/security/httpError';
import { isProduction } from '../../lib/security/config';

export interface QueryLimitsOptions {
  /** Deepest selection allowed (`{ a { b } }` has depth 2; introspection's `__schema` does not count). Default 12. */
  maxDepth?: number;
  /** Aliases allowed in one operation, fragments included (`__typename` aliases are free). Default 20. */
  maxAliases?: number;
  /** Directives allowed in one operation. Default 25. */
  maxDirectives?: number;
  /** Distinct root fields allowed in one operation. Default 15. */
  maxRootFields?: number;
  /** Lexical tokens allowed in a document; parsing stops at the limit. Default 2000. */
  maxTokens?: number;
  /** Cost budget of an operation for a caller with no budgeted role (gateway/cost: IBM cost directives). Default 5000. */
  maxCost?: number;
  /** Cost budgets by role (anonymous, analyst, procurement, ministry); a caller gets its roles' largest. Unset ones: gateway/cost/budgets.ts. */
  costBudgets?: Partial<Omit<CostBudgets, 'default'>>;
  /** How many items a list field without `@listSize` is assumed to return when costing. Default 10. */
  defaultListSize?: number;
  /** Largest request body accepted, in bytes. Default 102400 (100 KiB). */
  maxBodyBytes?: number;
  /** Operations allowed in one batched HTTP request; 1 turns batching off. Default 1. */
  maxBatchSize?: number;
  /** Whether the schema may be introspected (the playground needs it). Default: on, except with NODE_ENV=production. */
  introspection?: boolean;
}
export type QueryLimits = Required<Omit<QueryLimitsOptions, 'costBudgets'>> & { costBudgets: Omit<CostBudgets, 'default'> };
export type LimitName = Exclude<keyof QueryLimits, 'defaultListSize' | 'costBudgets' | 'introspection'>;

export function defaultQueryLimits(): QueryLimits {
  return {
    maxDepth: 12,
    maxAliases: 20,
    maxDirectives: 25,
    maxRootFields: 15,
    maxTokens: 2000,
    maxCost: DEFAULT_COST_BUDGETS.default,
    costBudgets: rolesOf(DEFAULT_COST_BUDGETS),
    defaultListSize: 10,
    maxBodyBytes: 100 * 1024,
    maxBatchSize: 1,
    introspection: !isProduction(),
  };
}

/** The budgets by role, without the default one (which is `maxCost`). */
function rolesOf<T extends Partial<CostBudgets>>(budgets: T): Omit<T, 'default'> {
  const { default: _default, ...byRole } = budgets;
  return byRole;
}

const definedOnly = <T extends object>(options: T): Partial<T> => Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;

/** Every budget by name: `maxCost` is the default one. */
export function costBudgetsOf(limits: QueryLimits): CostBudgets {
  return { default: limits.maxCost, ...limits.costBudgets };
}

/**
 * The limits set by GRAPHQL_* variables (see lib/config/env.ts) over `base`
 * (the federation config's `cost`); unset ones keep their defaults.
 */
export function queryLimitsFromEnv(base: QueryLimitsOptions = {}): QueryLimits {
  const fallback = defaultQueryLimits();
  const defaults: QueryLimits = { ...fallback, ...definedOnly(base), costBudgets: { ...fallback.costBudgets, ...definedOnly(rolesOf(base.costBudgets ?? {})) } };
  const budgetsText = readEnv('GRAPHQL_COST_BUDGETS');
  const envBudgets = budgetsText === undefined ? {} : parseBudgets(budgetsText, 'Environment variable GRAPHQL_COST_BUDGETS');
  return {
    maxDepth: readPositiveInteger('GRAPHQL_MAX_DEPTH', defaults.maxDepth),
    maxAliases: readPositiveInteger('GRAPHQL_MAX_ALIASES', defaults.maxAliases),
    maxDirectives: readPositiveInteger('GRAPHQL_MAX_DIRECTIVES', defaults.maxDirectives),
    maxRootFields: readPositiveInteger('GRAPHQL_MAX_ROOT_FIELDS', defaults.maxRootFields),
    maxTokens: readPositiveInteger('GRAPHQL_MAX_TOKENS', defaults.maxTokens),
    maxCost: readPositiveInteger('GRAPHQL_MAX_COST', envBudgets.default ?? defaults.maxCost),
    costBudgets: { ...defaults.costBudgets, ...rolesOf(envBudgets) },
    // GRAPHQL_LIST_COST_FACTOR: its former name, still read.
    defaultListSize: readPositiveInteger('GRAPHQL_DEFAULT_LIST_SIZE', readPositiveInteger('GRAPHQL_LIST_COST_FACTOR', defaults.defaultListSize)),
    maxBodyBytes: readPositiveInteger('GRAPHQL_MAX_BODY_BYTES', defaults.maxBodyBytes),
    maxBatchSize: readPositiveInteger('GRAPHQL_MAX_BATCH', defaults.maxBatchSize),
    introspection: readEnv('GRAPHQL_INTROSPECTION') === undefined ? defaults.introspection : readBoolean('GRAPHQL_INTROSPECTION', defaults.introspection),
  };
}

/** Apollo Server options to spread into `new ApolloServer({ gateway, ...apolloOptions })`. */
export interface ApolloLimitOptions {
  plugins: ApolloServerPlugin<BaseContext>[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  introspection: boolean;
  allowBatchedHttpRequests: boolean;
  includeStacktraceInErrorResponses: false;
  hideSchemaDetailsFromClientErrors: true;
  csrfPrevention: true;
  maxRecursiveSelections: true;
}

export interface QueryLimitsSetup {
  limits: QueryLimits;
  apolloOptions: ApolloLimitOptions;
  /** Mount on /graphql in front of `expressMiddleware` (instead of express.json): the size-limited JSON parser and the batch check. */
  httpMiddleware: RequestHandler[];
}

function limitError(limit: LimitName, message: string, maximum: number, found?: number): GraphQLError {
  return new GraphQLError(message, { extensions: { limit, maximum, ...(found === undefined ? {} : { found }) } });
}

/** graphql-armor reports "… limit of 12 exceeded, found 14."; this restates it in our words, naming the limit. */
function armorReporter(limit: LimitName, maximum: number, describe: (found: string) => string) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    const found = /found (\d+)/.exec(error.message)?.[1];
    context?.reportError(limitError(limit, found ? describe(found) : `The operation exceeds ${limit} (${maximum})`, maximum, found ? Number(found) : undefined));
  };
}

/** Counts the distinct response keys at the root of an operation, through fragments. */
function rootResponseKeys(context: ValidationContext, selectionSet: SelectionSetNode, keys: Set<string>, seenFragments: Set<string>): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') keys.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootResponseKeys(context, selection.selectionSet, keys, seenFragments);
    } else if (!seenFragments.has(selection.name.value)) {
      seenFragments.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) rootResponseKeys(context, fragment.selectionSet, keys, seenFragments);
    }
  }
  return keys;
}

export function maxRootFieldsRule(maximum: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const found = rootResponseKeys(context, operation.selectionSet, new Set(), new Set()).size;
      if (found > maximum) context.reportError(limitError('maxRootFields', `Operation selects ${found} root fields, more than the maximum of ${maximum}`, maximum, found));
    },
  });
}

/**
 * graphql-js words its token-limit error itself ("Document contains more that
 * N tokens"); this restates it like the other limits, with `extensions.limit`,
 * in the hook where Apollo Server hands over the parse error.
 */
export function tokenLimitPlugin(maxTokens: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart() {
          return async (error?: Error) => {
            if (!(error instanceof GraphQLError) || !/Document contains more tha[nt] \d+ tokens/.test(error.message)) return;
            error.message = `Document has more than ${maxTokens} tokens, the maximum; parsing stopped`;
            Object.assign(error.extensions, { limit: 'maxTokens', maximum: maxTokens });
          };
        },
      };
    },
  };
}

function jsonBody(maxBodyBytes: number): RequestHandler {
  const parse = express.json({ limit: maxBodyBytes });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if (error === undefined) return next();
      const failure = error as { type?: string; status?: number; message?: string };
      if (failure.type === 'entity.too.large') {
        return sendGraphQLHttpError(res, 413, `Request body exceeds the maximum of ${maxBodyBytes} bytes`, { code: 'PAYLOAD_TOO_LARGE', limit: 'maxBodyBytes', maximum: maxBodyBytes });
      }
      if (failure.type === 'entity.parse.failed') return sendGraphQLHttpError(res, 400, 'The request body is not valid JSON', { code: 'BAD_REQUEST' });
      if (failure.status !== undefined && failure.status < 500) return sendGraphQLHttpError(res, failure.status, failure.message ?? 'Bad request', { code: 'BAD_REQUEST' });
      next(error);
    });
}

function batchLimit(maxBatchSize: number): RequestHandler {
  return (req, res, next) => {
    if (Array.isArray(req.body) && req.body.length > maxBatchSize) {
      const message =
        maxBatchSize === 1
          ? `Batched requests are not accepted (got ${req.body.length} operations)`
          : `Batch of ${req.body.length} operations exceeds the maximum of ${maxBatchSize}`;
      return sendGraphQLHttpError(res, 400, message, { code: 'BAD_REQUEST', limit: 'maxBatchSize', maximum: maxBatchSize, found: req.body.length });
    }
    next();
  };
}

/**
 * Everything the gateway needs to refuse hostile queries, from one options
 * object (defaults for anything unset); `observeCost` is told every
 * operation's estimated and actual cost (the gateway's metrics).
 */
export function queryLimits(options: QueryLimitsOptions = {}, observeCost?: CostObserver): QueryLimitsSetup {
  const fallback = defaultQueryLimits();
  const limits: QueryLimits = { ...fallback, ...definedOnly(options), costBudgets: { ...fallback.costBudgets, ...definedOnly(rolesOf(options.costBudgets ?? {})) } };
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, propagateOnRejection: false, onReject: [armorReporter('maxDepth', limits.maxDepth, (found) => `Query depth ${found} exceeds the maximum of ${limits.maxDepth}`)] },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [armorReporter('maxAliases', limits.maxAliases, (found) => `Query uses ${found} aliases, more than the maximum of ${limits.maxAliases}`)] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [armorReporter('maxDirectives', limits.maxDirectives, (found) => `Query uses ${found} directives, more than the maximum of ${limits.maxDirectives}`)] },
    // Replaced, see the module comment: cost by gateway/cost (IBM cost directives), tokens by graphql-js, suggestions by Apollo.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    limits,
    apolloOptions: {
      plugins: [...armor.plugins, tokenLimitPlugin(limits.maxTokens), costLimitPlugin({ budgets: costBudgetsOf(limits), defaultListSize: limits.defaultListSize, observe: observeCost })],
      validationRules: [...armor.validationRules, maxRootFieldsRule(limits.maxRootFields)],
      parseOptions: { maxTokens: limits.maxTokens },
      introspection: limits.introspection,
      allowBatchedHttpRequests: limits.maxBatchSize > 1,
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: true,
      csrfPrevention: true,
      maxRecursiveSelections: true,
    },
    httpMiddleware: [jsonBody(limits.maxBodyBytes), batchLimit(limits.maxBatchSize)],
  };
}
