/**
 * The three kinds of record a ministry loads and exports as CSV, each with its
 * columns, its natural key, and its row rules: the same class-validator rules
 * as the graph's inputs (inputs/*.ts, ../validation.ts) plus the requirement
 * justification rule, so a row is accepted exactly when the same entry would
 * be accepted through the graph. Import sets each record as the file states
 * it (the ministry's own record of it), so a requirement's life-cycle
 * transitions are not checked (any status may be loaded); its row rules are.
 */
import { validateSync } from 'class-validator';
import type { EntityTarget } from 'typeorm';
import { formatAmount, parseAmount } from '../../../lib/money';
import { catalogEntry } from '../../../lib/reference/catalog';
import type { AuditedRecord } from '../audit/auditEntry.entity';
import { budgetView, holdingView, requirementView } from '../audit/recordViews';
import { Budget, Holding, Requirement } from '../entities';
import { SetBudgetInput } from '../inputs/budget.inputs';
import { RecordHoldingInput } from '../inputs/holding.inputs';
import { CreateRequirementInput } from '../inputs/requirement.inputs';
import { HoldingStatus, Priority, RequirementStatus } from '../types/enums';
import type { CsvColumns } from './csvText';

export const RECORD_KINDS = ['holdings', 'requirements', 'budgets'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface ColumnProblem {
  column: string;
  problem: string;
}

/** A kind of record as a CSV file holds it. `Row` is the database row (entity). */
export interface RecordFormat<Row extends object> extends CsvColumns {
  kind: RecordKind;
  entity: EntityTarget<Row>;
  recordType: AuditedRecord;
  /** The natural key's columns, for messages. */
  keyColumns: readonly string[];
  /** The primary-key property (`id`, or `year` for budgets) and the columns an update may change. */
  idProperty: 'id' | 'year';
  conflictColumns: readonly string[];
  updateColumns: readonly string[];
  /** A CSV row's fields → the row to store (without id), or the problems, by column. */
  parse(fields: Record<string, string>, member: string): { row?: Partial<Row>; problems: ColumnProblem[] };
  keyOf(row: Partial<Row>): string;
  /** The record as the audit trail stores it. */
  view(row: Row): object;
  toCsv(row: Row): Record<string, string>;
}

/** The first message of each invalid property, named by its column (= the input's field). */
function validationProblems(input: object): ColumnProblem[] {
  return validateSync(input, { forbidUnknownValues: false }).map((error) => ({
    column: error.property,
    problem: Object.values(error.constraints ?? { invalid: 'is not valid' })[0].replace(new RegExp(`^${error.property} `), ''),
  }));
}

class FieldReader {
  readonly problems: ColumnProblem[] = [];
  constructor(private readonly fields: Record<string, string>) {}

  private fail(column: string, problem: string): undefined {
    this.problems.push({ column, problem });
    return undefined;
  }

  text(column: string, { required = true } = {}): string | undefined {
    const value = this.fields[column];
    if (value === '') return required ? this.fail(column, 'is required') : undefined;
    return value;
  }

  wholeNumber(column: string): number | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    return /^-?\d{1,10}$/.test(value) ? Number(value) : this.fail(column, `must be a whole number, got "${value.slice(0, 20)}"`);
  }

  oneOf<T extends string>(column: string, values: Record<string, T>): T | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    const allowed = Object.values(values);
    return allowed.includes(value as T) ? (value as T) : this.fail(column, `must be one of ${allowed.join(', ')}, got "${value.slice(0, 20)}"`);
  }

  /** The reading problems, then the input's class-validator problems of the columns that were read well. */
  private problemsWith(input: object): ColumnProblem[] {
    return [...this.problems, ...validationProblems(input).filter((p) => !this.problems.some((q) => q.column === p.column))];
  }

  /**
   * The row to store made of `input` by `toRow`, or the problems when the
   * input breaks its rules (`moreRules` adds any the input class cannot state).
   */
  rowOf<Input extends object, Row>(
    input: Input,
    toRow: (input: Input) => Partial<Row>,
    moreRules: (input: Input, problems: readonly ColumnProblem[]) => ColumnProblem[] = () => [],
  ): { row?: Partial<Row>; problems: ColumnProblem[] } {
    const problems = this.problemsWith(input);
    problems.push(...moreRules(input, problems));
    return problems.length ? { problems } : { problems, row: toRow(input) };
  }

  /** true or false; empty gives `fallback`. */
  boolean(column: string, fallback: boolean): boolean | undefined {
    const value = this.fields[column].toLowerCase();
    if (value === '') return fallback;
    return value === 'true' ? true : value === 'false' ? false : this.fail(column, `must be true or false, got "${value.slice(0, 20)}"`);
  }

  /** A calendar date YYYY-MM-DD that exists. */
  date(column: string): string | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    const [year, month, day] = value.split('-').map(Number);
    const real = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(Date.UTC(year, month - 1, day)).toISOString().startsWith(value);
    return real ? value : this.fail(column, `must be a date like 2027-06-30, got "${value.slice(0, 20)}"`);
  }
}

