/**
 * `jpg subgraph check`: a running or proposed subgraph against its committed
 * schema, with the check the gateway itself applies (lib/schemaCheck), plus
 * composition with the rest of the federation.
 *
 *   --member XK [--url …]      the running country subgraph of XK (its _service { sdl }, signed like the gateway's calls)
 *   --sdl file                 a proposed country subgraph
 *   --procurement --sdl file   a proposed procurement subgraph
 */
import fs from 'node:fs';
import path from 'node:path';
import { SERVICE_DEFINITION_QUERY } from '@apollo/gateway';
import { checkSubgraph, SchemaChange, SubgraphCheck } from '../../lib/schemaCheck';
import { readSigningConfig } from '../../lib/security/config';
import { signedGraphQL } from '../../lib/security/signedGraphQL';
import { committedSdl, readConfig, shardedSubgraph } from '../federationConfig';
import { CheckFailed, OutputFormat, progress, result, resultJson, UsageError } from '../output';

export interface SubgraphCheckOptions {
  member?: string;
  url?: string;
  sdl?: string;
  procurement?: boolean;
  config: string;
  format: OutputFormat;
}

interface Checked extends SubgraphCheck {
  subgraph: string;
  /** What was checked: a file, or a running service's URL. */
  source: string;
  /** The committed SDL it was checked against. */
  against: string;
}

export async function runSubgraphCheck(options: SubgraphCheckOptions): Promise<void> {
  const checked = await check(options);
  if (options.format === 'json') resultJson(checked);
  else result(describe(checked));
  // The verdict is already on stdout; the exit code carries it for CI.
  if (!checked.passed) throw new CheckFailed(checked.verdict, { reported: true });
}

async function check(options: SubgraphCheckOptions): Promise<Checked> {
  if (options.procurement && !options.sdl) throw new UsageError('--procurement checks a proposed schema: give it with --sdl <file>');
  if (options.procurement && (options.member || options.url)) throw new UsageError('--procurement takes --sdl only (not --member or --url)');
  if (!options.sdl && !options.member && !options.url) throw new UsageError('say what to check: --member <CODE> [--url <url>] (a running subgraph) or --sdl <file> (a proposed one)');
  if (options.url && !options.member) throw new UsageError('--url needs --member <CODE>: requests are signed for that member');
  if (options.sdl && options.url) throw new UsageError('--sdl and --url both name what to check: give one');

  const config = readConfig(options.config);
  const country = shardedSubgraph(config);
  const target = options.procurement ? config.subgraphs.find((s) => s.name === 'procurement') : country;
  if (!target) throw new Error(`Federation config ${config.origin} has no subgraph named "procurement"`);
  const baseline = committedSdl(config, target);
  const others = config.subgraphs.filter((s) => s !== target).map((s) => committedSdl(config, s));

  let proposedSdl: string;
  let source: string;
  if (options.sdl) {
    source = path.resolve(options.sdl);
    try {
      proposedSdl = fs.readFileSync(source, 'utf8');
    } catch (error) {
      throw new UsageError(`--sdl ${options.sdl}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  } else {
    source = options.url ?? country.sharded.members[options.member!]?.url ?? '';
    if (!source) throw new UsageError(`--member ${options.member}: not in the federation config ${config.origin}; give its --url`);
    progress(`fetching _service { sdl } from ${source}`);
    proposedSdl = await servedSdl(source, options.member ?? country.name);
  }
  progress(`checking ${target.name}${options.member ? ` of ${options.member}` : ''} (${source}) against ${path.relative(process.cwd(), target.sdl!) || target.sdl}`);
  const outcome = await checkSubgraph({ name: target.name, baselineSdl: baseline.sdl, proposedSdl, others });
  return { subgraph: target.name, source, against: target.sdl!, ...outcome };
}

/** A running subgraph's SDL, asked as the gateway asks (signed for that member, as the gateway's own service identity). */
async function servedSdl(url: string, target: string): Promise<string> {
  let answer;
  try {
    answer = await signedGraphQL<{ _service?: { sdl?: string } }>(url, SERVICE_DEFINITION_QUERY, undefined, { secret: readSigningConfig().secret, target });
  } catch (error) {
    throw new Error(`${url} did not answer: ${(error as Error).message}${(error as Error & { cause?: Error }).cause ? ` (${(error as Error & { cause: Error }).cause.message})` : ''}`);
  }
  const sdl = answer.data?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`${url} did not report its schema (HTTP ${answer.status}${answer.errors ? `: ${answer.errors.map((e) => e.message).join('; ')}` : ''})`);
  return sdl;
}

const LABEL: Record<SchemaChange['level'], string> = { breaking: 'BREAKING', dangerous: 'DANGEROUS', safe: 'SAFE' };

function describe(checked: Checked): string {
  const lines = [
    ...checked.errors.map((e) => `ERROR      ${e}`),
    ...checked.changes.map((c) => `${LABEL[c.level].padEnd(10)} ${c.kind.padEnd(36)} ${c.location.padEnd(40)} ${c.message}`),
    checked.verdict,
  ];
  return lines.join('\n');
}
