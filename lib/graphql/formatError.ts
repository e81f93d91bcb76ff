/**
 * What a client sees of an error. Known errors keep their message and
 * `extensions.code`; class-validator failures are turned into one message that
 * names every bad field; anything unexpected is logged and masked, so no stack
 * trace or SQL ever leaves a service.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '../errors';
import { currentLogger } from '../observability/logger';

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

/**
 * graphql-js reports a variable that fails coercion (a non-integer Int, an
 * unknown enum value, an impossible LocalDate) only in its message:
 * `Variable "$input" got invalid value 1.5 at "input.quantity"; …`. The path
 * (or the variable's name) becomes `extensions.field`, as for every bad input.
 */
const COERCION_PATH = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"; /s;
const VARIABLE_NAME = /^Variable "\$(\w+)"/;

function variableField(message: string): string | undefined {
  return COERCION_PATH.exec(message)?.[2] ?? VARIABLE_NAME.exec(message)?.[1];
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
    currentLogger().error({ err: original }, `unexpected error, answered as ${ErrorCode.INTERNAL_SERVER_ERROR}: ${original instanceof Error ? original.message : String(original)}`);
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
  if (code === ErrorCode.BAD_USER_INPUT && extensions.field === undefined) {
    const field = variableField(formatted.message);
    if (field) extensions.field = field;
  }
  return { ...formatted, extensions };
}
