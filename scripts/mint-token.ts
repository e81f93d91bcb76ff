/**
 * Mints a bearer token with the configured HS256 secret (AUTH_JWT_SECRET, or
 * the development secret), issuer and audience:
 *
 *   npm run token -- --role ministry:XK --hours 8
 *   npm run token -- --role procurement --role analyst --subject jane.doe
 *
 * The token alone goes to stdout, so `TOKEN=$(npm run -s token -- --role analyst)` works.
 * Deployments whose tokens come from an identity provider (AUTH_JWKS_*) get
 * their tokens there; this script refuses to run for them.
 */
import { readArg } from '../lib/config/env';
import { exitWithUsageIfAsked } from '../lib/config/usage';
import { readAuthConfig } from '../lib/security/config';
import { parseRoles } from '../lib/security/roles';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, mintDevelopmentToken } from '../lib/security/tokens';

const USAGE = 'Usage: npm run token -- --role <ministry:CODE|procurement|analyst> [--role …] [--hours 8] [--subject name]';

/** Every `--role x` / `--role=x` (comma-separated lists too). */
function rolesFrom(argv: readonly string[]): string[] {
  return argv.flatMap((arg, i) => (arg === '--role' ? [argv[i + 1] ?? ''] : arg.startsWith('--role=') ? [arg.slice('--role='.length)] : [])).flatMap((value) => value.split(','));
}

export async function mintTokenFromArgs(argv: readonly string[]): Promise<{ token: string; summary: string }> {
  const { roles, rejected } = parseRoles(rolesFrom(argv));
  if (rejected.length > 0) throw new Error(`Not a role: ${rejected.map((r) => `"${r}"`).join(', ')}\n${USAGE}`);
  if (roles.length === 0) throw new Error(USAGE);
  const hours = Number(readArg(argv, 'hours') ?? 8);
  if (!Number.isFinite(hours) || hours <= 0) throw new Error(`--hours must be a positive number\n${USAGE}`);

  const { verifier } = readAuthConfig();
  if (verifier.keys.kind !== 'secret') throw new Error('Tokens are verified against a JWKS here (AUTH_JWKS_FILE/AUTH_JWKS_URL): get them from that identity provider.');
  const expiresInSeconds = Math.round(hours * 3600);
  const longest = verifier.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  if (expiresInSeconds > longest) throw new Error(`--hours ${hours} is longer than the gateway accepts (AUTH_MAX_TOKEN_LIFETIME_SECONDS=${longest}, ${longest / 3600} h)\n${USAGE}`);
  const token = await mintDevelopmentToken(roles, {
    secret: verifier.keys.secret,
    issuer: verifier.issuer,
    audience: verifier.audience,
    rolesClaim: verifier.rolesClaim,
    subject: readArg(argv, 'subject'),
    expiresInSeconds,
  });
  return { token, summary: `Bearer token for ${roles.join(' ')}, valid until ${new Date(Date.now() + expiresInSeconds * 1000).toISOString()}` };
}

if (require.main === module) {
  exitWithUsageIfAsked(process.argv.slice(2), `${USAGE}

Prints the token alone on stdout (what it is for on stderr): TOKEN=$(npm run -s token -- --role analyst).
Signed with AUTH_JWT_SECRET (or the development secret), for AUTH_ISSUER and AUTH_AUDIENCE.`);
  mintTokenFromArgs(process.argv.slice(2)).then(
    ({ token, summary }) => {
      console.error(summary);
      console.log(token);
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
