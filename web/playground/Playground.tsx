import { GraphiQL } from 'graphiql';
import { useMemo, useState } from 'react';
import { loadToken } from '../shared/bearerToken';
import { authProblem, type AuthProblem } from '../shared/problems';
import { AppHeader } from '../shared/AppHeader';
import { examplesPlugin } from './ExamplesPlugin';
import { playgroundFetcher } from './fetcher';
import { savedExamples } from './savedExamples';

const EXAMPLES_PLUGIN = examplesPlugin(savedExamples());

const WELCOME = `# One graph over every member's ministry.
# Pick a saved example on the left, or
# write a query: Ctrl+Space completes,
# Ctrl+Enter runs, the book opens the docs.

query JointOrders {
  jointOrders {
    reference
    title
    status
    totalValue { amount currency }
  }
}
`;

export function Playground() {
  const [token, setToken] = useState(loadToken);
  const [problem, setProblem] = useState<AuthProblem | null>(null);
  // A new fetcher makes GraphiQL introspect again, so a newly pasted token fills the docs.
  const fetcher = useMemo(() => playgroundFetcher(token, (result) => setProblem(authProblem(result, token))), [token]);

  return (
    <div className="playground">
      <AppHeader app="Playground" otherApp={{ href: '/dashboard/', label: 'Dashboard' }} token={token} onTokenChange={setToken} />
      {problem && (
        <div className="auth-problem" role="alert" data-problem={problem.kind}>
          {problem.message}
        </div>
      )}
      <main className="graphiql-host">
        <GraphiQL fetcher={fetcher} plugins={[EXAMPLES_PLUGIN]} visiblePlugin={EXAMPLES_PLUGIN} defaultQuery={WELCOME} defaultEditorToolsVisibility="variables" />
      </main>
    </div>
  );
}
