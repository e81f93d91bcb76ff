import { tokenPayload } from './tokenPayload';

/**
 * When the token says it expires, read from its payload WITHOUT verifying it:
 * only to tell the user "your token expired at …"; the gateway decides.
 */
export function tokenExpiry(token: string): Date | null {
  const exp = tokenPayload(token)?.exp;
  return typeof exp === 'number' ? new Date(exp * 1000) : null;
}
