/**
 * Helpers for the gateway's end-to-end tests: the saved example operations,
 * direct SQL on a service's database (to compute what an answer must be), and
 * answers with a member's part nulled (what the gateway must answer while
 * that member is down).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Caller, Federation, GraphQLAnswer } from '../../test/testkit/federation';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples', 'queries');

export function exampleNames(): string[] {
  return fs
    .readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => f.replace(/\.graphql$/, ''))
    .sort();
}

/** Runs examples/queries/<name>.graphql through the gateway, with its saved variables unless given others (as every role unless `as` says). */
export async function runExample<T = any>(federation: Federation, name: string, variables?: Record<string, unknown>, as?: Caller): Promise<GraphQLAnswer<T>> {
  const query = fs.readFileSync(path.join(EXAMPLES_DIR, `${name}.graphql`), 'utf8');
  const variablesFile = path.join(EXAMPLES_DIR, `${name}.variables.json`);
  const saved = fs.existsSync(variablesFile) ? (JSON.parse(fs.readFileSync(variablesFile, 'utf8')) as Record<string, unknown>) : {};
  return federation.query<T>(query, variables ?? saved, as === undefined ? undefined : { as });
}

/** Rows from a service's own database (the same SQL runs on MariaDB and SQLite). */
export async function sql<Row = Record<string, any>>(dataSource: DataSource, text: string, parameters: unknown[] = []): Promise<Row[]> {
  return (await dataSource.query(text, parameters)) as Row[];
}

/** A BIGINT column: a string from MariaDB, a number from SQLite. */
export const minor = (value: unknown): bigint => BigInt(String(value));

/** A copy of `data` with null at each path (as the gateway answers fields it could not fetch). */
export function withNullsAt<T>(data: T, paths: ReadonlyArray<ReadonlyArray<string | number>>): T {
  const copy = structuredClone(data) as any;
  for (const p of paths) {
    let node = copy;
    for (const step of p.slice(0, -1)) node = node?.[step];
    if (node !== null && node !== undefined) node[p[p.length - 1]] = null;
  }
  return copy;
}

/** The value at a response path. */
export function valueAt(data: unknown, p: ReadonlyArray<string | number>): any {
  return p.reduce<any>((node, step) => node?.[step], data);
}

/** Polls `condition` every 25 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
