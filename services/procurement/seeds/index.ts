import type { DataSource } from 'typeorm';
import { JointOrder } from '../entities';
import { seedDemoOrders } from './demoOrders';
import { seedReferenceData } from './referenceData';

export { seedReferenceData } from './referenceData';

/** Reference data, plus the demo orders when the database has no orders yet, dated from `today` ("YYYY-MM-DD"). */
export async function seedDemoData(dataSource: DataSource, today: string): Promise<{ orders: boolean }> {
  await seedReferenceData(dataSource);
  if ((await dataSource.getRepository(JointOrder).count()) > 0) return { orders: false };
  await seedDemoOrders(dataSource, today);
  return { orders: true };
}
