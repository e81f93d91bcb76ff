/**
 * Registers a TypeScript enum as a GraphQL enum with a description for the
 * type and for every value. The values' map is typed by the enum's keys, so
 * a value added to the enum without a description does not compile (the
 * schema test, test/schema/descriptions.test.ts, would only find it later).
 */
import { registerEnumType } from 'type-graphql';

export function registerDescribedEnum<E extends Record<string, string>>(
  enumObject: E,
  name: string,
  description: string,
  values: { readonly [K in keyof E]: string },
): void {
  const valuesConfig = Object.fromEntries(Object.entries(values).map(([key, text]) => [key, { description: text }])) as { [K in keyof E]: { description: string } };
  registerEnumType(enumObject, { name, description, valuesConfig });
}
