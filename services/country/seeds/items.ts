/** The catalogue's short names moved to lib/reference/items.ts (procurement's demo uses them too). */
export { ITEM } from '../../../lib/reference/items';
