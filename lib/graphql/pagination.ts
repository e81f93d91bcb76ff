/**
 * Cursor pagination shared by every subgraph (the Relay connection shape):
 *
 *   jointOrdersPage(first: 20, after: "…") { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { … } } nodes { … } }
 *
 * - `first` is checked against a documented maximum (BAD_USER_INPUT naming `first`);
 * - cursors are opaque: base64url of the list's name and the sort key of the
 *   last row, so a cursor of another list, or a made-up one, is refused
 *   (BAD_USER_INPUT naming `after`) instead of answering a wrong page;
 * - the rows come from SQL (lib/db/keysetPage.ts): ordered by a unique key,
 *   one row more than asked tells whether another page follows, and
 *   `totalCount` is counted only when selected.
 */
import { ArgsType, ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from '../errors';
import { listSize } from './costDirectives';

/** The page size when `first` is left out. */
export const PAGE_SIZE_DEFAULT = 20;
/** The largest `first` a list accepts (the audit trail keeps its own, documented, 500). */
export const PAGE_SIZE_MAX = 100;

/**
 * For the gateway's cost estimate (`@listSize` on the field answering a connection): a page holds `first`
 * entries (its default when left out), in `edges` and again in `nodes`.
 */
export const PAGED = listSize({ slicingArguments: ['first'], sizedFields: ['edges', 'nodes'] });
/** A page's `edges` and `nodes`, should they be reached without their field's `first`: the default page. */
const PAGE_ENTRIES = listSize({ assumedSize: PAGE_SIZE_DEFAULT });

/** A value of a sort key, as a cursor carries it. */
export type CursorValue = string | number;

@Directive('@shareable')
@ObjectType({ description: 'Where a page stands in its list: whether more follow, and the cursor that asks for them.' })
export class PageInfo {
  @Field({ description: 'Whether more entries follow this page: ask for them with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the page's last entry: pass it as `after` for the next page. Null on an empty page." })
  endCursor: string | null;
}

/** What a page of `Node`s carries before it becomes a connection: the rows, one more than asked if more follow. */
export interface PageRows<Node> {
  rows: Node[];
  /** The rows asked for (`first`). */
  first: number;
  /** The cursor of one row (its list's name and sort key). */
  cursorOf: (row: Node) => string;
  /** Counts the whole filtered list; run only when `totalCount` is selected. */
  count: () => Promise<number>;
}

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

export interface ConnectionValue<Node> {
  edges: Edge<Node>[];
  nodes: Node[];
  pageInfo: PageInfo;
  totalCount: Promise<number>;
}

/**
 * A connection type for `Node`: `<Name>Connection { totalCount pageInfo edges { cursor node } nodes }`
 * and its `<Name>Edge`. Subclass it with `@ObjectType('<Name>Connection', …)` so the type keeps a plain name;
 * `plural` words the descriptions ("joint orders").
 */
export function ConnectionOf<Node extends object>(NodeType: ClassType<Node>, name: string, plural: string) {
  @ObjectType(`${name}Edge`, { description: `One entry of a page of ${plural}, with its cursor.` })
  class EdgeType implements Edge<Node> {
    @Field({ description: 'Pass as `after` for the entries that follow this one.' })
    cursor: string;

    @Field(() => NodeType, { description: 'The entry itself.' })
    node: Node;
  }

  // Never referenced itself (so never emitted): its fields are inherited by the named subclass.
  @ObjectType(`${name}ConnectionFields`)
  abstract class Connection implements ConnectionValue<Node> {
    @Field(() => Int, { description: `How many ${plural} match the filters, on every page (counted only when asked for).` })
    totalCount: Promise<number>;

    @Field(() => PageInfo, { description: 'Whether more follow, and the cursor that asks for them.' })
    pageInfo: PageInfo;

    @Directive(PAGE_ENTRIES)
    @Field(() => [EdgeType], { description: `The ${plural} of this page with their cursors, in the list's order.` })
    edges: Edge<Node>[];

    @Directive(PAGE_ENTRIES)
    @Field(() => [NodeType], { description: `The ${plural} of this page, in the list's order (the edges' nodes, without cursors).` })
    nodes: Node[];
  }
  return Connection;
}

/** The connection value of a page; `totalCount` runs its COUNT only when GraphQL reads it. */
export function connectionOf<Node>({ rows, first, cursorOf, count }: PageRows<Node>): ConnectionValue<Node> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  let counted: Promise<number> | undefined;
  const connection = {
    edges,
    nodes,
    pageInfo: Object.assign(new PageInfo(), { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }),
  } as ConnectionValue<Node>;
  Object.defineProperty(connection, 'totalCount', { enumerable: true, get: () => (counted ??= count()) });
  return connection;
}

/** The arguments `first` and `after`, after `Base`'s own (so `country` stays first where a list has it). */
export function WithPage<Base extends object>(Base: ClassType<Base>, plural: string, max = PAGE_SIZE_MAX, defaultSize = PAGE_SIZE_DEFAULT) {
  @ArgsType()
  class PageArgs extends (Base as ClassType<object>) {
    @Field(() => Int, { defaultValue: defaultSize, description: `How many ${plural} this page holds: 1 to ${max} (default ${defaultSize}).` })
    first: number;

    @Field(() => String, { nullable: true, description: `The ${plural} after this cursor (a pageInfo.endCursor or an edge's cursor from an earlier page). Leave out for the first page.` })
    after?: string | null;
  }
  return PageArgs as unknown as ClassType<Base & PageRequest>;
}

export interface PageRequest {
  first: number;
  after?: string | null;
}

/** `first` within 1…max, or BAD_USER_INPUT naming it. */
export function checkPageSize(first: number, max = PAGE_SIZE_MAX): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw badInput('first', `must be from 1 to ${max} (got ${first}); ask for the next page with "after"`);
  return first;
}

/** An opaque cursor: the list it belongs to and the sort key of its row. */
export function encodeCursor(list: string, key: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

/**
 * The sort key a cursor of `list` carries (`kinds` says each value's type),
 * or BAD_USER_INPUT naming `after` for anything else.
 */
export function decodeCursor(cursor: string, list: string, kinds: readonly ('string' | 'number')[]): CursorValue[] {
  const refuse = () =>
    badInput('after', `is not a cursor of ${list} (got "${cursor.slice(0, 24)}${cursor.length > 24 ? '…' : ''}"): pass a pageInfo.endCursor or an edge's cursor from an earlier page of the same list`);
  let decoded: unknown;
  try {
    decoded = cursor.length <= 512 && /^[A-Za-z0-9_-]+$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    throw refuse();
  }
  if (!Array.isArray(decoded) || decoded[0] !== list || decoded.length !== kinds.length + 1) throw refuse();
  const key = decoded.slice(1);
  if (!key.every((value, i) => typeof value === kinds[i] && (typeof value !== 'number' || Number.isSafeInteger(value)))) throw refuse();
  return key as CursorValue[];
}
