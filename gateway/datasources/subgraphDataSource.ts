/**
 * Where every request leaves the gateway for a subgraph: procurement, each
 * member's country subgraph, the contract checks, live introspection. One
 * class, so that what every outgoing request needs (identity headers, request
 * signing) is added in ONE place: `hooks`.
 *
 * Our own data source rather than Apollo's RemoteGraphQLDataSource, whose
 * fetch stack (make-fetch-happen → minipass-fetch → agent-base) cost about
 * 0.7 ms of CPU per subgraph request, 37-42 % of the gateway's CPU under load:
 * - HTTP through an undici keep-alive pool per target (connections reused,
 *   at most `connections` open), the body read as text and parsed once;
 * - each distinct entity representation sent once per fetch, the answer and
 *   its errors fanned back out to every position that asked
 *   (./distinctRepresentations.ts; members too: each member's request passes here);
 * - entity fetches that leave in the same turn merged into one request and
 *   the answer split back, failures confined to their part (./fetchMerger.ts);
 *   an identical entity fetch already in flight (the same step of another
 *   client request, same identity) is joined instead, so a merged request
 *   carries each distinct part once (each joiner gets its own copy);
 * - identical requests in flight at the same time (same target, document,
 *   variables and forwarded identity; never mutations) share one exchange
 *   (./inFlight.ts);
 * - a timeout per target: the request is aborted and a `SubgraphTimeoutError`
 *   thrown (it covers the whole exchange, body included);
 * - a subgraph's 4xx answer that is a GraphQL response (e.g. a variable its
 *   scalar refused) is passed on as the errors it carries;
 * - anything that is not a GraphQL response (a proxy's or firewall's HTML
 *   page, a 5xx, an empty body) becomes a `SubgraphUnavailableError` naming
 *   only the status: the URL, body and headers go to the log, never to the client.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FetcherRequestInit } from '@apollo/utils.fetcher';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { Pool } from 'undici';
import { cloneJson, distinctRepresentations, fanOut } from './distinctRepresentations';
import { FetchMerger, isMergeable, MergeablePart, PartAnswer } from './fetchMerger';
import { InFlight } from './inFlight';
import { OutgoingHeaders } from './outgoingHeaders';

export type SubgraphRequest = GraphQLDataSourceProcessOptions['request'];
export type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** Which service a request is for: the subgraph and, for a sharded one, the member. */
export interface SubgraphTarget {
  subgraph: string;
  member?: string;
}

/** Extension points for every outgoing subgraph request (security adds identity and signatures here). */
export interface OutgoingRequestHooks {
  /** Before the request is serialised: may set headers on `options.request.http.headers` (e.g. the caller's verified identity from `options.context`). */
  willSendRequest?(options: GraphQLDataSourceProcessOptions, target: SubgraphTarget): void | Promise<void>;
  /**
   * Just before the HTTP call, with the exact body sent: may add headers to `init.headers` (e.g. a signature over the body).
   * Runs once per HTTP request: requests that share an exchange (deduplicated) run it once.
   */
  willFetch?(url: string, init: FetcherRequestInit & { headers: Record<string, string> }, target: SubgraphTarget): void | Promise<void>;
}

export interface SubgraphDataSourceOptions extends SubgraphTarget {
  url: string;
  /** Abort after so many milliseconds; unset: no limit of our own. */
  timeoutMs?: number;
  hooks?: OutgoingRequestHooks[];
  /** Where non-GraphQL answers are described in full (they reach clients only as a status). */
  logger?: Logger;
  /** Share identical in-flight requests (default true; mutations never). */
  deduplicate?: boolean;
  /** Send entity fetches that leave in the same turn as one request (default true). */
  merge?: boolean;
  /** Most connections kept open to this target (default 64). */
  connections?: number;
}

