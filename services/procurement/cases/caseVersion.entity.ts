import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { MinorUnits, minorUnitsTransformer } from '../../../lib/money';
import { Decision } from '../types/enums';
import { CaseVersionKind } from './enums';

/** One version of a case's document: the offer, a re-offer, an amendment or a modification. */
@ObjectType({ description: "One version of a case's document: the offer, a re-offer, an amendment or a modification, with the purchaser's decision where one is needed." })
@Entity({ name: 'case_version' })
export class CaseVersion {
  @PrimaryColumn({ name: 'case_id', type: 'int' })
  caseId: number;

  @Field(() => Int, { description: 'The version number, from 1 (the first offer).' })
  @PrimaryColumn({ type: 'int' })
  version: number;

  @Field(() => CaseVersionKind, { description: 'What this version is.' })
  @Column({ type: 'varchar', length: 12 })
  kind: CaseVersionKind;

  @Field(() => LocalDateScalar, { description: 'The day it was issued.' })
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The last day the purchaser can sign it; null for a modification (no signature needed).' })
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;

  @Column({ name: 'estimate_minor', type: 'bigint', transformer: minorUnitsTransformer })
  estimateMinor: MinorUnits;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field({ description: 'What it offers or changes.' })
  @Column({ type: 'varchar', length: 2000 })
  description: string;

  @Field(() => Decision, { nullable: true, description: "The purchaser's decision: APPROVED (signed) or REJECTED (declined); null while awaited, and always for a modification." })
  @Column({ type: 'varchar', length: 8, nullable: true })
  decision: Decision | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day of the decision.' })
  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: string | null;

  @Field(() => String, { nullable: true, description: 'The official who signed or declined.' })
  @Column({ name: 'decided_by', type: 'varchar', length: 120, nullable: true })
  decidedBy: string | null;

  @Field(() => String, { nullable: true, description: 'The reason given with the decision (required for a rejection).' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  comment: string | null;
}
