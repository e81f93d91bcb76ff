/**
 * Row ids are per-member autoincrement integers, exposed as `ID` strings; the
 * entity key is (countryCode, id). An id that cannot be a row id names no row.
 */
const ROW_ID = /^[1-9]\d{0,9}$/;

export function toRowId(id: string | number): number | undefined {
  const text = String(id);
  if (!ROW_ID.test(text)) return undefined;
  const value = Number(text);
  return value <= 2_147_483_647 ? value : undefined;
}
