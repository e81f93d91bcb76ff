/**
 * `jpg member list`: each member's state as the gateway sees it, from its
 * GET /ready, asked with a procurement token (minted with the development or
 * AUTH_JWT_SECRET secret; with an identity provider, JPG_TOKEN or --token).
 */
import { readEnv } from '../../lib/config/env';
import { readAuthConfig } from '../../lib/security/config';
import { mintDevelopmentToken } from '../../lib/security/tokens';
import { readConfig } from '../federationConfig';
import { OutputFormat, progress, result, resultJson } from '../output';

export interface MemberListOptions {
  gateway?: string;
  token?: string;
  config: string;
  format: OutputFormat;
}

interface MemberState {
  subgraph?: string;
  url?: string;
  status?: string;
  since?: string;
  reason?: string;
}

export async function runMemberList(options: MemberListOptions): Promise<void> {
  const origin = options.gateway ?? gatewayOrigin(options.config);
  const token = options.token ?? readEnv('JPG_TOKEN') ?? (await procurementToken());
  progress(`asking ${origin}/ready`);
  const response = await fetch(`${origin}/ready`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) }).catch((error: Error) => {
    throw new Error(`the gateway at ${origin} does not answer (${(error.cause as Error | undefined)?.message ?? error.message})`);
  });
  const report = (await response.json()) as { ready?: boolean; members?: Record<string, MemberState> };
  if (!report.members) throw new Error(`the gateway at ${origin} answered HTTP ${response.status} without member detail (is the token a procurement token?)`);
  const members = Object.entries(report.members).map(([code, state]) => ({ code, ...state }));
  if (options.format === 'json') return resultJson({ gateway: origin, ready: report.ready, members });
  const rows = members.map((m) => `${m.code}  ${(m.status ?? '?').padEnd(10)} ${(m.url ?? '').padEnd(34)} ${m.since ?? ''}${m.reason ? `  ${m.reason}` : ''}`);
  result([`${origin}: ${report.ready ? 'ready' : 'not ready'}, ${members.length} member${members.length === 1 ? '' : 's'}`, ...rows].join('\n'));
}

function gatewayOrigin(configFile: string): string {
  const { gateway } = readConfig(configFile);
  return `http://${gateway.host.includes(':') ? `[${gateway.host}]` : gateway.host}:${gateway.port}`;
}

async function procurementToken(): Promise<string> {
  const { verifier } = readAuthConfig();
  if (verifier.keys.kind !== 'secret') throw new Error('Tokens come from an identity provider here: pass a procurement token with --token or JPG_TOKEN');
  return mintDevelopmentToken('procurement', { secret: verifier.keys.secret, issuer: verifier.issuer, audience: verifier.audience, rolesClaim: verifier.rolesClaim, subject: 'jpg:member-list', expiresInSeconds: 300 });
}
