/**
 * Bearer tokens: JWTs verified with `jose` against one key source — an HS256
 * secret (development), or the RS256/ES256 public keys of a JWKS file or URL
 * (production) — checking signature, expiry, issuer and audience, then the
 * claims `jose` leaves loose: `sub` a non-empty string, `iat` not in the
 * future, a lifetime no longer than the maximum. A refused token throws
 * UNAUTHENTICATED with `extensions.reason` saying why.
 */
import fs from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { GraphQLError } from 'graphql';
import { ErrorCode, graphqlError } from '../errors';
import { currentLogger } from '../observability/logger';
import { identityOf, parseRoles, type Identity, type Role } from './roles';

/** Why a token was refused (`extensions.reason`). */
export const TokenProblem = {
  MISSING: 'TOKEN_MISSING',
  MALFORMED: 'TOKEN_MALFORMED',
  EXPIRED: 'TOKEN_EXPIRED',
  NOT_YET_VALID: 'TOKEN_NOT_YET_VALID',
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  WRONG_ISSUER: 'WRONG_ISSUER',
  WRONG_AUDIENCE: 'WRONG_AUDIENCE',
  MISSING_CLAIM: 'MISSING_CLAIM',
  /** `sub` is not a non-empty string (e.g. "" or 42). */
  INVALID_SUBJECT: 'INVALID_SUBJECT',
  /** `iat` is later than now (beyond the clock tolerance). */
  ISSUED_IN_FUTURE: 'TOKEN_ISSUED_IN_FUTURE',
  /** `exp - iat` (or `exp - now` without `iat`) exceeds the maximum lifetime. */
  LIFETIME_TOO_LONG: 'TOKEN_LIFETIME_TOO_LONG',
  ALGORITHM_NOT_ALLOWED: 'ALGORITHM_NOT_ALLOWED',
  UNKNOWN_KEY: 'UNKNOWN_KEY',
  KEYS_UNAVAILABLE: 'KEYS_UNAVAILABLE',
  NO_ROLES: 'NO_ROLES',
} as const;
export type TokenProblem = (typeof TokenProblem)[keyof typeof TokenProblem];

/** Where the keys that sign tokens come from: exactly one. */
export type TokenKeySource =
  | { kind: 'secret'; secret: string }
  | { kind: 'jwksFile'; path: string }
  | { kind: 'jwksUrl'; url: string };

export interface TokenVerifierOptions {
  keys: TokenKeySource;
  /** Required `iss`. */
  issuer: string;
  /** Required `aud` (one of the token's audiences). */
  audience: string;
  /** Claim holding the roles; a dotted path (`realm_access.roles`) is followed when no claim has that exact name. Default `roles`. */
  rolesClaim?: string;
  /** Seconds of clock difference tolerated on `exp`/`nbf`/`iat`. Default 5. */
  clockToleranceSeconds?: number;
  /** Longest lifetime accepted, `exp - iat` (or `exp - now` when `iat` is absent), in seconds. Default 24 hours. */
  maxLifetimeSeconds?: number;
  /** Accepted signature algorithms for JWKS keys. Default RS256 and ES256. */
  algorithms?: string[];
}

export interface VerifiedToken {
  identity: Identity;
  /** Role claim entries that are not roles (ignored; worth a log line). */
  rejectedRoles: string[];
  expiresAt: Date;
}

export interface TokenVerifier {
  /** Verifies a compact JWT. */
  verify(token: string): Promise<VerifiedToken>;
  /** Verifies the token of an `Authorization: Bearer …` header. */
  verifyAuthorization(header: string | undefined): Promise<VerifiedToken>;
}

/** Default longest token lifetime (AUTH_MAX_TOKEN_LIFETIME_SECONDS): a working day with margin; `npm start` prints 12-hour tokens. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/** HS256 needs a secret at least as long as its output (RFC 7518 §3.2). */
export const MIN_SECRET_LENGTH = 32;

