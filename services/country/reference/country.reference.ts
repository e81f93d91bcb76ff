import type { CountryContext } from '../context';
import { assertServedMember } from '../member';
import { Country } from '../types/country.type';

/**
 * `Country` representations: the served member always exists here; any other is refused.
 * Async on purpose: a synchronous throw would fail the whole `_entities` list, a rejection only its own entry.
 */
export async function resolveCountryReference(reference: { code: string }, ctx: CountryContext): Promise<Country> {
  assertServedMember(ctx.member, reference.code);
  return Country.of(reference.code);
}
