/**
 * The per-request context: which member this process serves, its database,
 * and fresh DataLoaders (so batching and caching never outlive one request).
 */
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import type { Identity } from '../../lib/security/roles';
import { createLoaders, CountryLoaders } from './loaders';

export interface CountryContext {
  member: string;
  dataSource: DataSource;
  loaders: CountryLoaders;
  /** The HTTP request, for checks that need its headers. */
  request: Request;
  /** The caller the gateway verified; null for the gateway's own requests (no roles). See ./authorization.ts. */
  identity: Identity | null;
}

export function contextFactory(member: string, dataSource: DataSource): (request: Request, identity: Identity | null) => Promise<CountryContext> {
  return async (request, identity) => ({ member, dataSource, loaders: createLoaders(dataSource, member), request, identity });
}
