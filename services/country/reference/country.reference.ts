import type { CountryContext } from '../context';
import { assertServedMember } from '../member';
import { Country } from '../types/country.type';

/** `Country` representations: the served member always exists here; any other is refused. */
export function resolveCountryReference(reference: { code: string }, ctx: CountryContext): Country {
  assertServedMember(ctx.member, reference.code);
  return Country.of(reference.code);
}
