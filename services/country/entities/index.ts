import { Budget } from './budget.entity';
import { Holding } from './holding.entity';
import { Ministry } from './ministry.entity';
import { Requirement } from './requirement.entity';

export { Budget, Holding, Ministry, Requirement };

/** Every table of a member's database, for the DataSource. */
export const COUNTRY_ENTITIES = [Ministry, Holding, Requirement, Budget];
