/**
 * The case lifecycle's DataLoaders, made per request alongside the
 * subgraph's own (and made afresh when a write replaces those).
 */
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { ProcurementContext } from '../context';
import { Case } from './case.entity';
import { CasePayment } from './casePayment.entity';
import { CaseStageChange } from './caseStageChange.entity';
import { CaseVersion } from './caseVersion.entity';


function grouped<E extends object, K extends number | string>(ctx: ProcurementContext, entity: new () => E, column: keyof E & string, order: Record<string, 'ASC'>): DataLoader<K, E[]> {
  return new DataLoader<K, E[]>(async (keys) => {
    const rows = await ctx.dataSource.getRepository(entity).find({ where: { [column]: In([...keys]) } as never, order: order as never });
    return keys.map((k) => rows.filter((row) => (row as Record<string, unknown>)[column] === k));
  });
}

function createCaseLoaders(ctx: ProcurementContext) {
  return {
    caseById: new DataLoader<number, Case | null>(async (ids) => {
      const rows = await ctx.dataSource.getRepository(Case).findBy({ id: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    casesOfOrder: grouped<Case, number>(ctx, Case, 'orderId', { countryCode: 'ASC' }),
    casesOfMember: grouped<Case, string>(ctx, Case, 'countryCode', { id: 'ASC' }),
    versions: grouped<CaseVersion, number>(ctx, CaseVersion, 'caseId', { version: 'ASC' }),
    payments: grouped<CasePayment, number>(ctx, CasePayment, 'caseId', { sequence: 'ASC' }),
    history: grouped<CaseStageChange, number>(ctx, CaseStageChange, 'caseId', { id: 'ASC' }),
  };
}

export type CaseLoaders = ReturnType<typeof createCaseLoaders>;

const perRequest = new WeakMap<object, CaseLoaders>();

/** This request's case loaders: keyed on its current loaders, so a write (which replaces them) starts fresh ones too. */
export function caseLoaders(ctx: ProcurementContext): CaseLoaders {
  let loaders = perRequest.get(ctx.loaders);
  if (!loaders) {
    loaders = createCaseLoaders(ctx);
    perRequest.set(ctx.loaders, loaders);
  }
  return loaders;
}
