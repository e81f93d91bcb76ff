/**
 * `jpg member add|remove|list`: a member joins or leaves the federation
 * without anyone writing code.
 */
import { Command } from 'commander';
import { configOption, memberCode, portNumber } from '../arguments';
import { formatOption } from '../output';

export function memberCommand(): Command {
  const member = new Command('member').description("add, remove or list the federation's members");

  member
    .command('add')
    .description("create a member's database, migrate it, add it to the federation config, admit it in procurement, and print how to start its service")
    .argument('<CODE>', 'member code: two capital letters (ISO 3166-1 alpha-2, e.g. MK)', memberCode)
    .requiredOption('--name <name>', "the ministry's name, e.g. \"Ministry of Defence of North Macedonia\"")
    .option('--database <url>', 'mysql://user:password@host:3306/db (the database and user are created) or sqlite:<file>; default sqlite:<DATA_DIR>/country-<code>.sqlite')
    .option('--port <n>', 'port of its country subgraph; default the first free one after the members already configured', portNumber)
    .option('--seed <set>', 'load a record set after migrating (only "demo")')
    .addOption(configOption())
    .addOption(formatOption())
    .action(async () => {
      throw new Error('jpg member add: not implemented yet');
    });

  member
    .command('remove')
    .description('take a member out of the federation config (the gateway drops it without a restart); its database is kept')
    .argument('<CODE>', 'member code', memberCode)
    .addOption(configOption())
    .addOption(formatOption())
    .action(async () => {
      throw new Error('jpg member remove: not implemented yet');
    });

  member
    .command('list')
    .description("each member's state as the gateway sees it (its /ready, asked with a procurement token)")
    .option('--gateway <url>', "the gateway's origin; default from the federation config")
    .addOption(configOption())
    .addOption(formatOption())
    .action(async () => {
      throw new Error('jpg member list: not implemented yet');
    });

  return member;
}