export function unauthenticated(reason: TokenProblem, message: string): GraphQLError {
  return graphqlError(message, { code: ErrorCode.UNAUTHENTICATED, reason });
}

function secretKey(secret: string): Uint8Array {
  if (Buffer.byteLength(secret) < MIN_SECRET_LENGTH) throw new Error(`The token secret must be at least ${MIN_SECRET_LENGTH} bytes long`);
  return new TextEncoder().encode(secret);
}

/** Marks a failure to fetch a remote key set, so it is not mistaken for a bad token. */
class KeysUnavailable extends Error {}

function keyResolver(keys: TokenKeySource): JWTVerifyGetKey {
  switch (keys.kind) {
    case 'secret': {
      const key = secretKey(keys.secret);
      return async () => key;
    }
    case 'jwksFile':
      return createLocalJWKSet(JSON.parse(fs.readFileSync(keys.path, 'utf8')));
    case 'jwksUrl': {
      const remote = createRemoteJWKSet(new URL(keys.url), { timeoutDuration: 3000 });
      return async (header, token) => {
        try {
          return await remote(header, token);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw error;
          throw new KeysUnavailable(`JWKS ${keys.url} could not be loaded: ${(error as Error).message}`, { cause: error });
        }
      };
    }
  }
}

function readClaim(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  return name.split('.').reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), payload);
}

/** Turns a `jose` failure into the reason a client is told; anything unexpected is not a token problem and is rethrown. */
function refusal(error: unknown): GraphQLError {
  const code = (error as { code?: string }).code;
  const claim = (error as { claim?: string }).claim;
  const reason = (error as { reason?: string }).reason;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return unauthenticated(TokenProblem.EXPIRED, 'The token has expired');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return unauthenticated(TokenProblem.BAD_SIGNATURE, 'The token signature is not valid');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return unauthenticated(TokenProblem.ALGORITHM_NOT_ALLOWED, 'The token is signed with an algorithm this graph does not accept');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return unauthenticated(TokenProblem.UNKNOWN_KEY, 'The token is signed with a key this graph does not know');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (reason === 'missing') return unauthenticated(TokenProblem.MISSING_CLAIM, `The token has no "${claim}" claim`);
      if (claim === 'iss') return unauthenticated(TokenProblem.WRONG_ISSUER, 'The token was issued by an issuer this graph does not trust');
      if (claim === 'aud') return unauthenticated(TokenProblem.WRONG_AUDIENCE, 'The token is meant for another audience');
      if (claim === 'nbf') return unauthenticated(TokenProblem.NOT_YET_VALID, 'The token is not valid yet');
      return unauthenticated(TokenProblem.MALFORMED, `The token's "${claim}" claim is not valid`);
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED':
    case 'ERR_JWK_INVALID':
      return unauthenticated(TokenProblem.MALFORMED, 'The token is not a well-formed signed JWT');
  }
  if (error instanceof KeysUnavailable) {
    currentLogger().error(`bearer tokens cannot be verified: ${error.message}`);
    return unauthenticated(TokenProblem.KEYS_UNAVAILABLE, 'The signing keys could not be loaded to verify the token');
  }
  throw error;
}

/**
 * What `jose` does not check: a subject that names someone, an issue time
 * that is not ahead of us (a token minted with a skewed or stolen clock), and
 * a bounded lifetime (a token valid until 2999 is a password that never
 * changes). `jose` has already checked `exp` and `nbf` and that `iat`, when
 * present, is a number.
 */
