import type { CountryContext } from '../context';
import type { Holding } from '../entities';
import { toRowId } from '../ids';
import { assertServedMember } from '../member';

/** `Holding` representations, batched into one query by the request's loader; an unknown id is null. */
export async function resolveHoldingReference(reference: { countryCode: string; id: string }, ctx: CountryContext): Promise<Holding | null> {
  assertServedMember(ctx.member, reference.countryCode);
  const id = toRowId(reference.id);
  return id === undefined ? null : ctx.loaders.holding.load(id);
}
