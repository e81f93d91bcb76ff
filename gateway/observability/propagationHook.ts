/**
 * What every subgraph request carries from the client request it serves:
 * its id (`x-request-id`), so the gateway's log line and each subgraph's
 * share it, and the trace context (W3C `traceparent`, while tracing is on),
 * so each subgraph's spans join the gateway's trace under the call that made
 * them. The gateway's own calls (contract checks, probes) run outside any
 * request: no id (the subgraph makes one), and a trace of their own.
 */
import { currentRequest, REQUEST_ID_HEADER } from '../../lib/observability/requestContext';
import { injectTraceContext } from '../../lib/observability/tracing';
import type { OutgoingRequestHooks } from '../datasources/subgraphDataSource';

export const propagationHook: OutgoingRequestHooks = {
  willSendRequest({ request }) {
    const headers = request.http?.headers;
    if (!headers) return;
    const record = currentRequest();
    if (record) headers.set(REQUEST_ID_HEADER, record.requestId);
    injectTraceContext((name, value) => headers.set(name, value));
  },
};
