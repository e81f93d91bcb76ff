/** The country subgraph's paged lists (lib/graphql/pagination.ts): one connection type per node type. */
import { ObjectType } from 'type-graphql';
import { ConnectionOf } from '../../../lib/graphql/pagination';
import { Holding, Requirement } from '../entities';

@ObjectType('HoldingConnection', { description: "A page of the member's holdings, in the order they were recorded, with the total and the cursor for the next page." })
export class HoldingConnection extends ConnectionOf(Holding, 'Holding', 'holdings') {}

@ObjectType('RequirementConnection', { description: "A page of the member's requirements, in the order they were recorded, with the total and the cursor for the next page." })
export class RequirementConnection extends ConnectionOf(Requirement, 'Requirement', 'requirements') {}
