/**
 * A JWT's payload read WITHOUT verifying it: only to tell the user about
 * their own token (expiry, roles, whose perspective to show first). The
 * gateway verifies the token and decides what it may read.
 */
export function tokenPayload(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The roles the token claims (`roles`, an array or a space-separated string), e.g. ["ministry:AL"]. */
export function tokenRoles(token: string): string[] {
  const roles = tokenPayload(token)?.roles;
  if (typeof roles === 'string') return roles.split(/\s+/).filter(Boolean);
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
}

/** The members whose ministry the token acts for (from its `ministry:<CODE>` roles). */
export const ministryCodes = (token: string): string[] =>
  tokenRoles(token)
    .filter((role) => role.startsWith('ministry:'))
    .map((role) => role.slice('ministry:'.length).toUpperCase());