/** What a data source did, for the benchmark and tests. */
export interface SubgraphDataSourceStats {
  /** HTTP requests sent. */
  requests: number;
  /** Calls answered by another call's exchange instead of their own. */
  deduplicated: number;
  /** Entity fetches that went as part of a merged request. */
  mergedParts: number;
  /** TCP connections opened (keep-alive: far fewer than requests). */
  connections: number;
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

/**
 * No usable answer: connection refused or reset, name not resolved…, or an
 * answer that is not a GraphQL response. `reason` says which (a code or
 * `HTTP <status>`, never the URL or body); `status` is set when there was an HTTP answer.
 */
export class SubgraphUnavailableError extends GraphQLError {
  constructor(
    readonly target: SubgraphTarget,
    readonly reason: string,
    cause: unknown,
    readonly status?: number,
  ) {
    super(`${capitalised(describeTarget(target))} is unavailable (${reason})`, { extensions: { code: SUBGRAPH_UNAVAILABLE }, originalError: cause instanceof Error ? cause : undefined });
    this.name = 'SubgraphUnavailableError';
  }
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const describeTarget = (target: SubgraphTarget): string =>
  target.member ? `member ${target.member}'s ${target.subgraph} subgraph` : `the ${target.subgraph} subgraph`;

/**
 * Headers that differ per client request without changing the answer
 * (correlation and tracing): left out of the deduplication key. Every other
 * header, the identity above all, must match for two requests to share.
 */
const CORRELATION_HEADERS = new Set(['x-request-id', 'traceparent', 'tracestate', 'baggage']);

/** A definition that is a mutation or subscription: such a request is never shared. */
const WRITES = /(?:^|\})\s*(?:mutation|subscription)\b/;

/** An HTTP answer as read off the wire, before parsing: shared by the callers of one exchange. */
interface RawAnswer {
  status: number;
  contentType: string | undefined;
  cacheControl: string | undefined;
  text: string;
}

export class SubgraphDataSource implements GraphQLDataSource {
  readonly target: SubgraphTarget;
  readonly url: string;
  private readonly path: string;
  private readonly pool: Pool;
  private readonly sendHooks: NonNullable<OutgoingRequestHooks['willSendRequest']>[];
  private readonly fetchHooks: NonNullable<OutgoingRequestHooks['willFetch']>[];
  private readonly inFlight: InFlight<RawAnswer> | undefined;
  /** Identical entity fetches in flight, shared before merging: one part, not one part per caller. */
  private readonly partsInFlight: InFlight<PartAnswer> | undefined;
  private readonly merger: FetchMerger | undefined;
  private readonly counts = { requests: 0, connections: 0 };

  constructor(private readonly options: SubgraphDataSourceOptions) {
    this.target = { subgraph: options.subgraph, ...(options.member ? { member: options.member } : {}) };
    this.url = options.url;
    const url = new URL(options.url);
    this.path = url.pathname + url.search;
    this.pool = new Pool(url.origin, { connections: options.connections ?? 64, keepAliveTimeout: 30_000, pipelining: 1 });
    this.pool.on('connect', () => this.counts.connections++);
    const hooks = options.hooks ?? [];
    // Bound once: no per-request walk over hooks that do not have the step.
    this.sendHooks = hooks.filter((h) => h.willSendRequest).map((h) => h.willSendRequest!.bind(h));
    this.fetchHooks = hooks.filter((h) => h.willFetch).map((h) => h.willFetch!.bind(h));
    this.inFlight = options.deduplicate === false ? undefined : new InFlight<RawAnswer>();
    this.partsInFlight = options.deduplicate === false ? undefined : new InFlight<PartAnswer>(copyAnswer);
    this.merger = options.merge === false ? undefined : new FetchMerger((query, variables, operationName, headers) => this.exchange(query, variables, operationName, headers));
  }

  stats(): SubgraphDataSourceStats {
    return { requests: this.counts.requests, deduplicated: (this.inFlight?.shared ?? 0) + (this.partsInFlight?.shared ?? 0), mergedParts: this.merger?.stats.parts ?? 0, connections: this.counts.connections };
  }

  /** Closes the kept-alive connections (after the requests in flight). */
  async close(): Promise<void> {
    await this.pool.close();
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    const { request } = options;
    const headers = new OutgoingHeaders(request.http?.headers);
    headers.set('content-type', 'application/json');
    request.http = { method: 'POST', url: this.url, headers };
    for (const hook of this.sendHooks) await hook(options, this.target);
    if (!request.query) throw new Error('Missing query');

    const representations = request.variables?.representations;
    const answer =
      this.merger && Array.isArray(representations) && 'incomingRequestContext' in options && isMergeable(request.query)
        ? await this.entityFetch({ query: request.query, variables: request.variables!, operationName: request.operationName, headers: headers.record })
        : await this.distinctOnly(representations, request.variables ?? {}, (variables) => this.exchange(request.query!, variables, request.operationName, headers.record));
    if ('incomingRequestContext' in options) restrictCachePolicy(options.incomingRequestContext, answer.cacheControl);
    const { cacheControl: _header, ...response } = answer;
    return response;
  }

  /** Each distinct entity representation sent once (`send` gets the variables to send); the answer fanned back out. */
  private async distinctOnly(representations: unknown, variables: Record<string, unknown>, send: (variables: Record<string, unknown>) => Promise<PartAnswer>): Promise<PartAnswer> {
    const distinct = Array.isArray(representations) && representations.length > 1 ? distinctRepresentations(representations) : undefined;
    if (!distinct) return send(variables);
    return fanOut(await send({ ...variables, representations: distinct.distinct }), distinct);
  }

  /**
   * An entity fetch, merged with the others leaving in this turn. An identical
   * one in flight (same caller headers, document and variables: under load,
   * the same step of many client requests) is joined before anything else is
   * done, so a joiner neither sorts out distinct representations again nor
   * adds a part: the merged request carries each distinct part once, and the
   * joiner gets its own copy of the answer, fanned out already.
   */
  private entityFetch(part: MergeablePart): Promise<PartAnswer> {
    const group = deduplicationKey('', part.headers);
    const fetch = () => this.distinctOnly(part.variables.representations, part.variables, (variables) => this.merger!.add(group, { ...part, variables }));
    if (!this.partsInFlight) return fetch();
    return this.partsInFlight.run(`${group}\n${part.operationName ?? ''}\n${part.query}\n${JSON.stringify(part.variables)}`, fetch);
  }

