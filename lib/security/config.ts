/**
 * Security settings from the environment (variables listed in
 * lib/config/env.ts). In development every setting has a default, so
 * `npm start` works unconfigured; with NODE_ENV=production a missing secret,
 * issuer or audience stops start-up with a message naming the variable, and
 * the development secrets are refused.
 */
import { ENVIRONMENT, readBoolean, readEnv, readPositiveInteger, type EnvName } from '../config/env';
import { DEFAULT_SUBGRAPH_MAX_BODY_BYTES } from './requestSignature';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, MIN_SECRET_LENGTH, type TokenKeySource, type TokenVerifierOptions } from './tokens';

/** Public on purpose: they only ever protect a developer's own machine. */
export const DEVELOPMENT_DEFAULTS = {
  jwtSecret: 'jpg-development-token-secret-do-not-use-in-production',
  signingSecret: 'jpg-development-gateway-signing-secret-do-not-use-in-production',
  issuer: 'jpg-development',
  audience: 'joint-procurement-graph',
} as const;

export function isProduction(): boolean {
  return readEnv('NODE_ENV') === 'production';
}

function productionRequires(name: EnvName): never {
  throw new Error(`${name} is required when NODE_ENV=production: ${ENVIRONMENT[name]}`);
}

function secret(name: EnvName, developmentDefault: string): string {
  const value = readEnv(name);
  if (value === undefined) return isProduction() ? productionRequires(name) : developmentDefault;
  if (isProduction() && value === developmentDefault) throw new Error(`${name} is the public development secret; set a secret of your own when NODE_ENV=production`);
  if (Buffer.byteLength(value) < MIN_SECRET_LENGTH) throw new Error(`${name} must be at least ${MIN_SECRET_LENGTH} bytes long`);
  return value;
}

function setting(name: EnvName, developmentDefault: string): string {
  return readEnv(name) ?? (isProduction() ? productionRequires(name) : developmentDefault);
}

function keySource(): TokenKeySource {
  const file = readEnv('AUTH_JWKS_FILE');
  const url = readEnv('AUTH_JWKS_URL');
  const configuredSecret = readEnv('AUTH_JWT_SECRET');
  const given = [file && 'AUTH_JWKS_FILE', url && 'AUTH_JWKS_URL', configuredSecret && 'AUTH_JWT_SECRET'].filter(Boolean);
  if (given.length > 1) throw new Error(`Set only one token key source; got ${given.join(' and ')}`);
  if (file) return { kind: 'jwksFile', path: file };
  if (url) return { kind: 'jwksUrl', url };
  if (configuredSecret === undefined && isProduction()) {
    throw new Error(`NODE_ENV=production needs a token key source: AUTH_JWKS_URL, AUTH_JWKS_FILE or AUTH_JWT_SECRET (${ENVIRONMENT.AUTH_JWKS_URL})`);
  }
  return { kind: 'secret', secret: secret('AUTH_JWT_SECRET', DEVELOPMENT_DEFAULTS.jwtSecret) };
}

export interface AuthConfig {
  verifier: TokenVerifierOptions;
  /** Requests without a token read as the anonymous analyst. */
  allowAnonymousRead: boolean;
}

/** The gateway's token settings. */
export function readAuthConfig(): AuthConfig {
  return {
    verifier: {
      keys: keySource(),
      issuer: setting('AUTH_ISSUER', DEVELOPMENT_DEFAULTS.issuer),
      audience: setting('AUTH_AUDIENCE', DEVELOPMENT_DEFAULTS.audience),
      rolesClaim: readEnv('AUTH_ROLES_CLAIM', 'roles'),
      maxLifetimeSeconds: readPositiveInteger('AUTH_MAX_TOKEN_LIFETIME_SECONDS', DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
    },
    allowAnonymousRead: readBoolean('AUTH_ALLOW_ANONYMOUS_READ', false),
  };
}

export interface SigningConfig {
  secret: string;
  /** Subgraphs: also accepted while a new secret is rolled out (GATEWAY_SIGNING_PREVIOUS_SECRET). */
  previousSecrets: string[];
  windowSeconds: number;
  /** Subgraphs: the largest request body read (SUBGRAPH_MAX_BODY_BYTES). */
  maxBodyBytes: number;
}

/** The gateway↔subgraph signing settings, read by the gateway and by every subgraph. */
export function readSigningConfig(): SigningConfig {
  return {
    secret: secret('GATEWAY_SIGNING_SECRET', DEVELOPMENT_DEFAULTS.signingSecret),
    previousSecrets: readEnv('GATEWAY_SIGNING_PREVIOUS_SECRET') === undefined ? [] : [secret('GATEWAY_SIGNING_PREVIOUS_SECRET', DEVELOPMENT_DEFAULTS.signingSecret)],
    windowSeconds: readPositiveInteger('GATEWAY_SIGNATURE_WINDOW_SECONDS', 5),
    maxBodyBytes: readPositiveInteger('SUBGRAPH_MAX_BODY_BYTES', DEFAULT_SUBGRAPH_MAX_BODY_BYTES),
  };
}
