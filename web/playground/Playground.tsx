import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { useCallback, useMemo, useState } from 'react';
import { loadToken } from '../shared/bearerToken';
import { authProblem, type AuthProblem } from '../shared/problems';
import { AppHeader } from '../shared/AppHeader';
import { tokenRoles } from '../shared/tokenPayload';
import { examplesPlugin, missingRole, TokenRolesContext } from './ExamplesPlugin';
import { playgroundFetcher } from './fetcher';
import { savedExamples, type SavedExample } from './savedExamples';
import { WELCOME } from './welcome';

const EXAMPLES = savedExamples();

export function Playground() {
  const [token, setToken] = useState(loadToken);
  const [problem, setProblem] = useState<AuthProblem | null>(null);
  /** The saved example in the editor, until the user edits it into something else. */
  const [opened, setOpened] = useState<SavedExample | null>(null);
  // A new fetcher makes GraphiQL introspect again, so a newly pasted token fills the docs.
  const fetcher = useMemo(() => playgroundFetcher(token, (result) => setProblem(authProblem(result, token))), [token]);
  const roles = useMemo(() => (token === '' ? null : tokenRoles(token)), [token]);
  const examples = useMemo(() => examplesPlugin(EXAMPLES, setOpened), []);
  // History (GraphiQL's plugin) keeps every query run in localStorage, so it survives reloads.
  const plugins = useMemo(() => [examples, HISTORY_PLUGIN], [examples]);
  const onEditQuery = useCallback((value: string) => setOpened((current) => (current !== null && current.query !== value ? null : current)), []);
  const roleNotice = opened === null ? null : missingRole(opened, roles);

  return (
    <div className="playground">
      <AppHeader app="Playground" otherApp={{ href: '/dashboard/', label: 'Dashboard' }} token={token} onTokenChange={setToken} />
      {problem && (
        <div className="auth-problem" role="alert" data-problem={problem.kind}>
          {problem.message}
        </div>
      )}
      {opened !== null && roleNotice !== null && (
        <div className="role-notice" role="alert" data-testid="role-notice" data-example={opened.name}>
          “{opened.title}”: {roleNotice}
        </div>
      )}
      <main className="graphiql-host">
        <TokenRolesContext.Provider value={roles}>
          <GraphiQL
            fetcher={fetcher}
            plugins={plugins}
            visiblePlugin={examples}
            defaultQuery={WELCOME}
            defaultEditorToolsVisibility="variables"
            onEditQuery={onEditQuery}
          />
        </TokenRolesContext.Provider>
      </main>
    </div>
  );
}