  /** One operation: shared with identical ones in flight (never a write), else sent; the answer parsed for this caller. */
  private async exchange(query: string, variables: Record<string, unknown>, operationName: string | undefined, headers: Record<string, string>): Promise<PartAnswer> {
    const body = JSON.stringify({ query, variables, operationName });
    const send = () => this.send(body, headers);
    const raw = this.inFlight && !WRITES.test(query) ? await this.inFlight.run(deduplicationKey(body, headers), send) : await send();
    return { ...this.answerFrom(raw), cacheControl: raw.cacheControl };
  }

  /** One HTTP exchange: the fetch hooks (signing) over the exact bytes, then the pool. */
  private async send(body: string, sendHeaders: Record<string, string>): Promise<RawAnswer> {
    // A copy: callers sharing this exchange keep their own headers, and the signature goes on this request only.
    const headers: Record<string, string> = { ...sendHeaders };
    const init = { method: 'POST', headers, body };
    for (const hook of this.fetchHooks) await hook(this.url, init, this.target);

    const { timeoutMs } = this.options;
    const controller = timeoutMs ? new AbortController() : undefined;
    const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
    this.counts.requests++;
    try {
      const answer = await this.pool.request({ path: this.path, method: 'POST', headers: init.headers, body: init.body, signal: controller?.signal });
      const text = await answer.body.text();
      const header = (name: string) => {
        const value = answer.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      };
      return { status: answer.statusCode, contentType: header('content-type'), cacheControl: header('cache-control'), text };
    } catch (error) {
      if (controller?.signal.aborted) throw new SubgraphTimeoutError(this.target, timeoutMs!);
      if (error instanceof GraphQLError) throw error;
      const code = (error as { code?: string }).code;
      throw new SubgraphUnavailableError(this.target, code ?? (error as Error).message ?? String(error), error);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /**
   * A GraphQL response (2xx, or a 4xx carrying errors) is the answer, parsed
   * anew for each caller (the gateway writes into what it receives). Anything
   * else is described in the log and reaches the client as a status only.
   */
  private answerFrom(raw: RawAnswer): PartAnswer {
    const parsed = parseGraphQLResponse(raw.text);
    if (parsed) {
      if (raw.status >= 200 && raw.status < 300) return parsed;
      if (raw.status >= 400 && raw.status < 500 && Array.isArray(parsed.errors) && parsed.errors.length > 0) return { data: parsed.data ?? null, errors: parsed.errors };
    }
    const reason = parsed ? `HTTP ${raw.status}` : `HTTP ${raw.status}, not a GraphQL response`;
    this.options.logger?.warn(
      { ...this.target, url: this.url, status: raw.status, contentType: raw.contentType, body: raw.text.slice(0, 2000) },
      `${describeTarget(this.target)} answered ${reason}; clients are told it is unavailable`,
    );
    throw new SubgraphUnavailableError(this.target, reason, undefined, raw.status);
  }
}

/** The body as a GraphQL response (an object with `data` or `errors`), or undefined. */
function parseGraphQLResponse(text: string): { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[]; extensions?: Record<string, unknown> } | undefined {
  if (text.charCodeAt(0) !== 123 /* { */ && text.trimStart()[0] !== '{') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  if (!('data' in parsed) && !('errors' in parsed)) return undefined;
  return parsed as ReturnType<typeof parseGraphQLResponse>;
}

/** A joiner's own copy of a shared part answer (the gateway writes into the entities it receives). */
const copyAnswer = (answer: PartAnswer): PartAnswer => ({ ...answer, data: cloneJson(answer.data), ...(answer.errors ? { errors: cloneJson(answer.errors) } : {}) });

/** Body and every header but correlation ones, in a stable order. */
function deduplicationKey(body: string, headers: Record<string, string>): string {
  let key = body;
  for (const name of Object.keys(headers).sort()) if (!CORRELATION_HEADERS.has(name)) key += `\n${name}:${headers[name]}`;
  return key;
}

type IncomingRequestContext = Extract<GraphQLDataSourceProcessOptions, { incomingRequestContext: unknown }>['incomingRequestContext'];

/**
 * As Apollo's data source does: the subgraph's Cache-Control caps the
 * response's cache policy (no header: not cacheable).
 */
function restrictCachePolicy(context: IncomingRequestContext | undefined, header: string | undefined): void {
  const policy = context?.overallCachePolicy;
  if (!policy || !('restrict' in policy)) return;
  const hint: { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' } = { maxAge: 0 };
  if (header) {
    const maxAge = /(?:^|,)\s*max-age=(\d+)/i.exec(header);
    if (maxAge) hint.maxAge = Number(maxAge[1]);
    if (/(?:^|,)\s*private\b/i.test(header)) hint.scope = 'PRIVATE';
    else if (/(?:^|,)\s*public\b/i.test(header)) hint.scope = 'PUBLIC';
  }
  policy.restrict(hint);
}
