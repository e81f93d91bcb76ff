import { Allocation } from './allocation.entity';
import { Approval } from './approval.entity';
import { CatalogItem } from './catalogItem.entity';
import { Delivery } from './delivery.entity';
import { ImplementationPlan } from './implementationPlan.entity';
import { JointOrder } from './jointOrder.entity';
import { Member } from './member.entity';
import { OrderLine } from './orderLine.entity';
import { OrderParticipant } from './orderParticipant.entity';
import { PlanApproval } from './planApproval.entity';
import { PlanVersion } from './planVersion.entity';
import { PriceTier } from './priceTier.entity';
import { PriceVersion } from './priceVersion.entity';
import { RequirementShare } from './requirementShare.entity';
import { Case } from '../cases/case.entity';
import { CasePayment } from '../cases/casePayment.entity';
import { CaseStageChange } from '../cases/caseStageChange.entity';
import { CaseVersion } from '../cases/caseVersion.entity';
import { ExchangeRate } from '../rates/exchangeRate.entity';

export { Allocation, Approval, CatalogItem, Delivery, ImplementationPlan, JointOrder, Member, OrderLine, OrderParticipant, PlanApproval, PlanVersion, PriceTier, PriceVersion, RequirementShare };
export { Case, CasePayment, CaseStageChange, CaseVersion, ExchangeRate };

export const PROCUREMENT_ENTITIES = [Member, CatalogItem, JointOrder, OrderParticipant, OrderLine, Allocation, Approval, Delivery, ImplementationPlan, PlanVersion, PlanApproval, Case, CaseVersion, CaseStageChange, CasePayment, ExchangeRate, RequirementShare, PriceVersion];
