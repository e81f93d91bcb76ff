import { CreateProcurementSchema1767225600001 } from './1767225600001-CreateProcurementSchema';
import { AllocationLockVersion1796254773000 } from './1796254773000-AllocationLockVersion';
import { TruthfulReferenceData1796360000000 } from './1796360000000-TruthfulReferenceData';
import { AllocationRequirementIndex1796400000000 } from './1796400000000-AllocationRequirementIndex';

/** The procurement database's migrations, oldest first. Add new ones at the end. */
export const PROCUREMENT_MIGRATIONS = [CreateProcurementSchema1767225600001, AllocationLockVersion1796254773000, TruthfulReferenceData1796360000000, AllocationRequirementIndex1796400000000];
