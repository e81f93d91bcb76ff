/**
 * Subgraphs answer only the gateway. The gateway signs every request it sends
 * with HMAC-SHA256 under a secret shared by one deployment, over:
 *
 *   JPG-HMAC-SHA256-v2 \n target \n METHOD \n path?query \n timestamp \n nonce \n identity header \n sha256(body)
 *
 * The target is the service the request is for (a member's code, `XK`, or an
 * unsharded subgraph's name, `procurement`), so a request captured on its way
 * to XK is refused at AL by the signature itself, before any rule runs.
 *
 * A subgraph mounts `requireGatewaySignature` in front of GraphQL, in place of
 * a JSON body parser. It checks, in this order and before reading a byte of
 * the body: the signature headers are present and well-formed, the key id is
 * the deployment's, the target is this service, the timestamp is within the
 * window. Only then does it read the body — at most `maxBodyBytes`, hashing it
 * as it streams — check the HMAC, record the nonce (a second request with it
 * is a replay) and parse the JSON. An unsigned, badly signed, stale or
 * replayed request gets 401 and never reaches a resolver; one refused before
 * its body is read is answered with `Connection: close`, so its body is not
 * read either. The identity header is part of what is signed, so a client can
 * neither forge nor swap it.
 */
import { createHash, createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { ErrorCode } from '../errors';
import { memoryState } from '../sharedState/memoryState';
import type { SharedState } from '../sharedState/sharedState';
import { GATEWAY_HEADERS } from './headers';
import { sendGraphQLHttpError } from './httpError';
import { MIN_SECRET_LENGTH } from './tokens';

const SCHEME = 'JPG-HMAC-SHA256-v2';
const SIGNATURE_PREFIX = 'v2=';

/** Largest request body a subgraph reads (SUBGRAPH_MAX_BODY_BYTES): 5 MiB, room for `_entities` with thousands of representations. */
export const DEFAULT_SUBGRAPH_MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Why a subgraph refused a request (`extensions.reason`). */
export const SignatureProblem = {
  MISSING: 'SIGNATURE_MISSING',
  MALFORMED: 'SIGNATURE_MALFORMED',
  /** Signed with a key this deployment does not use. */
  UNKNOWN_KEY: 'SIGNATURE_UNKNOWN_KEY',
  /** Signed for another service (another member, another subgraph). */
  WRONG_TARGET: 'SIGNATURE_WRONG_TARGET',
  STALE: 'SIGNATURE_STALE',
  /** Signed before this process's replay memory began (a restart forgets the nonces it had seen). */
  PREDATES_START: 'SIGNATURE_PREDATES_START',
  INVALID: 'SIGNATURE_INVALID',
  /** Mounted behind a parser that already read the body: nothing left to check (fail closed). */
  BODY_NOT_CAPTURED: 'SIGNATURE_BODY_NOT_CAPTURED',
  REPLAYED: 'SIGNATURE_REPLAYED',
  /** Too many live nonces to remember another: refused with 503 rather than risking a replay. */
  REPLAY_MEMORY_FULL: 'REPLAY_MEMORY_FULL',
  /** The shared nonce store (Redis) did not answer: refused with 503 (fail closed). */
  REPLAY_CHECK_UNAVAILABLE: 'REPLAY_CHECK_UNAVAILABLE',
} as const;
export type SignatureProblem = (typeof SignatureProblem)[keyof typeof SignatureProblem];

export interface RequestToSign {
  /** The service the request is for: a member's code or an unsharded subgraph's name (see SubgraphTarget). */
  target: string;
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

/** The public name of a secret: lets a subgraph refuse another deployment's signature before reading the body, and reveals nothing of the secret. */
export function signingKeyId(secret: string): string {
  return hash('sha256', `jpg-gateway-signing-key-id\n${secret}`, 'base64url').slice(0, 16);
}

/** Key ids of the secrets already checked: signing checks the secret and hashes its id once, not per request. */
const checkedKeyIds = new Map<string, string>();

function keyIdOfCheckedSecret(secret: string): string {
  let id = checkedKeyIds.get(secret);
  if (id === undefined) {
    assertSecret(secret);
    id = signingKeyId(secret);
    if (checkedKeyIds.size >= 16) checkedKeyIds.clear(); // a process signs with one or two secrets; never grows
    checkedKeyIds.set(secret, id);
  }
  return id;
}

const NONCE_BYTES = 18;
/** Random bytes drawn 256 nonces at a time (one call into the CSPRNG instead of one per request); each byte is used once. */
let noncePool = Buffer.alloc(0);
let nonceOffset = 0;

function freshNonce(): string {
  if (nonceOffset + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(NONCE_BYTES * 256);
    nonceOffset = 0;
  }
  const nonce = noncePool.toString('base64url', nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return nonce;
}

interface Signed {
  target: string;
  method: string;
  pathAndQuery: string;
  identity?: string;
  /** Hex sha256 of the body. */
  bodyDigest: string;
}

function hmac(secret: string, request: Signed, timestamp: string, nonce: string): Buffer {
  const canonical = [SCHEME, request.target, request.method.toUpperCase(), request.pathAndQuery, timestamp, nonce, request.identity ?? '', request.bodyDigest].join('\n');
  return createHmac('sha256', secret).update(canonical).digest();
}

/** The headers that sign `request` (target, key id, timestamp, nonce, signature). */
export function signGatewayRequest(
  secret: string,
  request: RequestToSign,
  { now = Date.now(), nonce = freshNonce() }: { now?: number; nonce?: string } = {},
): Record<string, string> {
  const keyId = keyIdOfCheckedSecret(secret);
  const timestamp = String(now);
  // One-shot hashing: no Hash object per request.
  const bodyDigest = hash('sha256', request.body ?? '', 'hex');
  return {
    [GATEWAY_HEADERS.target]: request.target,
    [GATEWAY_HEADERS.keyId]: keyId,
    [GATEWAY_HEADERS.timestamp]: timestamp,
    [GATEWAY_HEADERS.nonce]: nonce,
    [GATEWAY_HEADERS.signature]: SIGNATURE_PREFIX + hmac(secret, { ...request, bodyDigest }, timestamp, nonce).toString('base64url'),
  };
}

export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * The signature headers for a request to `target` about to be sent with
 * fetch (`url` and `init` as fetch gets them), signing the identity header it
 * carries, if any. For a hook that runs just before the HTTP call:
 * `Object.assign(init.headers, signatureHeadersForFetch(secret, 'XK', url, init))`.
 */
export function signatureHeadersForFetch(secret: string, target: string, url: string, init: FetchInit = {}): Record<string, string> {
  const headers = init.headers ?? {};
  const identityKey = Object.keys(headers).find((name) => name.toLowerCase() === GATEWAY_HEADERS.identity);
  return signGatewayRequest(secret, {
    target,
    method: init.method ?? 'GET',
    pathAndQuery: pathAndQueryOf(url),
    body: init.body,
    identity: identityKey === undefined ? undefined : headers[identityKey],
  });
}

/** Path and query of the URLs signed for (a handful per process: one per subgraph), parsed once each. */
const pathsAndQueries = new Map<string, string>();

function pathAndQueryOf(url: string): string {
  let known = pathsAndQueries.get(url);
  if (known === undefined) {
    const { pathname, search } = new URL(url);
    known = pathname + search;
    if (pathsAndQueries.size >= 256) pathsAndQueries.clear(); // GET requests carry their query in the URL: never grows without bound
    pathsAndQueries.set(url, known);
  }
  return known;
}

/**
 * Wraps a fetch function so every request it sends to `target` is signed over
 * exactly the bytes it sends. For @apollo/gateway: `new
 * RemoteGraphQLDataSource({ url, fetcher: signingFetcher(secret, 'XK', fetch) })`,
 * with the identity header set in `willSendRequest` (it is signed here, after
 * that hook has run).
 */
export function signingFetcher<Init extends FetchInit, Result>(
  secret: string,
  target: string,
  fetcher: (url: string, init?: Init) => Promise<Result>,
): (url: string, init?: Init) => Promise<Result> {
  assertSecret(secret);
  return (url, init) => fetcher(url, { ...(init ?? {}), headers: { ...(init?.headers ?? {}), ...signatureHeadersForFetch(secret, target, url, init) } } as Init);
}

const verifiedRequests = new WeakSet<IncomingMessage>();

/** True once `requireGatewaySignature` has accepted this request. */
export function isSignedByGateway(req: IncomingMessage): boolean {
  return verifiedRequests.has(req);
}

export interface GatewaySignatureOptions {
  /** The deployment's shared secret (GATEWAY_SIGNING_SECRET), at least 32 bytes. */
  secret: string;
  /** Secrets still accepted during a rotation (GATEWAY_SIGNING_PREVIOUS_SECRET); each request names its key by id. */
  previousSecrets?: string[];
  /** This service, as the gateway names it when signing: its member code (`XK`) or its subgraph name (`procurement`). */
  target: string;
  /** How far a request's timestamp may be from this server's clock, either way. Default 5 seconds. */
  windowSeconds?: number;
  /** Clock in milliseconds (tests). Default Date.now. */
  now?: () => number;
  /**
   * Where the nonces seen are kept: Redis (shared by replicas, across
   * restarts) or this process's memory (default). Requests signed before the
   * store's `rememberedSince` are refused: see PREDATES_START.
   */
  nonces?: SharedState;
  /** Largest body read, in bytes; a longer one gets 413 and is not read further. Default 5 MiB. */
  maxBodyBytes?: number;
  /** Called for each refused request, e.g. to log it. */
  onRefused?: (reason: SignatureProblem | BodyProblem, req: Request) => void;
}

/** Why a signed request's body was refused (`extensions.reason`). */
export const BodyProblem = {
  TOO_LARGE: 'BODY_TOO_LARGE',
  NOT_JSON: 'BODY_NOT_JSON',
  UNSUPPORTED_TYPE: 'BODY_UNSUPPORTED_TYPE',
} as const;
export type BodyProblem = (typeof BodyProblem)[keyof typeof BodyProblem];

const TIMESTAMP = /^\d{1,16}$/;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const SIGNATURE = /^v2=[A-Za-z0-9_-]{43}$/;
const TARGET = /^[A-Za-z0-9_.:-]{1,64}$/;

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? undefined : value;
}

/**
 * Reads the body as it streams, hashing it, up to `limit` bytes. Resolves
 * undefined as soon as the body proves longer (the rest is left unread).
 */
function readBody(req: IncomingMessage, limit: number): Promise<{ bytes: Buffer; digest: string } | undefined> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (): void => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        finish();
        req.pause();
        resolve(undefined);
        return;
      }
      hash.update(chunk);
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      finish();
      resolve({ bytes: Buffer.concat(chunks, size), digest: hash.digest('hex') });
    };
    const onError = (error: Error): void => {
      finish();
      reject(error);
    };
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

