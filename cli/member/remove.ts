/**
 * `jpg member remove <CODE>`: takes a member out of the federation config; a
 * watching gateway drops it without a restart (its data then answers as
 * UNKNOWN_MEMBER). Its database and its procurement record are kept: the
 * ministry's data stays the ministry's, and orders it took part in keep it.
 */
import { editMembers, readConfig, shardedSubgraph } from '../federationConfig';
import { CheckFailed, OutputFormat, progress, result, resultJson } from '../output';

export async function runMemberRemove(code: string, options: { config: string; format: OutputFormat }): Promise<void> {
  const config = readConfig(options.config);
  const member = shardedSubgraph(config).sharded.members[code];
  if (!member) throw new CheckFailed(`${code} is not in the federation config ${config.origin}`);
  progress(`removing ${code} (${member.url}) from ${config.origin}`);
  editMembers(config.origin, (members) => {
    delete members[code];
  });
  if (options.format === 'json') resultJson({ code, removed: member.url, config: config.origin });
  else result(`Member ${code} removed from ${config.origin}; its service at ${member.url} can be stopped. Its database is kept.`);
}
