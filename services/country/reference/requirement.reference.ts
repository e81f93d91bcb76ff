import type { CountryContext } from '../context';
import type { Requirement } from '../entities';
import { toRowId } from '../ids';
import { assertServedMember } from '../member';

/** `Requirement` representations, batched into one query by the request's loader; an unknown id is null. */
export async function resolveRequirementReference(reference: { countryCode: string; id: string }, ctx: CountryContext): Promise<Requirement | null> {
  assertServedMember(ctx.member, reference.countryCode);
  const id = toRowId(reference.id);
  return id === undefined ? null : ctx.loaders.requirement.load(id);
}