const isJson = (req: IncomingMessage): boolean => /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(req.headers['content-type'] ?? '');

/**
 * Express middleware for subgraphs: only requests signed by the gateway for
 * this service pass, and it parses their JSON body (mount it on /graphql
 * instead of express.json).
 */
export function requireGatewaySignature(options: GatewaySignatureOptions): RequestHandler {
  const secrets = [options.secret, ...(options.previousSecrets ?? [])];
  secrets.forEach(assertSecret);
  const windowMs = (options.windowSeconds ?? 5) * 1000;
  const now = options.now ?? Date.now;
  const nonces = options.nonces ?? memoryState({ now });
  const secretsById = new Map(secrets.map((secret) => [signingKeyId(secret), secret]));
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_SUBGRAPH_MAX_BODY_BYTES;

  return async (req, res, next) => {
    const refuse = (reason: SignatureProblem | BodyProblem, detail: string, status = 401, code: string = ErrorCode.UNAUTHENTICATED): void => {
      options.onRefused?.(reason, req);
      // A body left unread is not read at all: the connection closes after this answer instead of draining it.
      const unread = !req.readableEnded;
      if (unread) req.pause();
      sendGraphQLHttpError(res, status, status === 401 ? `This service only answers the gateway: ${detail}` : detail, { code, reason }, unread ? { Connection: 'close' } : {});
    };
    try {
      const timestamp = header(req, GATEWAY_HEADERS.timestamp);
      const nonce = header(req, GATEWAY_HEADERS.nonce);
      const signature = header(req, GATEWAY_HEADERS.signature);
      const target = header(req, GATEWAY_HEADERS.target);
      const givenKeyId = header(req, GATEWAY_HEADERS.keyId);
      if (timestamp === undefined || nonce === undefined || signature === undefined || target === undefined || givenKeyId === undefined) {
        return refuse(SignatureProblem.MISSING, 'the request is not signed');
      }
      if (!TIMESTAMP.test(timestamp) || !NONCE.test(nonce) || !SIGNATURE.test(signature) || !TARGET.test(target)) {
        return refuse(SignatureProblem.MALFORMED, 'the signature headers are malformed');
      }
      const secret = secretsById.get(givenKeyId);
      if (secret === undefined) return refuse(SignatureProblem.UNKNOWN_KEY, 'the request is signed with a key this deployment does not use');
      if (target !== options.target) return refuse(SignatureProblem.WRONG_TARGET, 'the request was signed for another service');
      const at = now();
      const signedAt = Number(timestamp);
      if (Math.abs(at - signedAt) > windowMs) {
        return refuse(SignatureProblem.STALE, `the signature is older than ${windowMs / 1000} s (or from the future)`);
      }
      // A memory-only store began empty when this process started: a request signed before then may have been
      // answered by the previous process, and nothing here remembers it. Refusing those closes the replay-after-
      // restart hole at the cost of at most the gateway↔subgraph clock difference of refusals after a restart —
      // cheaper and simpler than writing every nonce to the service's own database. A store that outlives the
      // process (Redis) remembers from 0.
      if (signedAt < nonces.rememberedSince) {
        return refuse(SignatureProblem.PREDATES_START, 'the request was signed before this service started');
      }
      const declaredLength = Number(req.headers['content-length'] ?? 0);
      if (declaredLength > maxBodyBytes) return refuse(BodyProblem.TOO_LARGE, `Request body exceeds the maximum of ${maxBodyBytes} bytes`, 413, 'PAYLOAD_TOO_LARGE');

      if (req.readableEnded) return refuse(SignatureProblem.BODY_NOT_CAPTURED, 'the request body was read before its signature could be checked');
      const body = await readBody(req, maxBodyBytes);
      if (body === undefined) return refuse(BodyProblem.TOO_LARGE, `Request body exceeds the maximum of ${maxBodyBytes} bytes`, 413, 'PAYLOAD_TOO_LARGE');
      const expected = hmac(secret, { target, method: req.method, pathAndQuery: req.originalUrl, identity: header(req, GATEWAY_HEADERS.identity), bodyDigest: body.digest }, timestamp, nonce);
      const given = Buffer.from(signature.slice(SIGNATURE_PREFIX.length), 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return refuse(SignatureProblem.INVALID, 'the signature does not match the request');
      }
      // Only after the signature holds, so forged requests cannot fill the memory.
      let seen;
      try {
        seen = await nonces.setIfAbsent(`nonce:${target}:${nonce}`, '1', signedAt + windowMs - at + 1);
      } catch {
        return refuse(SignatureProblem.REPLAY_CHECK_UNAVAILABLE, 'replays cannot be checked right now; try again', 503);
      }
      if (seen === 'exists') return refuse(SignatureProblem.REPLAYED, 'the request was already received once');
      if (seen === 'full') return refuse(SignatureProblem.REPLAY_MEMORY_FULL, 'too many requests to check for replays; try again', 503);

      if (body.bytes.length > 0) {
        if (req.headers['content-encoding'] !== undefined && req.headers['content-encoding'] !== 'identity') {
          return refuse(BodyProblem.UNSUPPORTED_TYPE, 'Send the body uncompressed', 415, 'BAD_REQUEST');
        }
        if (!isJson(req)) return refuse(BodyProblem.UNSUPPORTED_TYPE, 'Send the body as application/json', 415, 'BAD_REQUEST');
        try {
          req.body = JSON.parse(body.bytes.toString('utf8'));
        } catch {
          return refuse(BodyProblem.NOT_JSON, 'The request body is not valid JSON', 400, 'BAD_REQUEST');
        }
      } else {
        // Apollo's express integration wants the property present, even for a GET.
        req.body = undefined;
      }
      verifiedRequests.add(req);
      next();
    } catch (error) {
      next(error);
    }
  };
}
