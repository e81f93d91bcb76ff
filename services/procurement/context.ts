import type { DataSource } from 'typeorm';
import type { Clock } from './clock';
import { createLoaders, Loaders } from './loaders';

/** What every resolver gets: the database, this request's loaders, the clock. */
export interface ProcurementContext {
  dataSource: DataSource;
  loaders: Loaders;
  clock: Clock;
}

/**
 * Runs a write for a resolver, then gives the request fresh loaders: what the
 * mutation returns must be read after the write, not from an earlier cache.
 */
export async function write<T>(ctx: ProcurementContext, work: () => Promise<T>): Promise<T> {
  const result = await work();
  ctx.loaders = createLoaders(ctx.dataSource);
  return result;
}

export function createContext(dataSource: DataSource, clock: Clock): ProcurementContext {
  return { dataSource, loaders: createLoaders(dataSource), clock };
}
