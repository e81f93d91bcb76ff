import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a ministry told procurement of one of its requirements, which lives in
 * its own country subgraph: procurement cannot read members' databases, so it
 * checks links and finds pooling candidates against these. The ministry
 * shares again when the requirement changes (`shareRequirements`).
 */
@Entity({ name: 'requirement_share' })
export class RequirementShare {
  @PrimaryColumn({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  /** The requirement's id in the member's country subgraph (key `countryCode id`). */
  @PrimaryColumn({ name: 'requirement_id', type: 'varchar', length: 32 })
  requirementId: string;

  /** The ministry's own reference, e.g. "AL-REQ-005". */
  @Column({ type: 'varchar', length: 40 })
  reference: string;

  @Column({ type: 'varchar', length: 16 })
  nsn: string;

  @Column({ type: 'int' })
  quantity: number;

  /** 'YYYY-MM-DD'. */
  @Column({ name: 'needed_by', type: 'date' })
  neededBy: string;

  /** DRAFT, SUBMITTED, FULFILLED or WITHDRAWN, as in the country subgraph. */
  @Column({ type: 'varchar', length: 10 })
  status: string;

  @Column({ name: 'shared_at', type: 'datetime' })
  sharedAt: Date;
}
