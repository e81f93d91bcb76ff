import type { GraphiQLPlugin } from '@graphiql/react';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { createContext, useContext } from 'react';
import { rolesMeet } from './exampleHeader';
import type { SavedExample } from './savedExamples';

/** The roles of the token in the header field (null: no token, or one that names none), for the role checks. */
export const TokenRolesContext = createContext<readonly string[] | null>(null);

/** Why the current token cannot run `example` as it stands, or null when it can (or the example names no role). */
export function missingRole(example: Pick<SavedExample, 'role'>, roles: readonly string[] | null): string | null {
  if (example.role === undefined || (roles !== null && rolesMeet(roles, example.role))) return null;
  const held = roles === null || roles.length === 0 ? 'no role' : roles.join(', ');
  return `Needs the ${example.role} role; your token has ${held}: expect FORBIDDEN errors.`;
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M5 4h10l4 4v12H5z" />
      <path d="M15 4v4h4M8 12h8M8 15h8M8 18h5" />
    </svg>
  );
}

function ExamplesList({ examples, onOpen }: { examples: readonly SavedExample[]; onOpen(example: SavedExample): void }) {
  const roles = useContext(TokenRolesContext);
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const { run, setOperationFacts } = useGraphiQLActions();

  const open = (example: SavedExample, andRun: boolean) => {
    if (!queryEditor) return;
    onOpen(example);
    queryEditor.setValue(example.query);
    variableEditor?.setValue(example.variables);
    if (!andRun) return;
    // GraphiQL learns the operation name from the editor a moment later; running
    // right away would send the previous document's name, so tell it now.
    const documentAST = parse(example.query);
    const operations = documentAST.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    setOperationFacts({ documentAST, operations, operationName: operations[0]?.name?.value });
    run();
  };

  if (examples.length === 0) {
    return (
      <p className="examples-empty">
        No saved examples yet. Add <code>.graphql</code> files to <code>examples/queries/</code> and run <code>npm run build:web</code>.
      </p>
    );
  }
  return (
    <ul className="examples">
      {examples.map((example) => {
        const missing = missingRole(example, roles);
        return (
          <li key={example.name} data-example={example.name} data-role={example.role ?? ''} data-role-missing={String(missing !== null)}>
            <div className="example-title">{example.title}</div>
            {example.role !== undefined && <div className="example-role">role: {example.role}</div>}
            {missing !== null && (
              <div className="example-role-missing" role="note">
                {missing}
              </div>
            )}
            {example.description !== '' && <div className="example-description">{example.description}</div>}
            <div className="example-actions">
              <button type="button" onClick={() => open(example, false)} disabled={!queryEditor}>
                Open
              </button>
              <button type="button" className="run" onClick={() => open(example, true)} disabled={!queryEditor}>
                Run
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A sidebar panel listing the saved example operations, each with the role it
 * needs (flagged when the token lacks it): Open puts one in the editor, Run
 * also executes it; `onOpen` hears which one, before it runs.
 */
export function examplesPlugin(examples: readonly SavedExample[], onOpen: (example: SavedExample) => void): GraphiQLPlugin {
  return {
    title: 'Saved examples',
    icon: ExamplesIcon,
    content: function SavedExamples() {
      return (
        <div className="examples-plugin">
          <h2 className="examples-title">Saved examples</h2>
          <p className="examples-hint">Analyst questions answered by the graph, each with the role its token needs. Open one to edit it, or Run it.</p>
          <ExamplesList examples={examples} onOpen={onOpen} />
        </div>
      );
    },
  };
}
