/**
 * Scalars shared by every subgraph, so that the same name means the same thing
 * across the supergraph. `LocalDate` is a real calendar date ("2026-02-30" is
 * refused), `DateTimeISO` an instant in ISO 8601.
 */
export { GraphQLLocalDate as LocalDateScalar, GraphQLDateTimeISO as DateTimeScalar } from 'graphql-scalars';
