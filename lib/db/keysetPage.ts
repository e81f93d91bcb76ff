/**
 * One page of a filtered list, paged by SQL: keyset (`WHERE key > last key`)
 * on a unique sort key, `LIMIT first + 1`, and a COUNT of the filtered list
 * only when `totalCount` is read. No offset, so a page costs the same deep in
 * the list, and rows added meanwhile never shift a page.
 *
 *   keysetPage(repo.createQueryBuilder('o').where(…filters…), {
 *     list: 'jointOrders', sort: [{ column: 'o.id', property: 'id', direction: 'DESC', kind: 'number' }], first, after })
 */
import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { checkPageSize, connectionOf, ConnectionValue, CursorValue, decodeCursor, encodeCursor, PAGE_SIZE_MAX, PageRequest } from '../graphql/pagination';

export interface SortKey<Row> {
  /** The column as the query names it, e.g. "o.id". */
  column: string;
  /** The entity property holding it, e.g. "id". */
  property: keyof Row & string;
  direction: 'ASC' | 'DESC';
  kind: 'string' | 'number';
}

export interface KeysetOptions<Row> extends PageRequest {
  /** The list's name, carried by its cursors (a cursor of another list is refused). */
  list: string;
  /** The order; the last key (or the keys together) must be unique, e.g. `…, id`. */
  sort: readonly SortKey<Row>[];
  /** The largest `first` (default PAGE_SIZE_MAX). */
  max?: number;
}

/** Rows strictly after `after` in the order `sort`: (k1 > v1) OR (k1 = v1 AND k2 > v2) OR … */
function afterKey<Row extends ObjectLiteral>(query: SelectQueryBuilder<Row>, sort: readonly SortKey<Row>[], values: CursorValue[]): void {
  query.andWhere(
    new Brackets((outer) => {
      sort.forEach((key, i) => {
        outer.orWhere(
          new Brackets((inner) => {
            for (let j = 0; j < i; j++) inner.andWhere(`${sort[j].column} = :keyset${j}`);
            inner.andWhere(`${key.column} ${key.direction === 'ASC' ? '>' : '<'} :keyset${i}`);
          }),
        );
      });
    }),
  );
  query.setParameters(Object.fromEntries(values.map((value, i) => [`keyset${i}`, value])));
}

export async function keysetPage<Row extends ObjectLiteral>(filtered: SelectQueryBuilder<Row>, options: KeysetOptions<Row>): Promise<ConnectionValue<Row>> {
  const { list, sort, after } = options;
  const first = checkPageSize(options.first, options.max ?? PAGE_SIZE_MAX);
  const kinds = sort.map((key) => key.kind);
  const page = filtered.clone();
  if (after !== undefined && after !== null) afterKey(page, sort, decodeCursor(after, list, kinds));
  sort.forEach((key, i) => (i === 0 ? page.orderBy(key.column, key.direction) : page.addOrderBy(key.column, key.direction)));
  const rows = await page.limit(first + 1).getMany();
  return connectionOf({
    rows,
    first,
    cursorOf: (row) => encodeCursor(list, sort.map((key) => row[key.property] as CursorValue)),
    count: () => filtered.clone().getCount(),
  });
}
