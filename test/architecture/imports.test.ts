/**
 * The layers of the repository, checked on every import of every source file
 * (import, export … from, require, dynamic import): lower layers never import
 * higher ones, the two subgraphs never import each other, and nothing imports
 * a library's build output (`<package>/dist/…`) instead of its public entry
 * points. Test code (test/ folders, *.test.ts, *.e2e.ts) may reach any layer,
 * but not a library's dist/ either.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

/** What each layer must not import (a folder forbids everything under it). */
export const MUST_NOT_IMPORT: Record<string, readonly string[]> = {
  lib: ['gateway', 'services', 'cli', 'web', 'bench', 'scripts', 'test'],
  'services/country': ['gateway', 'services/procurement', 'cli', 'web', 'bench', 'scripts', 'test'],
  'services/procurement': ['gateway', 'services/country', 'cli', 'web', 'bench', 'scripts', 'test'],
  gateway: ['services', 'cli', 'web', 'bench', 'scripts', 'test'],
  web: ['gateway', 'services', 'cli', 'bench', 'scripts', 'test'],
  cli: ['web', 'bench', 'test'],
};

/**
 * Known exceptions, each with its reason; the test fails on a new violation and
 * on an exception that no longer occurs (so this list only shrinks).
 */
export const KNOWN_EXCEPTIONS: Record<string, string> = {
  // Started alone, a subgraph listens where the federation config puts it; the config's loader and its
  // validation live in gateway/config.ts (with the gateway's cost and resilience settings). Moving the loader
  // to lib/ removes these two.
  'services/country/index.ts -> gateway/configAddress.ts': 'reads its address from the federation config',
  'services/procurement/index.ts -> gateway/configAddress.ts': 'reads its address from the federation config',
  // Apollo's gateway exports its data sources' options type but not the enum of their kinds.
  'gateway/datasources/requestKinds.test.ts -> @apollo/gateway/dist/datasources/types': "pins requestKinds.ts to Apollo's enum",
};

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const isTestCode = (file: string) => /(^|\/)test\//.test(file) || /\.(test|e2e)\.tsx?$/.test(file);

/** Every import of `file` (relative to ROOT) that breaks a rule, as "file -> target" or "file -> package/dist/…". */
export function violations(file: string, text: string): string[] {
  const layer = isTestCode(file) ? undefined : Object.keys(MUST_NOT_IMPORT).find((folder) => file.startsWith(`${folder}/`));
  const found: string[] = [];
  for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
    if (!specifier.startsWith('.')) {
      if (/(^|\/)dist(\/|$)/.test(specifier)) found.push(`${file} -> ${specifier}`);
      continue;
    }
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    if (layer && MUST_NOT_IMPORT[layer].some((folder) => target === folder || target.startsWith(`${folder}/`))) {
      found.push(`${file} -> ${SOURCE.test(target) ? target : `${target}.ts`}`);
    }
  }
  return found;
}

/** Source files under ROOT, relative and with forward slashes; build output and dependencies left out. */
function sourceFiles(dir = ''): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return ['node_modules', 'dist', '.git', 'data', 'test-output'].includes(entry.name) || entry.name.startsWith('.') ? [] : sourceFiles(relative);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

describe('imports follow the layers', () => {
  it('finds a violation (the check itself can fail)', () => {
    expect(violations('lib/money.ts', "import { x } from '../gateway/server';")).toEqual(['lib/money.ts -> gateway/server.ts']);
    expect(violations('services/country/a.ts', "export * from '../procurement/b';")).toEqual(['services/country/a.ts -> services/procurement/b.ts']);
    expect(violations('gateway/a.ts', "const s = require('../services/country/schema');")).toEqual(['gateway/a.ts -> services/country/schema.ts']);
    expect(violations('web/dashboard/a.tsx', "const m = await import('../../cli/jpg');")).toEqual(['web/dashboard/a.tsx -> cli/jpg.ts']);
    expect(violations('gateway/a.ts', "import type { K } from '@apollo/gateway/dist/datasources/types';")).toEqual(['gateway/a.ts -> @apollo/gateway/dist/datasources/types']);
    expect(violations('cli/a.ts', "import { g } from '../gateway/config';\nimport { l } from '../lib/money';")).toEqual([]);
    expect(violations('gateway/test/a.ts', "import { s } from '../../services/country/schema';")).toEqual([]);
    expect(violations('gateway/a.test.ts', "import '@apollo/subgraph/dist/schema-helper';")).toEqual(['gateway/a.test.ts -> @apollo/subgraph/dist/schema-helper']);
  });

  it('holds for every source file of the repository', () => {
    const files = sourceFiles();
    expect(files).toEqual(expect.arrayContaining(['lib/money.ts', 'gateway/server.ts', 'services/procurement/schema.ts', 'web/dashboard/Dashboard.tsx']));
    const found = files.flatMap((file) => violations(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found.filter((v) => !(v in KNOWN_EXCEPTIONS))).toEqual([]);
    expect(Object.keys(KNOWN_EXCEPTIONS).filter((v) => !found.includes(v))).toEqual([]);
  });
});
