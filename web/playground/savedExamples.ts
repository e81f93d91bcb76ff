/**
 * The saved example operations: every examples/queries/*.graphql file in the
 * repository, bundled at build time — a new file appears with no code change.
 * An optional <name>.variables.json next to it supplies the variables.
 *
 * A file's leading `#` comment lines are its title (first line), the role it
 * needs (`# role: analyst`) and its description (./exampleHeader.ts).
 */
import { exampleHeader } from './exampleHeader';

const operations = import.meta.glob<string>('../../examples/queries/*.graphql', { query: '?raw', import: 'default', eager: true });
const variableFiles = import.meta.glob<string>('../../examples/queries/*.variables.json', { query: '?raw', import: 'default', eager: true });

export interface SavedExample {
  /** File name without extension, e.g. `late-deliveries`. */
  name: string;
  title: string;
  description: string;
  query: string;
  /** JSON text for the variables editor ('' when the operation takes none). */
  variables: string;
  /** The role the example needs (`# role: …`); undefined when the file does not say. */
  role: string | undefined;
}

const baseName = (path: string, suffix: string): string => path.slice(path.lastIndexOf('/') + 1, -suffix.length);

/** `late-deliveries` → `Late deliveries` when the file has no title comment. */
const titleFromName = (name: string): string => {
  const words = name.replace(/^\d+[-_]/, '').replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function savedExamples(): SavedExample[] {
  const variablesByName = new Map(Object.entries(variableFiles).map(([path, text]) => [baseName(path, '.variables.json'), text.trim()]));
  return Object.entries(operations)
    .map(([path, query]) => {
      const name = baseName(path, '.graphql');
      const { title, description, role } = exampleHeader(query);
      return { name, title: title ?? titleFromName(name), description, query, variables: variablesByName.get(name) ?? '', role };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
