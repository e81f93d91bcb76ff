/**
 * What a client sees of an error. Known errors keep their message and
 * `extensions.code`; class-validator failures are turned into one message that
 * names every bad field; anything unexpected is logged and masked, so no stack
 * trace or SQL ever leaves a service.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '../errors';

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

function flatten(failures: ValidationFailure[], prefix = ''): { field: string; problems: string[] }[] {
  return failures.flatMap((f) => {
    const field = prefix ? `${prefix}.${f.property}` : f.property;
    const own = f.constraints ? [{ field, problems: Object.values(f.constraints) }] : [];
    return [...own, ...flatten(f.children ?? [], field)];
  });
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const validationErrors = formatted.extensions?.validationErrors as ValidationFailure[] | undefined;
  if (validationErrors) {
    const fields = flatten(validationErrors);
    return {
      ...formatted,
      message: `Invalid input: ${fields.map((f) => `"${f.field}" ${f.problems.join('; ')}`).join('; ')}`,
      extensions: { code: ErrorCode.BAD_USER_INPUT, fields: fields.map((f) => f.field), field: fields[0]?.field },
    };
  }
  if (!code || code === ErrorCode.INTERNAL_SERVER_ERROR) {
    const original = unwrapResolverError(error);
    // Errors raised as GraphQLError on purpose already carry a code; these did not.
    console.error('[unexpected error]', original);
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}
