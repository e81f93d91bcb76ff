import type { ReactNode } from 'react';
import { TokenField } from './TokenField';

interface AppHeaderProps {
  /** The app's name after the project's, e.g. "Dashboard". */
  app: string;
  /** The other app, one click away. */
  otherApp: { href: string; label: string };
  token: string;
  onTokenChange(token: string): void;
  /** Extra controls between the navigation and the token field. */
  children?: ReactNode;
}

/** The header bar both apps share: name, the link to the other app, and the bearer-token field. */
export function AppHeader({ app, otherApp, token, onTokenChange, children }: AppHeaderProps) {
  return (
    <header className="app-header">
      <h1>
        Joint Procurement Graph <span>{app}</span>
      </h1>
      <nav>
        <a href={otherApp.href}>{otherApp.label}</a>
      </nav>
      {children}
      <TokenField token={token} onChange={onTokenChange} />
    </header>
  );
}
