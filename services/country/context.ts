/**
 * The per-request context: which member this process serves, its database,
 * and fresh DataLoaders (so batching and caching never outlive one request).
 */
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { createLoaders, CountryLoaders } from './loaders';

export interface CountryContext {
  member: string;
  dataSource: DataSource;
  loaders: CountryLoaders;
  /** The HTTP request, for checks that need its headers (e.g. the caller's identity). */
  request: Request;
}

export function contextFactory(member: string, dataSource: DataSource): (request: Request) => Promise<CountryContext> {
  return async (request) => ({ member, dataSource, loaders: createLoaders(dataSource, member), request });
}
