import type { DataSource } from 'typeorm';
import type { Identity } from '../../lib/security/roles';
import type { Clock } from './clock';
import { createLoaders, Loaders } from './loaders';

/** What every resolver gets: the database, this request's loaders, the clock, the caller. */
export interface ProcurementContext {
  dataSource: DataSource;
  loaders: Loaders;
  clock: Clock;
  /** The caller the gateway verified; null for the gateway's own requests (no roles). See ./authorization.ts. */
  identity: Identity | null;
}

/**
 * Runs a write for a resolver, then gives the request fresh loaders: what the
 * mutation returns must be read after the write, not from an earlier cache.
 */
export async function write<T>(ctx: ProcurementContext, work: () => Promise<T>): Promise<T> {
  const result = await work();
  ctx.loaders = createLoaders(ctx.dataSource, ctx.clock.today);
  return result;
}

export function createContext(dataSource: DataSource, clock: Clock, identity: Identity | null = null): ProcurementContext {
  return { dataSource, loaders: createLoaders(dataSource, clock.today), clock, identity };
}
