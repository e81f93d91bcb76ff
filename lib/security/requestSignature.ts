/**
 * Subgraphs answer only the gateway. The gateway signs every request it sends
 * with HMAC-SHA256 under a secret shared by one deployment, over:
 *
 *   JPG-HMAC-SHA256-v1 \n METHOD \n path?query \n timestamp \n nonce \n identity header \n sha256(body)
 *
 * A subgraph mounts `requireGatewaySignature` in front of GraphQL: an unsigned,
 * badly signed, stale (timestamp outside the window) or replayed (nonce seen
 * before) request gets 401 and never reaches a resolver. The identity header is
 * part of what is signed, so a client can neither forge nor swap it.
 *
 * The body is checked byte for byte as received, so the JSON parser in front of
 * the middleware must keep the raw bytes: `express.json({ verify: captureRawBody })`.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { ErrorCode } from '../errors';
import { GATEWAY_HEADERS } from './headers';
import { sendGraphQLHttpError } from './httpError';
import { MIN_SECRET_LENGTH } from './tokens';

const SCHEME = 'JPG-HMAC-SHA256-v1';
const SIGNATURE_PREFIX = 'v1=';

/** Why a subgraph refused a request (`extensions.reason`). */
export const SignatureProblem = {
  MISSING: 'SIGNATURE_MISSING',
  MALFORMED: 'SIGNATURE_MALFORMED',
  STALE: 'SIGNATURE_STALE',
  INVALID: 'SIGNATURE_INVALID',
  REPLAYED: 'SIGNATURE_REPLAYED',
  BODY_NOT_CAPTURED: 'SIGNATURE_BODY_NOT_CAPTURED',
  /** Too many live nonces to remember another: refused with 503 rather than risking a replay. */
  REPLAY_MEMORY_FULL: 'REPLAY_MEMORY_FULL',
} as const;
export type SignatureProblem = (typeof SignatureProblem)[keyof typeof SignatureProblem];

export interface RequestToSign {
  method: string;
  /** Path and query string exactly as the subgraph will see them (`/graphql`, `/graphql?query=…`). */
  pathAndQuery: string;
  body?: string | Uint8Array;
  /** Value of the identity header, if the request carries one. */
  identity?: string;
}

function assertSecret(secret: string): void {
  if (Buffer.byteLength(secret) < MIN_SECRET_LENGTH) throw new Error(`The gateway signing secret must be at least ${MIN_SECRET_LENGTH} bytes long`);
}

function hmac(secret: string, request: RequestToSign, timestamp: string, nonce: string): Buffer {
  const bodyDigest = createHash('sha256').update(request.body ?? '').digest('hex');
  const canonical = [SCHEME, request.method.toUpperCase(), request.pathAndQuery, timestamp, nonce, request.identity ?? '', bodyDigest].join('\n');
  return createHmac('sha256', secret).update(canonical).digest();
}

/** The headers that sign `request` (timestamp, nonce, signature). */
export function signGatewayRequest(
  secret: string,
  request: RequestToSign,
  { now = Date.now(), nonce = randomBytes(18).toString('base64url') }: { now?: number; nonce?: string } = {},
): Record<string, string> {
  assertSecret(secret);
  const timestamp = String(now);
  return {
    [GATEWAY_HEADERS.timestamp]: timestamp,
    [GATEWAY_HEADERS.nonce]: nonce,
    [GATEWAY_HEADERS.signature]: SIGNATURE_PREFIX + hmac(secret, request, timestamp, nonce).toString('base64url'),
  };
}

export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * The signature headers for a request about to be sent with fetch (`url` and
 * `init` as fetch gets them), signing the identity header it carries, if any.
 * For a hook that runs just before the HTTP call:
 * `Object.assign(init.headers, signatureHeadersForFetch(secret, url, init))`.
 */
export function signatureHeadersForFetch(secret: string, url: string, init: FetchInit = {}): Record<string, string> {
  const headers = init.headers ?? {};
  const identityKey = Object.keys(headers).find((name) => name.toLowerCase() === GATEWAY_HEADERS.identity);
  const { pathname, search } = new URL(url);
  return signGatewayRequest(secret, {
    method: init.method ?? 'GET',
    pathAndQuery: pathname + search,
    body: init.body,
    identity: identityKey === undefined ? undefined : headers[identityKey],
  });
}

/**
 * Wraps a fetch function so every request it sends is signed over exactly the
 * bytes it sends. For @apollo/gateway: `new RemoteGraphQLDataSource({ url,
 * fetcher: signingFetcher(secret, fetch) })`, with the identity header set in
 * `willSendRequest` (it is signed here, after that hook has run).
 */
export function signingFetcher<Init extends FetchInit, Result>(
  secret: string,
  fetcher: (url: string, init?: Init) => Promise<Result>,
): (url: string, init?: Init) => Promise<Result> {
  assertSecret(secret);
  return (url, init) => fetcher(url, { ...(init ?? {}), headers: { ...(init?.headers ?? {}), ...signatureHeadersForFetch(secret, url, init) } } as Init);
}

