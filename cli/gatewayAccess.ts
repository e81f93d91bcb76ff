/**
 * How `jpg` reaches the graph as a caller: the gateway's origin (from the
 * federation config unless given) and a bearer token (given, JPG_TOKEN, or one
 * minted with the development secret or AUTH_JWT_SECRET for the role asked).
 */
import type { Role } from '../lib/security/roles';
import { readEnv } from '../lib/config/env';
import { readAuthConfig } from '../lib/security/config';
import { mintDevelopmentToken } from '../lib/security/tokens';
import { readConfig } from './federationConfig';

/** The gateway's origin, e.g. http://127.0.0.1:4000: `--gateway`, else where the federation config puts it. */
export function gatewayOrigin(given: string | undefined, configFile: string): string {
  if (given) return given.replace(/\/+$/, '');
  const { gateway } = readConfig(configFile);
  return `http://${gateway.host.includes(':') ? `[${gateway.host}]` : gateway.host}:${gateway.port}`;
}

/** `--token`, else JPG_TOKEN, else a short-lived token for `role` minted with the development secret. */
export async function bearerToken(given: string | undefined, role: Role, subject: string): Promise<string> {
  const token = given ?? readEnv('JPG_TOKEN');
  if (token) return token;
  const { verifier } = readAuthConfig();
  if (verifier.keys.kind !== 'secret') throw new Error(`Tokens come from an identity provider here: pass a ${role} token with --token or JPG_TOKEN`);
  return mintDevelopmentToken(role, { secret: verifier.keys.secret, issuer: verifier.issuer, audience: verifier.audience, rolesClaim: verifier.rolesClaim, subject, expiresInSeconds: 300 });
}
