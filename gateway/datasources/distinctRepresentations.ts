/**
 * An `_entities` fetch often asks for the same entity many times (the Guild
 * benchmark's query: 465 representations per client request, 27 distinct).
 * Each distinct representation is sent once; its answer, and the errors at
 * its path, are fanned back out to every position that asked for it.
 *
 * The gateway writes into the entities it receives (it merges later fetches
 * into them), so every position but the first gets its own copy.
 */
import type { GraphQLFormattedError } from 'graphql';

export interface DistinctRepresentations {
  /** What is sent: each representation once, in order of first appearance. */
  distinct: unknown[];
  /** For each original position, the index of its representation in `distinct`. */
  positionOf: number[];
}

/** The distinct representations, or undefined when every one is already distinct (nothing to gain). */
export function distinctRepresentations(representations: unknown[]): DistinctRepresentations | undefined {
  const indexOf = new Map<string, number>();
  const distinct: unknown[] = [];
  const positionOf = new Array<number>(representations.length);
  for (let i = 0; i < representations.length; i++) {
    const key = JSON.stringify(representations[i]);
    let at = indexOf.get(key);
    if (at === undefined) {
      at = distinct.length;
      indexOf.set(key, at);
      distinct.push(representations[i]);
    }
    positionOf[i] = at;
  }
  return distinct.length < representations.length ? { distinct, positionOf } : undefined;
}

interface EntitiesResponse {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<GraphQLFormattedError>;
}

/** The answer to the distinct representations, as the answer to the original positions. */
export function fanOut<R extends EntitiesResponse>(response: R, { distinct, positionOf }: DistinctRepresentations): R {
  const received = response.data?._entities;
  let data = response.data;
  if (Array.isArray(received) && received.length === distinct.length) {
    const handedOut = new Array<boolean>(distinct.length).fill(false);
    const entities = positionOf.map((at) => {
      if (handedOut[at]) return cloneJson(received[at]);
      handedOut[at] = true;
      return received[at];
    });
    data = { ...response.data, _entities: entities };
  }
  if (!response.errors) return { ...response, data };
  const positions: number[][] = distinct.map(() => []);
  positionOf.forEach((at, i) => positions[at].push(i));
  const errors = response.errors.flatMap((error) => {
    const path = error.path;
    if (!path || path[0] !== '_entities' || typeof path[1] !== 'number' || !positions[path[1]]) return [error];
    return positions[path[1]].map((i) => ({ ...error, path: ['_entities', i, ...path.slice(2)] }));
  });
  return { ...response, data, errors };
}

/** A deep copy of a JSON value (faster than structuredClone for parsed JSON). */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = cloneJson((value as Record<string, unknown>)[key]);
  return copy as T;
}
