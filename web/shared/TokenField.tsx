import { useState } from 'react';
import { saveToken } from './bearerToken';
import { tokenExpiry } from './tokenExpiry';

interface TokenFieldProps {
  token: string;
  onChange(token: string): void;
}

/** The bearer-token input both apps show in their header; saved in localStorage on apply. */
export function TokenField({ token, onChange }: TokenFieldProps) {
  const [draft, setDraft] = useState(token);
  const expiry = tokenExpiry(token);
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
      <span className="token-status" role="status">
        {token === '' ? 'no token' : expiry ? `token set, expires ${expiry.toLocaleString()}` : 'token set'}
      </span>
    </form>
  );
}
