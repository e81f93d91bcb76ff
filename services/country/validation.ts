/**
 * Input rules of the country subgraph as class-validator decorators, so each
 * input class states its rules beside its fields and a failure reaches the
 * client as BAD_USER_INPUT naming every bad field (lib/graphql/formatError.ts).
 * Rules that need the stored state live in the resolvers.
 */
import { Min, ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { catalogEntry, CATALOG_CATEGORIES, NSN_FORMAT } from '../../lib/reference/catalog';
import { badInput } from '../../lib/errors';
import { parseAmount } from '../../lib/money';

/** Years a budget or a need date may fall in. */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;
/** Non-negative, two decimals at most, at most 13 integer digits (the database bound, see the migration). */
const AMOUNT_FORMAT = /^\d{1,13}(\.\d{1,2})?$/;

/** A quantity of items: a whole number of at least one (GraphQL's Int has made it whole). */
export function IsPositiveQuantity(): PropertyDecorator {
  return Min(1, { message: 'must be a positive whole number' });
}

/** A NATO Stock Number of the shared catalogue. */
export function IsCatalogueNsn(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCatalogueNsn',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && catalogEntry(value) !== undefined,
        defaultMessage: (args?: ValidationArguments) =>
          typeof args?.value === 'string' && NSN_FORMAT.test(args.value)
            ? `"${args.value}" is not in the shared catalogue`
            : 'must be a NATO Stock Number of 13 digits in the form NNNN-NN-NNN-NNNN',
      },
    },
    options,
  );
}

/** An exact, non-negative decimal amount such as "1250000.00". */
export function IsDecimalAmount(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimalAmount',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && AMOUNT_FORMAT.test(value),
        defaultMessage: () => 'must be a non-negative decimal string with at most 2 decimal places and 13 integer digits, like "1250000.00"',
      },
    },
    options,
  );
}

/** This amount must not exceed the amount in `otherField` (checked only once both are well-formed). */
export function NotAbove(otherField: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notAbove',
      constraints: [otherField],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const other = (args?.object as Record<string, unknown> | undefined)?.[otherField];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          if (!AMOUNT_FORMAT.test(value) || !AMOUNT_FORMAT.test(other)) return true;
          return parseAmount(value) <= parseAmount(other);
        },
        defaultMessage: () => `must not exceed ${otherField}`,
      },
    },
    options,
  );
}

/** A LocalDate (already a real date, checked by the scalar) whose year is in YEAR_RANGE. */
export function IsDateInYearRange(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateInYearRange',
      validator: {
        validate: (value: unknown) => {
          const year = typeof value === 'string' ? Number(value.slice(0, 4)) : NaN;
          return year >= YEAR_RANGE.min && year <= YEAR_RANGE.max;
        },
        defaultMessage: () => `must be a date in the years ${YEAR_RANGE.min}-${YEAR_RANGE.max}`,
      },
    },
    options,
  );
}

/** Text with at least one visible character. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim() !== '',
        defaultMessage: () => 'must not be blank',
      },
    },
    options,
  );
}

/** The ministry's own reference for a requirement: 1-40 visible characters (kept as given, trimmed). */
export const REFERENCE_MAX_LENGTH = 40;
export function IsReference(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isReference',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim() !== '' && value.trim().length <= REFERENCE_MAX_LENGTH && !/[\u0000-\u001f]/.test(value),
        defaultMessage: () => `must be 1 to ${REFERENCE_MAX_LENGTH} characters without control characters, like "KSF-2027-014"`,
      },
    },
    options,
  );
}

/** For scalar arguments (not input objects): the `category` filter. */
export function assertCategory(category: string | undefined | null, field = 'category'): void {
  if (category === undefined || category === null) return;
  if (!(CATALOG_CATEGORIES as readonly string[]).includes(category)) {
    throw badInput(field, `must be a catalogue category (${CATALOG_CATEGORIES.join(', ')}), got "${category}"`);
  }
}

export function assertYear(year: number, field = 'year'): void {
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
    throw badInput(field, `must be a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}, got ${year}`);
  }
}

/** An update must change something. */
export function assertSomeField(input: object, field = 'input'): void {
  if (Object.values(input).every((value) => value === undefined)) throw badInput(field, 'must set at least one field');
}
