/**
 * What a saved example says about itself in its leading `#` comment lines:
 *
 *   # Late deliveries                      ← title (the first line)
 *   # role: analyst                        ← the role it needs (any line)
 *   # Every delivery of every joint order… ← description (the other lines)
 *
 * Pure text, no Vite: the playground reads it from the bundled files, the
 * tests from examples/queries/ on disk.
 */
export interface ExampleHeader {
  title: string | undefined;
  description: string;
  /** The role the example needs, as a token's `roles` claim names it (`analyst`, `procurement`, `ministry:XK`). */
  role: string | undefined;
}

const ROLE_LINE = /^role:\s*(\S+)\s*$/i;

export function exampleHeader(query: string): ExampleHeader {
  const lines: string[] = [];
  let role: string | undefined;
  for (const line of query.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('#')) break;
    const text = trimmed.replace(/^#+\s?/, '').trim();
    const declared = ROLE_LINE.exec(text);
    if (declared) role = declared[1];
    else if (text !== '') lines.push(text);
  }
  const [title, ...description] = lines;
  return { title, description: description.join(' '), role };
}

/**
 * Whether a token holding `held` roles may run an example needing `needed`,
 * as lib/security/roles.ts decides: every role reads the graph (so `analyst`
 * is met by any), anything more only by that very role.
 */
export function rolesMeet(held: readonly string[], needed: string): boolean {
  if (needed === 'analyst') return held.some((role) => role === 'analyst' || role === 'procurement' || role.startsWith('ministry:'));
  return held.includes(needed);
}
