/** The procurement subgraph's paged lists (lib/graphql/pagination.ts): one connection type per node type. */
import { ObjectType } from 'type-graphql';
import { ConnectionOf } from '../../../lib/graphql/pagination';
import { CatalogItem, Delivery, JointOrder } from '../entities';

@ObjectType('JointOrderConnection', { description: 'A page of joint orders, newest first, with the total and the cursor for the next page.' })
export class JointOrderConnection extends ConnectionOf(JointOrder, 'JointOrder', 'joint orders') {}

@ObjectType('CatalogItemConnection', { description: 'A page of the catalogue, by NSN, with the total and the cursor for the next page.' })
export class CatalogItemConnection extends ConnectionOf(CatalogItem, 'CatalogItem', 'catalogue items') {}

@ObjectType('DeliveryConnection', { description: 'A page of deliveries, by planned date (the longest overdue first), with the total and the cursor for the next page.' })
export class DeliveryConnection extends ConnectionOf(Delivery, 'Delivery', 'deliveries') {}