function claimProblem(payload: JWTPayload, nowSeconds: number, toleranceSeconds: number, maxLifetimeSeconds: number): GraphQLError | undefined {
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '') return unauthenticated(TokenProblem.INVALID_SUBJECT, 'The token\'s "sub" claim must be a non-empty string');
  const exp = Number(payload.exp);
  if (payload.iat !== undefined) {
    if (payload.iat > nowSeconds + toleranceSeconds) return unauthenticated(TokenProblem.ISSUED_IN_FUTURE, 'The token\'s "iat" claim lies in the future');
    if (exp - payload.iat > maxLifetimeSeconds) return unauthenticated(TokenProblem.LIFETIME_TOO_LONG, `The token lives longer than the ${maxLifetimeSeconds} s this graph accepts ("exp" - "iat")`);
  } else if (exp - nowSeconds > maxLifetimeSeconds) {
    return unauthenticated(TokenProblem.LIFETIME_TOO_LONG, `The token expires more than ${maxLifetimeSeconds} s from now, longer than this graph accepts`);
  }
  return undefined;
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const getKey = keyResolver(options.keys);
  const rolesClaim = options.rolesClaim ?? 'roles';
  const clockTolerance = options.clockToleranceSeconds ?? 5;
  const maxLifetimeSeconds = options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: options.keys.kind === 'secret' ? ['HS256'] : (options.algorithms ?? ['RS256', 'ES256']),
    clockTolerance,
    // A token without an expiry would be valid forever; one without a subject cannot be audited.
    requiredClaims: ['exp', 'sub'],
  };

  async function verify(token: string): Promise<VerifiedToken> {
    let payload: JWTPayload;
    try {
      payload = (await jwtVerify(token, getKey, verifyOptions)).payload;
    } catch (error) {
      throw refusal(error);
    }
    const problem = claimProblem(payload, Math.floor(Date.now() / 1000), clockTolerance, maxLifetimeSeconds);
    if (problem) throw problem;
    const { roles, rejected } = parseRoles(readClaim(payload, rolesClaim));
    if (roles.length === 0) {
      // Authenticated, but allowed nothing: FORBIDDEN rather than UNAUTHENTICATED.
      throw graphqlError(`The token grants no role of this graph in its "${rolesClaim}" claim (ministry:<CODE>, procurement or analyst)`, {
        code: ErrorCode.FORBIDDEN,
        reason: TokenProblem.NO_ROLES,
      });
    }
    return { identity: identityOf(payload.sub as string, roles), rejectedRoles: rejected, expiresAt: new Date(Number(payload.exp) * 1000) };
  }

  return {
    verify,
    async verifyAuthorization(header) {
      if (header === undefined || header.trim() === '') throw unauthenticated(TokenProblem.MISSING, 'A bearer token is required (Authorization: Bearer <token>)');
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) throw unauthenticated(TokenProblem.MALFORMED, 'The Authorization header must be "Bearer <token>"');
      return verify(match[1]);
    },
  };
}

export interface MintOptions {
  /** HS256 secret, the one the verifier is configured with. */
  secret: string;
  issuer: string;
  audience: string;
  /** `sub`; default `dev:<first role>`. */
  subject?: string;
  /** Lifetime in seconds; default 8 hours. */
  expiresInSeconds?: number;
  rolesClaim?: string;
}

/**
 * Signs an HS256 token for development and tests (production tokens come from
 * the ministries' identity provider, verified against its JWKS).
 */
export async function mintDevelopmentToken(roles: Role | readonly Role[], options: MintOptions): Promise<string> {
  const list = typeof roles === 'string' ? [roles] : [...roles];
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ [options.rolesClaim ?? 'roles']: list })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject ?? `dev:${list[0] ?? 'nobody'}`)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 8 * 3600))
    .sign(secretKey(options.secret));
}

/** One ready token per role a demo needs: each member's ministry, procurement, analyst. */
export async function mintDevelopmentTokens(memberCodes: readonly string[], options: MintOptions): Promise<Record<string, string>> {
  const roles: Role[] = [...memberCodes.map((code): Role => `ministry:${code}`), 'procurement', 'analyst'];
  const tokens = await Promise.all(roles.map((role) => mintDevelopmentToken(role, options)));
  return Object.fromEntries(roles.map((role, i) => [role, tokens[i]]));
}
