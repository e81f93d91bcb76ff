/**
 * `jpg member add|remove|list`: a member joins or leaves the federation
 * without anyone writing code.
 */
import { Command, Option } from 'commander';
import { configOption, memberCode, portNumber } from '../arguments';
import { runMemberAdd } from '../member/add';
import { runMemberList } from '../member/list';
import { runMemberRemove } from '../member/remove';
import { formatOption } from '../output';

export function memberCommand(): Command {
  const member = new Command('member').description("add, remove or list the federation's members");

  member
    .command('add')
    .description("create a member's database, migrate it, add it to the federation config, admit it in procurement, and print how to start its service")
    .argument('<CODE>', 'member code: two capital letters (ISO 3166-1 alpha-2, e.g. MK)', memberCode)
    .requiredOption('--name <name>', "the ministry's name, e.g. \"Ministry of Defence of North Macedonia\"")
    .option('--database <url>', 'its database: sqlite:<file> (created) or mysql://user:password@host:3306/db (must exist); default sqlite:<DATA_DIR>/country-<code>.sqlite')
    .option('--mysql <admin URL>', 'create its MySQL/MariaDB database and user (jpg_country_<code>, <code>_ministry; granted that database only) with this administrator URL')
    .option('--mysql-prefix <prefix>', 'with --mysql: put this before the database and user names (as npm start --mysql-prefix)')
    .option('--port <n>', 'port of its country subgraph; default the first free one after the members already configured', portNumber)
    .option('--seed <set>', 'load a record set after migrating (only "demo", for members that have demo records)')
    .option('--country-name <name>', 'the country\'s name in procurement\'s registry; default --name')
    .addOption(new Option('--nato-relation <relation>', "the country's relation to NATO, recorded in procurement").choices(['MEMBER', 'ASPIRANT', 'PARTNER', 'NONE']).default('MEMBER'))
    // The earlier name of --nato-relation, still accepted (it could not say NONE).
    .addOption(new Option('--nato-status <status>').choices(['MEMBER', 'PARTNER', 'ASPIRANT']).hideHelp())
    .option('--minister <name>', "also write the ministry record (with --headquarters); otherwise the ministry enters it (setMinistry)")
    .option('--headquarters <place>', 'with --minister')
    .addOption(configOption())
    .addOption(formatOption())
    .action(runMemberAdd);

  member
    .command('remove')
    .description('take a member out of the federation config (the gateway drops it without a restart); its database is kept')
    .argument('<CODE>', 'member code', memberCode)
    .addOption(configOption())
    .addOption(formatOption())
    .action(runMemberRemove);

  member
    .command('list')
    .description("each member's state as the gateway sees it (its /ready, asked with a procurement token)")
    .option('--gateway <url>', "the gateway's origin, e.g. http://127.0.0.1:4000; default from the federation config")
    .option('--token <jwt>', 'a procurement bearer token (or JPG_TOKEN); default one minted with the development secret')
    .addOption(configOption())
    .addOption(formatOption())
    .action(runMemberList);

  return member;
}