export const HOLDINGS: RecordFormat<Holding> = {
  kind: 'holdings',
  entity: Holding,
  recordType: 'Holding',
  columns: ['nsn', 'unit', 'status', 'quantity', 'natoStandard'],
  optional: ['natoStandard'],
  keyColumns: ['nsn', 'unit', 'status'],
  idProperty: 'id',
  conflictColumns: ['country_code', 'nsn', 'unit', 'status'],
  updateColumns: ['quantity', 'nato_standard'],
  parse(fields, member) {
    const read = new FieldReader(fields);
    const input = Object.assign(new RecordHoldingInput(), {
      nsn: read.text('nsn'),
      unit: read.text('unit'),
      status: read.oneOf('status', HoldingStatus),
      quantity: read.wholeNumber('quantity'),
      natoStandard: read.boolean('natoStandard', true),
    });
    return read.rowOf(input, (valid) => ({
      countryCode: member,
      nsn: valid.nsn,
      category: catalogEntry(valid.nsn)!.category,
      unit: valid.unit.trim(),
      status: valid.status,
      quantity: valid.quantity,
      natoStandard: valid.natoStandard ?? true,
    }));
  },
  keyOf: (row) => JSON.stringify([row.nsn, row.unit, row.status]),
  view: holdingView,
  toCsv: (h) => ({ nsn: h.nsn, unit: h.unit, status: h.status, quantity: String(h.quantity), natoStandard: String(Boolean(h.natoStandard)) }),
};

export const REQUIREMENTS: RecordFormat<Requirement> = {
  kind: 'requirements',
  entity: Requirement,
  recordType: 'Requirement',
  columns: ['reference', 'nsn', 'quantity', 'priority', 'neededBy', 'status', 'justification'],
  optional: ['justification'],
  keyColumns: ['reference'],
  idProperty: 'id',
  conflictColumns: ['country_code', 'reference'],
  updateColumns: ['nsn', 'quantity', 'priority', 'needed_by', 'status', 'justification'],
  parse(fields, member) {
    const read = new FieldReader(fields);
    const input = Object.assign(new CreateRequirementInput(), {
      reference: read.text('reference'),
      nsn: read.text('nsn'),
      quantity: read.wholeNumber('quantity'),
      priority: read.oneOf('priority', Priority),
      neededBy: read.date('neededBy'),
      status: read.oneOf('status', RequirementStatus),
      justification: read.text('justification', { required: false }) ?? null,
    });
    return read.rowOf(
      input,
      (valid) => ({
        countryCode: member,
        reference: valid.reference!.trim(),
        nsn: valid.nsn,
        quantity: valid.quantity,
        priority: valid.priority,
        neededBy: valid.neededBy,
        status: valid.status!,
        justification: valid.justification ?? null,
      }),
      // The graph's rule (requirementRules.ts assertJustified), by column.
      (entry, problems) =>
        entry.priority === Priority.CRITICAL && !entry.justification && !problems.some((p) => p.column === 'justification')
          ? [{ column: 'justification', problem: 'is required for a CRITICAL requirement' }]
          : [],
    );
  },
  keyOf: (row) => String(row.reference),
  view: requirementView,
  toCsv: (r) => ({
    reference: r.reference,
    nsn: r.nsn,
    quantity: String(r.quantity),
    priority: r.priority,
    neededBy: r.neededBy,
    status: r.status,
    justification: r.justification ?? '',
  }),
};

export const BUDGETS: RecordFormat<Budget> = {
  kind: 'budgets',
  entity: Budget,
  recordType: 'Budget',
  columns: ['year', 'currency', 'defenceTotal', 'procurement'],
  optional: [],
  keyColumns: ['year'],
  idProperty: 'year',
  conflictColumns: ['country_code', 'year'],
  updateColumns: ['currency', 'defence_total_minor', 'procurement_minor'],
  parse(fields, member) {
    const read = new FieldReader(fields);
    const input = Object.assign(new SetBudgetInput(), {
      year: read.wholeNumber('year'),
      currency: read.text('currency'),
      defenceTotal: read.text('defenceTotal'),
      procurement: read.text('procurement'),
    });
    return read.rowOf(input, (valid) => ({
      countryCode: member,
      year: valid.year,
      currency: valid.currency,
      defenceTotalMinor: parseAmount(valid.defenceTotal, 'defenceTotal'),
      procurementMinor: parseAmount(valid.procurement, 'procurement'),
    }));
  },
  keyOf: (row) => String(row.year),
  view: budgetView,
  toCsv: (b) => ({ year: String(b.year), currency: b.currency, defenceTotal: formatAmount(b.defenceTotalMinor), procurement: formatAmount(b.procurementMinor) }),
};

export const RECORD_FORMATS: Record<RecordKind, RecordFormat<any>> = { holdings: HOLDINGS, requirements: REQUIREMENTS, budgets: BUDGETS };
