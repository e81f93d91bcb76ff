/**
 * The data source of a sharded subgraph (the `country` subgraph): Apollo's
 * query planner sees ONE subgraph; this sends each part of each subgraph
 * operation to the member whose data it is.
 *
 * - Entity fetches (`_entities`): representations are grouped by member code
 *   (the first key field present, e.g. `code` or `countryCode`), one request
 *   per member in parallel with only its representations; the answers are put
 *   back in the original order and error paths `["_entities", i, …]` re-indexed.
 * - Root fields: routed by their member argument (`country: "XK"` or
 *   `country: $c`, in any case). Root fields addressing different members are split into
 *   per-member operations, queries in parallel, mutations one after another
 *   in document order; `data` is merged by response key.
 * - A member that is down, too slow, refused by the contract check, or not in
 *   the config yields nulls for its part only, plus errors with
 *   `extensions: { code, country }` whose paths point at the fields it owes.
 *   The gateway maps `["_entities", i, field]` onto the entity's place in the
 *   response (executeQueryPlan's hydrated paths), and root paths stay as they are.
 */
import { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../lib/errors';
import type { MemberFailure, MemberOutcome } from '../members/member';
import type { MemberRegistry } from '../members/registry';
import type { MemberCallObserver } from '../observability/subgraphCalls';
import type { SubgraphResponse } from './subgraphDataSource';
import { RootField, SubgraphOperation, SubgraphOperationCache } from './subgraphOperation';
import { type IncomingOperation, RequestKind } from './requestKinds';

type Path = ReadonlyArray<string | number>;

/** A root field that names no member cannot be sent anywhere. */
export const UNROUTABLE_FIELD = 'UNROUTABLE_FIELD';

export interface ValueRouterOptions {
  registry: MemberRegistry;
  /** Key fields naming the member in a representation, first present wins. */
  keyFields: string[];
  /** The root-field argument naming the member. */
  argument: string;
  /** Wraps every call to a member (metrics, the `member.call` span). */
  observe?: MemberCallObserver;
}

/** Root fields sent to one member in one operation. */
interface Batch {
  member: string;
  responseKeys: Set<string>;
}

export class ValueRouter implements GraphQLDataSource {
  private readonly operations: SubgraphOperationCache;

  constructor(private readonly options: ValueRouterOptions) {
    this.operations = new SubgraphOperationCache(options.argument);
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    if (options.kind !== RequestKind.INCOMING_OPERATION) return this.answerAsContract(options);
    return this.route(options);
  }

  private async route(options: IncomingOperation): Promise<SubgraphResponse> {
    const { query } = options.request;
    if (!query) throw new Error('Missing query');
    const operation = this.operations.get(query, options.document);
    return operation.isEntityFetch ? this.routeEntities(operation, options) : this.routeRootFields(operation, options);
  }

  private async routeEntities(operation: SubgraphOperation, options: IncomingOperation): Promise<SubgraphResponse> {
    const variables = options.request.variables ?? {};
    const representations = variables.representations as Array<Record<string, unknown>> | undefined;
    if (!Array.isArray(representations)) throw new Error('An _entities operation came without its representations');

    const byMember = new Map<string, number[]>();
    const unroutable: number[] = [];
    representations.forEach((representation, index) => {
      const member = this.memberOf(representation);
      if (member === undefined) unroutable.push(index);
      else (byMember.get(member) ?? byMember.set(member, []).get(member)!).push(index);
    });

    const entities: unknown[] = new Array(representations.length).fill(null);
    const errorsByGroup = await Promise.all(
      [...byMember].map(async ([member, indices]) => {
        const own = indices.map((i) => representations[i]);
        const outcome = await this.send(member, options, { ...variables, representations: own });
        if (!outcome.ok) return indices.flatMap((i) => this.entityFailure(operation, representations[i], i, outcome.failure));
        const received = outcome.response.data?._entities;
        if (Array.isArray(received)) indices.forEach((original, j) => (entities[original] = received[j] ?? null));
        return (outcome.response.errors ?? []).map((error) => withMember(reindexEntityError(error, indices), member));
      }),
    );
    const errors = errorsByGroup.flat();
    for (const index of unroutable) {
      errors.push({
        message: `An entity of the ${this.options.registry.subgraph} subgraph names no member (none of ${this.options.keyFields.join(', ')} in its key)`,
        path: ['_entities', index],
        extensions: { code: ErrorCode.UNKNOWN_MEMBER },
      });
    }
    return errors.length > 0 ? { data: { _entities: entities }, errors } : { data: { _entities: entities } };
  }

  private async routeRootFields(operation: SubgraphOperation, options: IncomingOperation): Promise<SubgraphResponse> {
    const variables = options.request.variables ?? {};
    const data: Record<string, unknown> = {};
    const errors: GraphQLFormattedError[] = [];
    const batches: Batch[] = [];

    for (const field of operation.rootFields) {
      const member = this.memberOfField(field, variables);
      if (typeof member !== 'string') {
        data[field.responseKey] = null;
        errors.push({ ...member, path: [field.responseKey] });
        continue;
      }
      // Queries: one batch per member. Mutations: a new batch whenever the member changes, to keep document order.
      const batch = operation.kind === 'mutation' ? batches.at(-1) : batches.find((b) => b.member === member);
      if (batch && batch.member === member) batch.responseKeys.add(field.responseKey);
      else batches.push({ member, responseKeys: new Set([field.responseKey]) });
    }

    if (batches.length === 1 && errors.length === 0) {
      // The usual case: the whole operation is for one member and goes as it is.
      const [{ member, responseKeys }] = batches;
      this.mergeRoot(data, errors, responseKeys, member, await this.send(member, options, variables));
      return errors.length > 0 ? { data, errors } : { data };
    }

    const sendBatch = async (batch: Batch): Promise<MemberOutcome> => {
      const { query, variables: used } = operation.only(batch.responseKeys);
      const own = Object.fromEntries(used.filter((name) => name in variables).map((name) => [name, variables[name]]));
      return this.send(batch.member, { ...options, document: undefined }, own, query);
    };
    if (operation.kind === 'mutation') {
      for (const batch of batches) this.mergeRoot(data, errors, batch.responseKeys, batch.member, await sendBatch(batch));
    } else {
      const outcomes = await Promise.all(batches.map(sendBatch));
      batches.forEach((batch, i) => this.mergeRoot(data, errors, batch.responseKeys, batch.member, outcomes[i]));
    }
    if (batches.length === 0 && errors.length === 0) data.__typename = operation.kind === 'mutation' ? 'Mutation' : 'Query';
    return errors.length > 0 ? { data, errors } : { data };
  }

  /** A member's answer into the whole: its data by response key, or nulls and its failure for each of its fields. */
  private mergeRoot(data: Record<string, unknown>, errors: GraphQLFormattedError[], responseKeys: Set<string>, member: string, outcome: MemberOutcome): void {
    if (outcome.ok) {
      const answered = outcome.response.data ?? {};
      for (const key of Object.keys(answered)) data[key] = answered[key];
      for (const key of responseKeys) if (!(key in data)) data[key] = null;
      errors.push(...(outcome.response.errors ?? []).map((error) => withMember(error, member)));
    } else {
      for (const key of responseKeys) {
        data[key] = null;
        errors.push(failureError(outcome.failure, [key]));
      }
    }
  }

  /** One member's request: the same operation (or its cut-down text) with the member's variables. */
  private send(member: string, options: IncomingOperation, variables: Record<string, unknown>, query = options.request.query): Promise<MemberOutcome> {
    const target = this.options.registry.get(member);
    if (!target) return Promise.resolve({ ok: false, failure: unknownMember(member, this.options.registry) });
    // A fresh request object per member: the data source writes its own `http` onto it.
    const request = { ...options.request, query, variables };
    const call = () => target.send({ ...options, request });
    return this.options.observe ? this.options.observe(this.options.registry.subgraph, member, call) : call();
  }

  private memberOf(representation: Record<string, unknown>): string | undefined {
    for (const key of this.options.keyFields) {
      const value = representation[key];
      if (typeof value === 'string') return value;
    }
    return undefined;
  }

  /** The member a root field addresses, or the error that says why it cannot be routed. */
  private memberOfField(field: RootField, variables: Record<string, unknown>): string | GraphQLFormattedError {
    const { argument, registry } = this.options;
    const value = field.memberArgument;
    if (!value) {
      return {
        message: `${field.name} cannot be routed: every root field of the sharded ${registry.subgraph} subgraph must name its member in the "${argument}" argument`,
        extensions: { code: UNROUTABLE_FIELD },
      };
    }
    const code = value.kind === 'Variable' ? variables[value.name.value] : value.kind === 'StringValue' ? value.value : undefined;
    // Codes in any case ("xk") reach the member whose code it is; the member reads them in capitals too.
    if (typeof code === 'string') return code.trim().toUpperCase();
    return { message: `${field.name}: "${argument}" must name a member code, e.g. "XK"`, extensions: { code: ErrorCode.BAD_USER_INPUT, field: argument } };
  }

  /** Errors for an entity whose member failed: one per field it owes, at that field. */
  private entityFailure(operation: SubgraphOperation, representation: Record<string, unknown>, index: number, failure: MemberFailure): GraphQLFormattedError[] {
    const typename = typeof representation.__typename === 'string' ? representation.__typename : '';
    const keys = operation.entityKeys(typename);
    return keys.length > 0 ? keys.map((key) => failureError(failure, ['_entities', index, key])) : [failureError(failure, ['_entities', index])];
  }

  /** Schema loading and health checks address the logical subgraph: its schema is the contract. */
  private async answerAsContract(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    if (options.request.query?.includes('_service')) return { data: { _service: { sdl: this.options.registry.contract.sdl } } };
    return { data: { __typename: 'Query' } };
  }
}

function failureError(failure: MemberFailure, path: Path): GraphQLFormattedError {
  return { message: failure.message, path, extensions: { code: failure.code, country: failure.country, ...(failure.reason ? { reason: failure.reason } : {}) } };
}

function unknownMember(requested: string, registry: MemberRegistry): MemberFailure {
  // Never echo a hostile 50 KB "code" back (twice): a member code is two letters.
  const code = requested.length > 16 ? `${requested.slice(0, 16)}…` : requested;
  return {
    code: ErrorCode.UNKNOWN_MEMBER,
    country: code,
    message: `Unknown member "${code}": the gateway has no ${registry.subgraph} subgraph configured for it (configured: ${registry.codes().join(', ')})`,
  };
}

/** A member's own errors say which member they come from. */
function withMember(error: GraphQLFormattedError, member: string): GraphQLFormattedError {
  if (error.extensions?.country !== undefined) return error;
  return { ...error, extensions: { ...error.extensions, country: member } };
}

/** `["_entities", j, …]` in a member's answer is `["_entities", indices[j], …]` in the whole fetch. */
function reindexEntityError(error: GraphQLFormattedError, indices: number[]): GraphQLFormattedError {
  const path = error.path;
  if (!path || path[0] !== '_entities' || typeof path[1] !== 'number' || indices[path[1]] === undefined) return error;
  return { ...error, path: ['_entities', indices[path[1]], ...path.slice(2)] };
}
