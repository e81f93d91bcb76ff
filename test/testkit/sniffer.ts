/**
 * A wiretap between the gateway and one subgraph, as an attacker on the
 * subgraphs' network would have: every request passes through unchanged and
 * is kept byte for byte (method, path, headers, body), ready to be replayed.
 *
 *   const tap = await startSniffer();              // listens on a free port
 *   tap.forwardTo(member.url);                     // point the gateway's config at tap.url instead
 *   await replay(tap.captured[0], member.url);     // the same bytes, sent again
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  method: string;
  /** Path and query as sent. */
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Sniffer {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  captured: CapturedRequest[];
  /** Where requests go on: a subgraph's URL (its origin is used). */
  forwardTo(url: string): void;
  stop(): Promise<void>;
}

/** Headers a proxy must not copy (hop by hop, or set by fetch itself). */
const NOT_FORWARDED = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

export async function startSniffer(): Promise<Sniffer> {
  const captured: CapturedRequest[] = [];
  let upstream: string | undefined;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: CapturedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: Object.fromEntries(Object.entries(req.headers).filter(([name, value]) => typeof value === 'string' && !NOT_FORWARDED.has(name)) as [string, string][]),
      body: Buffer.concat(chunks),
    };
    captured.push(request);
    try {
      if (!upstream) throw new Error('nowhere to forward to');
      const answer = await replay(request, upstream);
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      res.writeHead(502).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    captured,
    forwardTo: (url) => {
      upstream = url;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Sends a captured request again, unchanged, to the service at `url` (its origin; the captured path is kept). */
export function replay(request: CapturedRequest, url: string): Promise<Response> {
  return fetch(new URL(request.path, url), { method: request.method, headers: request.headers, body: request.body.length > 0 ? request.body : undefined });
}