const rawBodies = new WeakMap<IncomingMessage, Buffer>();

/** `verify` hook for express.json: keeps the exact bytes the signature covers. */
export function captureRawBody(req: IncomingMessage, _res: unknown, body: Buffer): void {
  rawBodies.set(req, body);
}

const verifiedRequests = new WeakSet<IncomingMessage>();

/** True once `requireGatewaySignature` has accepted this request. */
export function isSignedByGateway(req: IncomingMessage): boolean {
  return verifiedRequests.has(req);
}

/**
 * Nonces seen within the window. Entries are dropped once their timestamp has
 * left the window (a replay of them is refused as stale anyway); when full of
 * live entries, new requests are turned away rather than forgetting a nonce.
 */
class NonceMemory {
  private readonly expiries = new Map<string, number>();
  constructor(private readonly capacity: number) {}

  /** 'fresh' (now remembered), 'replayed', or 'full'. */
  remember(nonce: string, expiresAt: number, now: number): 'fresh' | 'replayed' | 'full' {
    const known = this.expiries.get(nonce);
    if (known !== undefined && known >= now) return 'replayed';
    if (this.expiries.size >= this.capacity) this.forgetExpired(now);
    if (this.expiries.size >= this.capacity) return 'full';
    this.expiries.set(nonce, expiresAt);
    return 'fresh';
  }

  private forgetExpired(now: number): void {
    for (const [nonce, expiresAt] of this.expiries) if (expiresAt < now) this.expiries.delete(nonce);
  }
}

export interface GatewaySignatureOptions {
  /** The deployment's shared secret (GATEWAY_SIGNING_SECRET), at least 32 bytes. */
  secret: string;
  /** How far a request's timestamp may be from this server's clock, either way. Default 5 seconds. */
  windowSeconds?: number;
  /** Clock in milliseconds (tests). Default Date.now. */
  now?: () => number;
  /** Nonces kept for replay detection. Default 100 000 (≈ 20 000 requests a second in a 5 s window). */
  maxRememberedNonces?: number;
  /** Called for each refused request, e.g. to log it. */
  onRefused?: (reason: SignatureProblem, req: Request) => void;
}

const TIMESTAMP = /^\d{1,16}$/;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const SIGNATURE = /^v1=[A-Za-z0-9_-]{43}$/;

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? undefined : value;
}

/** Whether the request came with a body (a GET or a bodiless POST has none). */
function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** Express middleware for subgraphs: only requests signed by the gateway pass. */
export function requireGatewaySignature(options: GatewaySignatureOptions): RequestHandler {
  assertSecret(options.secret);
  const windowMs = (options.windowSeconds ?? 5) * 1000;
  const now = options.now ?? Date.now;
  const nonces = new NonceMemory(options.maxRememberedNonces ?? 100_000);

  return (req, res, next) => {
    const refuse = (reason: SignatureProblem, detail: string, status = 401): void => {
      options.onRefused?.(reason, req);
      sendGraphQLHttpError(res, status, `This service only answers the gateway: ${detail}`, { code: ErrorCode.UNAUTHENTICATED, reason });
    };
    const timestamp = header(req, GATEWAY_HEADERS.timestamp);
    const nonce = header(req, GATEWAY_HEADERS.nonce);
    const signature = header(req, GATEWAY_HEADERS.signature);
    if (timestamp === undefined || nonce === undefined || signature === undefined) {
      return refuse(SignatureProblem.MISSING, 'the request is not signed');
    }
    if (!TIMESTAMP.test(timestamp) || !NONCE.test(nonce) || !SIGNATURE.test(signature)) {
      return refuse(SignatureProblem.MALFORMED, 'the signature headers are malformed');
    }
    const at = now();
    const signedAt = Number(timestamp);
    if (Math.abs(at - signedAt) > windowMs) {
      return refuse(SignatureProblem.STALE, `the signature is older than ${windowMs / 1000} s (or from the future)`);
    }
    const body = rawBodies.get(req);
    if (body === undefined && hasBody(req)) {
      // Fail closed: mounted without captureRawBody, or a body the JSON parser did not read.
      return refuse(SignatureProblem.BODY_NOT_CAPTURED, 'the request body could not be checked (send application/json)');
    }
    const expected = hmac(options.secret, { method: req.method, pathAndQuery: req.originalUrl, body, identity: header(req, GATEWAY_HEADERS.identity) }, timestamp, nonce);
    const given = Buffer.from(signature.slice(SIGNATURE_PREFIX.length), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return refuse(SignatureProblem.INVALID, 'the signature does not match the request');
    }
    // Only after the signature holds, so forged requests cannot fill the memory.
    const seen = nonces.remember(nonce, signedAt + windowMs, at);
    if (seen === 'replayed') return refuse(SignatureProblem.REPLAYED, 'the request was already received once');
    if (seen === 'full') return refuse(SignatureProblem.REPLAY_MEMORY_FULL, 'too many requests to check for replays; try again', 503);
    verifiedRequests.add(req);
    next();
  };
}
