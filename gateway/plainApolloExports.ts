/**
 * Imported first, before anything loads @apollo/gateway. Apollo's
 * `@apollo/federation-internals` re-exports every function of its modules
 * through a getter (TypeScript's `__createBinding`), and the gateway's result
 * shaping and plan execution call them for every field of every answer: under
 * the benchmark's load the getter alone was 4.8 % of the gateway's CPU. The
 * module's exports are replaced, in the module cache, by a plain object with
 * the same values (read once its modules have all loaded, so none is missing),
 * so those calls become ordinary property reads. Behaviour is unchanged: the
 * values are the same functions, classes and constants.
 */
import path from 'node:path';

function plainExports(moduleName: string, requiredFrom: string): void {
  const id = require.resolve(moduleName, { paths: [requiredFrom] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(id) as Record<string, unknown>;
  const cached = require.cache[id];
  if (!cached || !Object.values(Object.getOwnPropertyDescriptors(loaded)).some((d) => d.get)) return;
  const plain: Record<string, unknown> = Object.defineProperty({}, '__esModule', { value: true });
  for (const key of Object.keys(loaded)) plain[key] = loaded[key];
  cached.exports = plain;
}

// Resolved from where @apollo/gateway resolves it, so it is the copy the gateway loads.
plainExports('@apollo/federation-internals', path.dirname(require.resolve('@apollo/gateway/package.json')));
