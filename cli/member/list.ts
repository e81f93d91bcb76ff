/**
 * `jpg member list`: each member's state as the gateway sees it, from its
 * GET /ready, asked with a procurement token (minted with the development or
 * AUTH_JWT_SECRET secret; with an identity provider, JPG_TOKEN or --token).
 */
import { bearerToken, gatewayOrigin } from '../gatewayAccess';
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
  const origin = gatewayOrigin(options.gateway, options.config);
  const token = await bearerToken(options.token, 'procurement', 'jpg:member-list');
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
