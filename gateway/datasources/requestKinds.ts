/**
 * The kinds of request Apollo's gateway hands a data source (`options.kind`).
 * @apollo/gateway exports the options' type but not the enum their `kind` is
 * typed by (that lives in its dist/ internals only), so the three values are
 * named here and typed through the public type. A cast cannot tell a wrong
 * string, so requestKinds.test.ts pins them to Apollo's enum.
 */
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';

/** A request made for a client's operation (it carries the incoming request's context). */
export type IncomingOperation = Extract<GraphQLDataSourceProcessOptions, { incomingRequestContext: unknown }>;
/** A request the gateway makes of its own accord. */
type OwnRequestKind = Exclude<GraphQLDataSourceProcessOptions['kind'], IncomingOperation['kind']>;

export const RequestKind = {
  INCOMING_OPERATION: 'incoming operation' as IncomingOperation['kind'],
  HEALTH_CHECK: 'health check' as OwnRequestKind,
  LOADING_SCHEMA: 'loading schema' as OwnRequestKind,
} as const;
