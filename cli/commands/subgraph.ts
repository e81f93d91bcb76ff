/**
 * `jpg subgraph check`: is a running or proposed subgraph safe to deploy?
 * Breaking, dangerous and safe changes against the contract, a one-line
 * verdict, exit 1 on a breaking change.
 */
import { Command } from 'commander';
import { configOption, memberCode } from '../arguments';
import { formatOption } from '../output';
import { runSubgraphCheck } from '../subgraph/check';

export function subgraphCommand(): Command {
  const subgraph = new Command('subgraph').description('check a subgraph before (or after) it is deployed');

  subgraph
    .command('check')
    .description(
      'compare a country subgraph (running: --member [--url]; proposed: --sdl) with the member contract schema/country.graphql, ' +
        'or compose a proposed procurement schema (--procurement --sdl) with the rest of the federation',
    )
    .option('--member <CODE>', "a member's running country subgraph (its URL from the federation config, or --url)", memberCode)
    .option('--url <url>', "the running subgraph's /graphql URL (with --member)")
    .option('--sdl <file>', 'a proposed SDL file instead of a running subgraph')
    .option('--procurement', 'the SDL is a proposed procurement subgraph: compose it with the rest')
    .addOption(configOption())
    .addOption(formatOption())
    .addHelpText('after', '\nExit code 1 when a change is breaking or the schema does not compose; every change is listed with its level, kind and location.')
    .action(runSubgraphCheck);

  return subgraph;
}
