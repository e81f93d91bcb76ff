import { useEffect, useState } from 'react';
import { saveToken } from './bearerToken';
import { tokenExpiry } from './tokenExpiry';
import { tokenRoles } from './tokenPayload';

interface TokenFieldProps {
  token: string;
  onChange(token: string): void;
}

/** Re-renders every `ms` so "expired" appears when the time comes, not at the next click. */
function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** Which roles the token carries and until when, as the token itself says (the gateway checks it). */
function TokenFacts({ token }: { token: string }) {
  const now = useNow(15_000);
  if (token === '') {
    return (
      <span className="token-status" role="status">
        no token
      </span>
    );
  }
  const roles = tokenRoles(token);
  const expiry = tokenExpiry(token);
  const expired = expiry !== null && expiry <= now;
  return (
    <span className="token-status" role="status">
      <span className="token-roles" data-testid="token-roles" data-roles={roles.join(' ')}>
        {roles.length === 0 ? 'no roles' : `roles: ${roles.join(', ')}`}
      </span>
      {expiry !== null && (
        <span
          className={expired ? 'token-expiry expired' : 'token-expiry'}
          data-testid="token-expiry"
          data-expired={String(expired)}
          data-expires-at={expiry.toISOString()}
        >
          {expired ? `EXPIRED ${expiry.toLocaleString()}` : `expires ${expiry.toLocaleString()}`}
        </span>
      )}
    </span>
  );
}

/** The bearer-token input both apps show in their header; saved in localStorage on apply. */
export function TokenField({ token, onChange }: TokenFieldProps) {
  const [draft, setDraft] = useState(token);
  const apply = (value: string) => {
    saveToken(value);
    onChange(value.trim());
  };
  return (
    <form
      className="token-field"
      onSubmit={(event) => {
        event.preventDefault();
        apply(draft);
      }}
    >
      <label htmlFor="bearer-token">Bearer token</label>
      <input
        id="bearer-token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder="paste a token from `npm start`"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit">Use token</button>
      {token !== '' && (
        <button
          type="button"
          onClick={() => {
            setDraft('');
            apply('');
          }}
        >
          Clear
        </button>
      )}
      <TokenFacts token={token} />
    </form>
  );
}
