/**
 * The selected order's lines as CSV (RFC 4180: comma-separated, CRLF line
 * ends, a field quoted when it holds a comma, a quote or a line break, its
 * quotes doubled), one row per member's allocation, amounts exactly as the
 * graph answered them. Text that a spreadsheet would run as a formula (=, +,
 * -, @ first) gets a leading apostrophe; amounts are numbers and stay as they are.
 */
import type { OrderDetail } from './queries';

export const CSV_HEADER = [
  'Order',
  'NSN',
  'Item',
  'Member',
  'Member name',
  'Member quantity',
  'Line quantity',
  'Unit price',
  'Member cost',
  'Currency',
  'Tier from',
  'Next tier from',
  'Next tier unit price',
  'Units to next tier',
  'Next tier saves',
];

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** One field, escaped. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && !NUMBER.test(text) && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (fields: readonly (string | number | null | undefined)[]): string => fields.map(csvField).join(',');

export function orderLinesCsv(order: OrderDetail): string {
  const rows = order.lines.flatMap((line) =>
    line.allocations.map((allocation) =>
      csvRow([
        order.reference,
        line.item.nsn,
        line.item.name,
        allocation.country.code,
        allocation.country.name,
        allocation.quantity,
        line.quantity,
        line.unitPrice.amount,
        allocation.cost.amount,
        line.unitPrice.currency,
        line.tier.minQuantity,
        line.nextTier?.tier.minQuantity,
        line.nextTier?.tier.unitPrice.amount,
        line.nextTier?.unitsMissing,
        line.nextTier?.savingsOnCurrentQuantity.amount,
      ]),
    ),
  );
  return [csvRow(CSV_HEADER), ...rows].join('\r\n') + '\r\n';
}

/** "JPO-2026-0003-lines.csv" */
export const csvFileName = (order: Pick<OrderDetail, 'reference'>): string => `${order.reference.replace(/[^\w.-]+/g, '_')}-lines.csv`;
