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
