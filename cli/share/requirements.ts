/**
 * `jpg share <CODE> requirements`: a ministry shares its requirements with
 * procurement, as `shareRequirements` in the graph does, straight from its own
 * database (after a `jpg import`, say, which writes there and not through the
 * graph, so procurement has not heard of them). Read from the member's
 * database with the service's own code (memberFiles.ts), sent through the
 * gateway with the ministry's token, so procurement checks them exactly as it
 * checks the mutation: same authorization (own ministry only), same rules.
 * At most 500 a request (procurement's limit), each request one transaction;
 * sharing again only updates, so a run stopped half-way is simply run again.
 */
import { requirementsToShare, type RequirementToShare } from '../../services/country/transfer/memberFiles';
import { ministryRole } from '../../lib/security/roles';
import { bearerToken, gatewayOrigin } from '../gatewayAccess';
import { resolveMemberDatabase } from '../memberDatabase';
import { type OutputFormat, progress, result, resultJson, UsageError } from '../output';

/** shareRequirements takes 1 to 500 requirements a call. */
export const SHARE_BATCH = 500;

const SHARE = `mutation JpgShareRequirements($country: ID!, $requirements: [SharedRequirementInput!]!) {
  shareRequirements(country: $country, requirements: $requirements) { id }
}`;

export interface ShareOptions {
  reference?: string[];
  database?: string;
  gateway?: string;
  token?: string;
  config: string;
  format: OutputFormat;
}

interface GraphQLAnswer {
  data?: { shareRequirements?: { id: string }[] | null } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A refusal as the graph gave it, with the requirement it names (its field is `requirements[i]…` of the batch). */
function refusal(error: NonNullable<GraphQLAnswer['errors']>[number], batch: readonly RequirementToShare[]): string {
  const { code, field } = error.extensions ?? {};
  const index = typeof field === 'string' ? /^requirements\[(\d+)\]/.exec(field)?.[1] : undefined;
  const which = index === undefined ? '' : ` (requirement ${batch[Number(index)]?.reference ?? '?'})`;
  return `${error.message}${which} [${String(code ?? 'ERROR')}${typeof field === 'string' ? `, ${field}` : ''}]`;
}

export async function runShareRequirements(code: string, options: ShareOptions): Promise<void> {
  const references = options.reference;
  references?.forEach((reference) => {
    if (!reference.trim() || reference.length > 40) throw new UsageError(`--reference "${reference}": a requirement reference is 1 to 40 characters`);
  });
  const origin = gatewayOrigin(options.gateway, options.config);
  const databaseUrl = resolveMemberDatabase(code, options.database);
  const requirements = await requirementsToShare({ member: code, databaseUrl, references });
  const missing = references?.filter((reference) => !requirements.some((r) => r.reference === reference)) ?? [];
  if (missing.length > 0) throw new UsageError(`--reference ${missing.map((r) => `"${r}"`).join(', ')}: ${code} has no requirement with ${missing.length === 1 ? 'this reference' : 'these references'}`);
  if (requirements.length === 0) {
    if (options.format === 'json') return resultJson({ member: code, gateway: origin, shared: 0, references: [] });
    return result(`${code} has no requirements to share`);
  }
  const token = await bearerToken(options.token, ministryRole(code), `jpg:share:${code}`);
  let shared = 0;
  for (let start = 0; start < requirements.length; start += SHARE_BATCH) {
    const batch = requirements.slice(start, start + SHARE_BATCH);
    progress(`sharing ${code}'s requirements ${start + 1}-${start + batch.length} of ${requirements.length} through ${origin}/graphql`);
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: SHARE, variables: { country: code, requirements: batch } }),
      signal: AbortSignal.timeout(60_000),
    }).catch((error: Error) => {
      throw new Error(`the gateway at ${origin} does not answer (${(error.cause as Error | undefined)?.message ?? error.message})`);
    });
    const answer = (await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status}, not a GraphQL response` }] }))) as GraphQLAnswer;
    const error = answer.errors?.[0];
    if (error || !answer.data?.shareRequirements) {
      const done = shared > 0 ? ` (${shared} shared before it; run again to share the rest)` : ' (nothing shared)';
      throw new Error(`procurement refused ${code}'s requirements ${start + 1}-${start + batch.length}: ${error ? refusal(error, batch) : `HTTP ${response.status}`}${done}`);
    }
    shared += batch.length;
  }
  if (options.format === 'json') return resultJson({ member: code, gateway: origin, shared, references: requirements.map((r) => r.reference) });
  result(`${code}: ${shared} requirement${shared === 1 ? '' : 's'} shared with procurement through ${origin}`);
}
