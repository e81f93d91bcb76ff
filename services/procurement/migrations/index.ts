import { CreateProcurementSchema1767225600001 } from './1767225600001-CreateProcurementSchema';
import { AllocationLockVersion1796254773000 } from './1796254773000-AllocationLockVersion';
import { TruthfulReferenceData1796360000000 } from './1796360000000-TruthfulReferenceData';
import { AllocationRequirementIndex1796400000000 } from './1796400000000-AllocationRequirementIndex';
import { CaseLifecycle1796500000000 } from './1796500000000-CaseLifecycle';
import { RequirementShares1796500000001 } from './1796500000001-RequirementShares';
import { PriceVersions1796600000000 } from './1796600000000-PriceVersions';
import { ClosedCasesReadOnly1796700000000 } from './1796700000000-ClosedCasesReadOnly';
import { DropPriceTier1796700000001 } from './1796700000001-DropPriceTier';

/** The procurement database's migrations, oldest first. Add new ones at the end. */
export const PROCUREMENT_MIGRATIONS = [
  CreateProcurementSchema1767225600001,
  AllocationLockVersion1796254773000,
  TruthfulReferenceData1796360000000,
  AllocationRequirementIndex1796400000000,
  CaseLifecycle1796500000000,
  RequirementShares1796500000001,
  PriceVersions1796600000000,
  ClosedCasesReadOnly1796700000000,
  DropPriceTier1796700000001,
];
