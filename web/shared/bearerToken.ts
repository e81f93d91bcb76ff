/**
 * The bearer token both web apps send to the gateway, kept in localStorage so
 * a ministry user pastes it once (issue 5: `npm start` prints development tokens).
 */
const STORAGE_KEY = 'jpg.bearerToken';

export function loadToken(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return ''; // storage disabled: the user types the token each visit
  }
}

export function saveToken(token: string): void {
  const trimmed = token.trim();
  try {
    if (trimmed === '') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, trimmed);
  } catch {
    // storage disabled: the token lives for this page only
  }
}

export function authorizationHeader(token: string): Record<string, string> {
  return token === '' ? {} : { Authorization: `Bearer ${token}` };
}

/**
 * When the token says it expires, read from its payload WITHOUT verifying it:
 * only to tell the user "your token expired at …"; the gateway decides.
 */
export function tokenExpiry(token: string): Date | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? new Date(exp * 1000) : null;
  } catch {
    return null;
  }
}
