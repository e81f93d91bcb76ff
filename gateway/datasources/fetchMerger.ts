/**
 * Entity fetches to the same subgraph that leave in the same turn of the event
 * loop (sibling fetches of a query plan's Parallel node) go as ONE HTTP
 * request: each part's `_entities` field under its own alias (`p0`, `p1`…),
 * its variables and fragments renamed apart; the answer is split back by alias.
 *
 *   query A($representations: [_Any!]!) { _entities(representations: $representations) { … } }
 *   query B($representations: [_Any!]!) { _entities(representations: $representations) { … } }
 *     ⇒ query Merged($p0_representations: [_Any!]!, $p1_representations: [_Any!]!) {
 *          p0: _entities(representations: $p0_representations) { … }
 *          p1: _entities(representations: $p1_representations) { … } }
 *
 * A failure stays in its part: errors at `["p1", …]` go to part 1 only (as
 * `["_entities", …]`); an answer with no data and errors that name no part (the
 * merged operation refused as a whole) makes every part go again on its own.
 * The planner is untouched: it still sees one fetch per plan node.
 */
import { DocumentNode, FieldNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse, print, visit } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';

export interface MergeablePart {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
  /** The request's headers (the parts of one batch carry the same ones, correlation headers aside). */
  headers: Record<string, string>;
}

export interface PartAnswer {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  /** The subgraph's Cache-Control header. */
  cacheControl?: string;
}

/** Sends one operation (through deduplication and the HTTP pool) and returns its parsed answer. */
export type SendOperation = (query: string, variables: Record<string, unknown>, operationName: string | undefined, headers: Record<string, string>) => Promise<PartAnswer>;

interface Waiting {
  part: MergeablePart;
  resolve(answer: PartAnswer): void;
  reject(error: unknown): void;
}

/** A part's operation, parsed once per query text: mergeable when it is a single `_entities` query. */
interface ParsedPart {
  operation: OperationDefinitionNode;
  fragments: FragmentDefinitionNode[];
}

const parsedParts = new Map<string, ParsedPart | null>();
const mergedTexts = new Map<string, string>();
const CACHE_LIMIT = 1000;

function parsePart(query: string): ParsedPart | null {
  let parsed = parsedParts.get(query);
  if (parsed !== undefined) return parsed;
  parsed = null;
  try {
    const document = parse(query);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
    const [operation] = operations;
    const fields = operation?.selectionSet.selections ?? [];
    const only = fields.length === 1 && fields[0].kind === Kind.FIELD ? (fields[0] as FieldNode) : undefined;
    if (operations.length === 1 && operation.operation === 'query' && only?.name.value === '_entities' && !only.alias && !only.directives?.length) parsed = { operation, fragments };
  } catch {
    parsed = null;
  }
  if (parsedParts.size >= CACHE_LIMIT) parsedParts.clear();
  parsedParts.set(query, parsed);
  return parsed;
}

/** Whether a query can be merged with others (a single `_entities` query operation). */
export function isMergeable(query: string): boolean {
  return parsePart(query) !== null;
}

const prefix = (k: number) => `p${k}`;

/** The merged operation's text for these part queries (cached by their texts). */
function mergedQuery(queries: string[]): string {
  const key = queries.join('\u0000');
  const known = mergedTexts.get(key);
  if (known) return known;
  const variableDefinitions: OperationDefinitionNode['variableDefinitions'] & unknown[] = [];
  const selections: FieldNode[] = [];
  const fragments: FragmentDefinitionNode[] = [];
  queries.forEach((query, k) => {
    const { operation, fragments: own } = parsePart(query)!;
    const rename = (node: DocumentNode | OperationDefinitionNode | FragmentDefinitionNode) =>
      visit(node, {
        Variable: (v) => ({ ...v, name: { ...v.name, value: `${prefix(k)}_${v.name.value}` } }),
        FragmentSpread: (s) => ({ ...s, name: { ...s.name, value: `${prefix(k)}_${s.name.value}` } }),
        FragmentDefinition: (f) => ({ ...f, name: { ...f.name, value: `${prefix(k)}_${f.name.value}` } }),
      });
    const renamed = rename(operation) as OperationDefinitionNode;
    variableDefinitions.push(...(renamed.variableDefinitions ?? []));
    const field = renamed.selectionSet.selections[0] as FieldNode;
    selections.push({ ...field, alias: { kind: Kind.NAME, value: prefix(k) } });
    fragments.push(...own.map((f) => rename(f) as FragmentDefinitionNode));
  });
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    name: { kind: Kind.NAME, value: `Merged${queries.length}` },
    variableDefinitions,
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  const text = print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] });
  if (mergedTexts.size >= CACHE_LIMIT) mergedTexts.clear();
  mergedTexts.set(key, text);
  return text;
}

export class FetchMerger {
  private readonly batches = new Map<string, Waiting[]>();
  /** HTTP requests that carried more than one part, and the parts they carried. */
  readonly stats = { merged: 0, parts: 0 };

  constructor(private readonly send: SendOperation) {}

  /** Queues a part; parts with the same `group` (e.g. the same headers) queued in this turn go together. */
  add(group: string, part: MergeablePart): Promise<PartAnswer> {
    return new Promise<PartAnswer>((resolve, reject) => {
      let batch = this.batches.get(group);
      if (!batch) {
        this.batches.set(group, (batch = []));
        // After every fetch started in this turn (their hooks' awaits included) has queued.
        setImmediate(() => {
          this.batches.delete(group);
          void this.flush(batch!);
        });
      }
      batch.push({ part, resolve, reject });
    });
  }

  private async flush(batch: Waiting[]): Promise<void> {
    const alone = ({ part, resolve, reject }: Waiting) => void this.send(part.query, part.variables, part.operationName, part.headers).then(resolve, reject);
    if (batch.length === 1) return alone(batch[0]);
    // In the order of their documents: the same steps make the same merged text (cached here and by the subgraph).
    batch.sort((a, b) => (a.part.query < b.part.query ? -1 : a.part.query > b.part.query ? 1 : 0));
    const variables: Record<string, unknown> = {};
    batch.forEach(({ part }, k) => {
      for (const name of Object.keys(part.variables)) variables[`${prefix(k)}_${name}`] = part.variables[name];
    });
    let answer: PartAnswer;
    try {
      answer = await this.send(mergedQuery(batch.map((w) => w.part.query)), variables, `Merged${batch.length}`, batch[0].part.headers);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    this.stats.merged++;
    this.stats.parts += batch.length;
    const wholeRefused = !answer.data && (answer.errors ?? []).some((e) => !PART_ALIAS.test(String(e.path?.[0])));
    if (wholeRefused) {
      // Refused as a whole (e.g. one part's variables): each part goes on its own, so only its own failure is its.
      batch.forEach(alone);
      return;
    }
    batch.forEach(({ resolve }, k) => resolve(partOf(answer, k)));
  }
}

const PART_ALIAS = /^p\d+$/;

/** Part k of a merged answer, as if it had been sent alone: its own errors, and those that name no part. */
function partOf(answer: PartAnswer, k: number): PartAnswer {
  const alias = prefix(k);
  const data = answer.data ? { _entities: answer.data[alias] ?? null } : null;
  const errors: GraphQLFormattedError[] = [];
  for (const error of answer.errors ?? []) {
    const root = error.path?.[0];
    if (root === alias) errors.push({ ...error, path: ['_entities', ...error.path!.slice(1)] });
    else if (typeof root !== 'string' || !PART_ALIAS.test(root)) errors.push(error);
  }
  return { data, ...(errors.length > 0 ? { errors } : {}), cacheControl: answer.cacheControl };
}
