import type { DataSource } from 'typeorm';
import { JointOrder } from '../entities';
import { seedDemoCases } from './demoCases';
import { seedDemoOrders } from './demoOrders';
import { seedExchangeRates } from './exchangeRates';
import { seedReferenceData } from './referenceData';

export { seedReferenceData } from './referenceData';

/**
 * Reference data, plus the demo orders, their purchasers' cases and reference
 * rates when the database has no orders yet, dated from `today` ("YYYY-MM-DD").
 */
export async function seedDemoData(dataSource: DataSource, today: string): Promise<{ orders: boolean }> {
  await seedReferenceData(dataSource);
  if ((await dataSource.getRepository(JointOrder).count()) > 0) return { orders: false };
  await seedDemoOrders(dataSource, today);
  await seedDemoCases(dataSource, today);
  await seedExchangeRates(dataSource);
  return { orders: true };
}
