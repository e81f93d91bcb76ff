/**
 * Every subgraph request made on behalf of a client request carries that
 * request's id (`x-request-id`), so the gateway's log line and each
 * subgraph's line for the same request share it. The gateway's own calls
 * (contract checks, background probes) run outside any request and carry none;
 * the subgraph then makes its own.
 */
import { currentRequest, REQUEST_ID_HEADER } from '../../lib/observability/requestContext';
import type { OutgoingRequestHooks } from '../datasources/subgraphDataSource';

export const requestIdHook: OutgoingRequestHooks = {
  willSendRequest({ request }) {
    const record = currentRequest();
    if (record) request.http?.headers.set(REQUEST_ID_HEADER, record.requestId);
  },
};
