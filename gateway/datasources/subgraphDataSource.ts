/**
 * Where every request leaves the gateway for a subgraph: procurement, each
 * member's country subgraph, the contract checks, live introspection. One
 * class, so that what every outgoing request needs (identity headers, request
 * signing) is added in ONE place: `hooks`.
 *
 * On top of Apollo's RemoteGraphQLDataSource:
 * - a timeout per subgraph (members have one): the request is aborted and a
 *   `SubgraphTimeoutError` thrown;
 * - a subgraph's 4xx answer that is a GraphQL response (e.g. a variable its
 *   scalar refused) is passed on as the errors it carries, with their codes
 *   and fields, rather than as a bare "400: Bad Request".
 */
import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { GraphQLError, GraphQLFormattedError } from 'graphql';

export type SubgraphRequest = GraphQLDataSourceProcessOptions['request'];
export type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** Which service a request is for: the subgraph and, for a sharded one, the member. */
export interface SubgraphTarget {
  subgraph: string;
  member?: string;
}

/** Extension points for every outgoing subgraph request (security adds identity and signatures here). */
export interface OutgoingRequestHooks {
  /** Before the request is serialised: may set headers on `options.request.http.headers` (e.g. the caller's verified identity from `options.context`). */
  willSendRequest?(options: GraphQLDataSourceProcessOptions, target: SubgraphTarget): void | Promise<void>;
  /** Just before the HTTP call, with the exact body sent: may add headers to `init.headers` (e.g. a signature over the body). */
  willFetch?(url: string, init: FetcherRequestInit & { headers: Record<string, string> }, target: SubgraphTarget): void | Promise<void>;
}

export interface SubgraphDataSourceOptions extends SubgraphTarget {
  url: string;
  /** Abort after so many milliseconds; unset: no limit of our own. */
  timeoutMs?: number;
  hooks?: OutgoingRequestHooks[];
}

/** Codes of a subgraph that could not be asked at all (members get MEMBER_* codes instead: see members/member.ts). */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';
export const SUBGRAPH_TIMEOUT = 'SUBGRAPH_TIMEOUT';

/** The subgraph did not answer in time; the request was aborted. */
export class SubgraphTimeoutError extends GraphQLError {
  constructor(
    readonly target: SubgraphTarget,
    readonly timeoutMs: number,
  ) {
    super(`${capitalised(describeTarget(target))} did not answer within ${timeoutMs} ms`, { extensions: { code: SUBGRAPH_TIMEOUT } });
    this.name = 'SubgraphTimeoutError';
  }
}

/** No answer at all: connection refused or reset, name not resolved… `reason` says which. */
export class SubgraphUnavailableError extends GraphQLError {
  constructor(
    readonly target: SubgraphTarget,
    readonly reason: string,
    cause: unknown,
  ) {
    super(`${capitalised(describeTarget(target))} is unavailable (${reason})`, { extensions: { code: SUBGRAPH_UNAVAILABLE }, originalError: cause as Error });
    this.name = 'SubgraphUnavailableError';
  }
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const describeTarget = (target: SubgraphTarget): string =>
  target.member ? `member ${target.member}'s ${target.subgraph} subgraph` : `the ${target.subgraph} subgraph`;

export class SubgraphDataSource extends RemoteGraphQLDataSource {
  readonly target: SubgraphTarget;
  private readonly hooks: OutgoingRequestHooks[];

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url });
    this.target = { subgraph: options.subgraph, ...(options.member ? { member: options.member } : {}) };
    this.hooks = options.hooks ?? [];
    const transport = options.timeoutMs ? withTimeout(this.target, options.timeoutMs) : this.fetcher;
    this.fetcher = this.hooks.some((h) => h.willFetch) ? this.withFetchHooks(transport) : transport;
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      const answered = graphqlResponseIn(error);
      if (answered) return answered;
      throw error;
    }
  }

  /** A failure without an HTTP answer becomes an error a client can read (the default would be masked as internal). */
  override didEncounterError(error: Error): never {
    if (error instanceof GraphQLError) throw error;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = (error as { code?: string }).code ?? cause?.code ?? cause?.message ?? error.message;
    throw new SubgraphUnavailableError(this.target, reason, error);
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions): Promise<void> {
    for (const hook of this.hooks) await hook.willSendRequest?.(options, this.target);
  }

  private withFetchHooks(transport: Fetcher): Fetcher {
    return async (url, init = {}) => {
      const prepared = { ...init, headers: { ...(init.headers ?? {}) } };
      for (const hook of this.hooks) await hook.willFetch?.(url, prepared, this.target);
      return transport(url, prepared);
    };
  }
}

/**
 * Node's fetch with an abort signal: it covers the whole exchange, body
 * included, so a member that stalls mid-answer is cut off too.
 */
function withTimeout(target: SubgraphTarget, timeoutMs: number): Fetcher {
  return async (url, init = {}) => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(url, { ...init, signal });
      // Read the body under the same signal; hand on a response whose body is already here.
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      if (signal.aborted) throw new SubgraphTimeoutError(target, timeoutMs);
      throw error;
    }
  };
}

/** RemoteGraphQLDataSource throws on a non-2xx status; if the body was a GraphQL response, that is the answer. */
function graphqlResponseIn(error: unknown): SubgraphResponse | undefined {
  const response = (error as { extensions?: { response?: { status?: number; body?: unknown } } }).extensions?.response;
  const body = response?.body as { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] } | undefined;
  if (!response || typeof response.status !== 'number' || response.status < 400 || response.status >= 500) return undefined;
  if (typeof body !== 'object' || body === null || !Array.isArray(body.errors) || body.errors.length === 0) return undefined;
  return { data: body.data ?? null, errors: body.errors };
}
