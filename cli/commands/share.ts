/**
 * `jpg share <CODE> requirements`: tell procurement what the ministry's own
 * database holds (cli/share/requirements.ts).
 */
import { Argument, Command, Option } from 'commander';
import { configOption, memberCode } from '../arguments';
import { memberDatabaseOption } from '../memberDatabase';
import { formatOption } from '../output';
import { runShareRequirements } from '../share/requirements';

export function shareCommand(): Command {
  return new Command('share')
    .description("share a member's requirements with procurement (as shareRequirements does), read from its own database and sent through the gateway")
    .argument('<CODE>', 'member code, e.g. XK', memberCode)
    .addArgument(new Argument('<kind>', 'what to share').choices(['requirements']))
    .option('--reference <reference...>', "only the requirements with these references (the ministry's own); default all of the member's")
    .addOption(memberDatabaseOption())
    .option('--gateway <url>', "the gateway's origin, e.g. http://127.0.0.1:4000; default from the federation config")
    .addOption(new Option('--token <jwt>', "the ministry's bearer token (role ministry:<CODE>); default one minted with the development secret").env('JPG_TOKEN'))
    .addOption(configOption())
    .addOption(formatOption())
    .action((code: string, _kind: 'requirements', options) => runShareRequirements(code, options));
}
