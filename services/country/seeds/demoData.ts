/**
 * The shape of a member's demo records. Holdings are written per formation as
 * an equipment table (how many of each item are operational, in maintenance,
 * in reserve); each non-zero status becomes one inventory line.
 */
import type { DemoRequirement } from '../../../lib/reference/demoRequirements';
import { HoldingStatus } from '../types/enums';

export interface EquipmentLine {
  nsn: string;
  operational: number;
  maintenance?: number;
  reserve?: number;
  /** false for equipment not (yet) upgraded to its item's STANAG, e.g. unarmoured vehicles. */
  natoStandard?: boolean;
}

export interface DemoBudget {
  /** Years from the demo day's year: -1 last year, 0 this year, 1 next year. */
  yearOffset: number;
  defenceTotal: string;
  procurement: string;
}

export interface MemberDemoData {
  ministry: { name: string; minister: string; headquarters: string };
  formations: Record<string, EquipmentLine[]>;
  /** Shared with procurement's demo (lib/reference/demoRequirements.ts), which links allocations to them. */
  requirements: readonly DemoRequirement[];
  budgets: DemoBudget[];
}

export interface DemoHolding {
  unit: string;
  nsn: string;
  quantity: number;
  status: HoldingStatus;
  natoStandard: boolean;
}

export function demoHoldings(formations: MemberDemoData['formations']): DemoHolding[] {
  return Object.entries(formations).flatMap(([unit, lines]) =>
    lines.flatMap((line) =>
      (
        [
          [HoldingStatus.OPERATIONAL, line.operational],
          [HoldingStatus.MAINTENANCE, line.maintenance ?? 0],
          [HoldingStatus.RESERVE, line.reserve ?? 0],
        ] as const
      )
        .filter(([, quantity]) => quantity > 0)
        .map(([status, quantity]) => ({ unit, nsn: line.nsn, quantity, status, natoStandard: line.natoStandard ?? true })),
    ),
  );
}
